using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of OrganizationQueries: its API operations and its pages' form posts, each a named handler.</summary>
internal static class OrganizationQueriesEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationQueriesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Organizations");
        var api = feature.MapGroup("/api/v1/organizations").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", ListOrganizationsAsync)
            .WithName("ListOrganizations").WithSummary("List organizations").WithDescription("Organizations in the caller's scope.");
        api.MapGet("/{id:guid}", GetOrganizationAsync)
            .WithName("GetOrganization")
            .WithSummary("Get organization")
            .WithDescription("One organization; 404 when it does not exist or is outside the caller's scope.");
        api.MapGet("/{id:guid}/profile", GetOrganizationProfileAsync)
            .WithName("GetOrganizationProfile").WithSummary("Get an organization's profile")
            .WithDescription("One organization with its projects by stage, recent projects and documents, within the caller's scope.");
        api.MapGet("/export", ExportOrganizationsAsync)
            .WithName("ExportOrganizations")
            .ProducesFile(ModuleApi.SpreadsheetType)
            .WithSummary("Export organizations")
            .WithDescription("The filtered list as an Excel workbook (.xlsx).");
        return app;
    }

    private static async Task<Ok<PagedResult<OrganizationDto>>> ListOrganizationsAsync(
        [AsParameters] OrganizationListQuery q, OrganizationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, ct));

    private static async Task<Ok<OrganizationDto>> GetOrganizationAsync(Guid id, OrganizationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));

    private static async Task<Ok<OrganizationProfile>> GetOrganizationProfileAsync(
        Guid id, OrganizationQueries queries, UpdateOrganization changes, CancellationToken ct) =>
        TypedResults.Ok(await queries.ProfileAsync(id, changes, ct));

    private static async Task<FileContentHttpResult> ExportOrganizationsAsync([AsParameters] OrganizationListQuery q, OrganizationQueries queries, IDictionaries dictionaries, CancellationToken ct)
    {
        var fieldNames = (await dictionaries.ListAsync(DictionaryTypes.ServiceField, includeInactive: true, ct))
            .ToDictionary(f => f.Code, f => f.Name);
        var rows = (await queries.AllAsync(q, ct)).Select(o => new Dictionary<string, object?>
        {
            [OrgText.Get("Org_Name")] = o.Name,
            [OrgText.Get("Org_CreditCode")] = o.CreditCode,
            [OrgText.Get("Org_Type")] = OrgText.Get("Type_" + o.Type),
            [OrgText.Get("Org_Status")] = OrgText.Get("Status_" + o.Status),
            [OrgText.Get("Org_Region")] = o.RegionCode,
            [OrgText.Get("Org_LegalRepresentative")] = o.LegalRepresentative,
            [OrgText.Get("Org_RegistrationAuthority")] = o.RegistrationAuthority,
            [OrgText.Get("Org_RegisteredOn")] = o.RegisteredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [OrgText.Get("Org_Grade")] = OrgText.Get("Grade_" + o.Grade),
            [OrgText.Get("Org_GradeValidUntil")] = o.GradeValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [OrgText.Get("Org_IsCharity")] = OrgText.Get(o.IsCharity ? "Yes" : "No"),
            [OrgText.Get("Org_PublicFundraising")] = OrgText.Get(o.HasPublicFundraising ? "Yes" : "No"),
            [OrgText.Get("Org_ServiceFields")] = string.Join("、", o.ServiceFields.Select(f => fieldNames.GetValueOrDefault(f, f))),
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organizations.xlsx");
    }
}
