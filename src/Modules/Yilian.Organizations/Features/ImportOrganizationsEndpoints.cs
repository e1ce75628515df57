using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of ImportOrganizations: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ImportOrganizationsEndpoints
{
    public static IEndpointRouteBuilder MapImportOrganizationsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Organization import");
        var api = feature.MapGroup("/api/v1/organizations").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/import", ImportOrganizationsAsync)
            .WithName("ImportOrganizations")
            .WithSummary("Import organizations")
            .RequireAuthorization(Policies.Operator)
            .DisableAntiforgery()
            .WithDescription("multipart/form-data file: an .xlsx laid out like the template; every bad row is reported and nothing is written unless "
                + "all rows are good.");
        feature.MapPost("/admin/organizations/import", OrganizationsImportFormAsync)
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        api.MapGet("/import-template", OrganizationImportTemplate)
            .WithName("OrganizationImportTemplate").ProducesFile(ModuleApi.SpreadsheetType).WithSummary("Download the import template")
            .WithDescription("The Excel template for importing organizations, with the columns and one example row.");
        return app;
    }

    private static async Task<Ok<ImportResult>> ImportOrganizationsAsync(
        IFormFile? file, ImportOrganizations import, CancellationToken ct) =>
        TypedResults.Ok(await import.HandleAsync(file, ct));

    private static async Task<IResult> OrganizationsImportFormAsync(IFormFile? file, ImportOrganizations import, CancellationToken ct)
    {
        try
        {
            var result = await import.HandleAsync(file, ct);
            return Results.LocalRedirect($"/admin/organizations?imported={result.Imported}");
        }
        catch (Yilian.SharedKernel.Errors.InputValidationException e)
        {
            var lines = e.Errors.Take(10).Select(x => x.Key == "file" ? string.Join(" ", x.Value) : $"{x.Key}：{string.Join(" ", x.Value)}");
            return Results.LocalRedirect($"/admin/organizations?importError={Uri.EscapeDataString(string.Join("\n", lines))}");
        }
    }

    private static FileContentHttpResult OrganizationImportTemplate() =>
        TypedResults.File(ImportOrganizations.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organizations-template.xlsx");
}
