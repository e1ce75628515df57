using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

using Yilian.Policies.Domain;
using Yilian.Policies.Screening;
using Yilian.SharedKernel.Errors;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Imports;

/// <summary>The HTTP endpoints of ResidentImport: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ResidentImportEndpoints
{
    public static IEndpointRouteBuilder MapResidentImportEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Resident data");
        var imports = feature.MapGroup("/api/v1/resident-imports").RequireAuthorization(AuthPolicies.Operator);
        imports.MapPost("/", ImportResidentsAsync)
            .DisableAntiforgery()
            .WithName("ImportResidents")
            .Accepts<ResidentImportUpload>("multipart/form-data")
            .WithSummary("Import a department's file")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ResidentImport.MaxMegabytes * 1024L * 1024L + 1024 * 1024))
            .WithDescription("One department's CSV (UTF-8, GBK, GB18030) or Excel file; all rows or none, each problem named by row.");
        feature.MapPost("/admin/relief/import", ReliefImportFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ResidentImport.MaxMegabytes * 1024L * 1024L + 1024 * 1024));
        imports.MapGet("/departments", ImportDepartmentsAsync)
            .WithName("ImportDepartments").WithSummary("List importing departments")
            .WithDescription("The departments whose files can be imported — built in and declared in the data dictionary — with their "
                + "template columns (a department's own layout is in the data dictionary).");
        return app;
    }

    private static async Task<Ok<ImportResult>> ImportResidentsAsync(
        HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct) =>
        TypedResults.Ok(await ImportAndScreenAsync(http, import, screenings, config, ct));

    private static async Task<IResult> ReliefImportFormAsync(
        HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/relief", async () =>
            {
                var result = await ImportAndScreenAsync(http, import, screenings, config, ct);
                var ignored = result.IgnoredColumns.Count == 0 ? "" : " " + Resources.PolicyText.Get("Import_Ignored", string.Join("、",
                    result.IgnoredColumns));
                return "/admin/relief?imported=" + Uri.EscapeDataString(Resources.PolicyText.Get(
                    "Relief_Imported", result.Department, result.FileName, result.Rows, result.ResidentsCreated, result.HouseholdsChanged,
                        result.Conflicts, result.Encoding)
                    + ignored);
            });

    /// <summary>An import from the API or the page, then (unless switched off) an incremental screening of the households it touched.</summary>
    private static async Task<ImportResult> ImportAndScreenAsync(HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct)
    {
        var result = await ImportAsync(http, import, ct);
        if (config.GetValue("Policies:ScreenAfterImport", true))
        {
            await screenings.StartAsync(new StartScreening(RunKind.Incremental, null), ct);
        }

        return result;
    }

    /// <summary>Reads the multipart form of an import (a body over the limit is answered as too large, not as a broken form).</summary>
    private static async Task<ImportResult> ImportAsync(HttpRequest http, ResidentImport import, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            var limit = new FormOptions { MultipartBodyLengthLimit = (ResidentImport.MaxMegabytes + 1) * 1024L * 1024L };
            form = await PageForms.ReadFormAsync(http, ct, limit);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: not StatusCodes.Status415UnsupportedMediaType })
        {
            throw new FileTooLargeException(Resources.PolicyText.Get("Import_TooLarge", ResidentImport.MaxMegabytes));
        }

        var file = form.Files.GetFile("file");
        DateOnly? asOf = DateOnly.TryParse(form["asOf"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        await using var stream = file?.OpenReadStream();
        return await import.ImportAsync(form["department"], file?.FileName, stream, asOf, ct);
    }

    private static async Task<Ok<IReadOnlyList<Department>>> ImportDepartmentsAsync(PolicyCatalog catalog, CancellationToken ct)
    {
        await catalog.CurrentAsync(ct);
        return TypedResults.Ok(catalog.Facts.Departments);
    }
}

/// <summary>The form an import is posted as (read by hand, to answer an oversize file as too large), for the API document.</summary>
public sealed record ResidentImportUpload(string Department, IFormFile File, DateOnly? AsOf);
