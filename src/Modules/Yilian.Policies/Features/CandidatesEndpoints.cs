using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Policies.Domain;
using Yilian.SharedKernel.Paging;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The HTTP endpoints of <see cref="Candidates"/>: the case workers' list of leads.</summary>
internal static class CandidatesEndpoints
{
    public const string Tag = "Relief casework";

    public static IEndpointRouteBuilder MapCandidatesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(Tag).RequireAuthorization(AuthPolicies.BackOffice);
        var screenings = feature.MapGroup("/api/v1/screenings");
        screenings.MapGet("/{id:guid}/results", ScreeningResultsAsync)
            .WithName("ScreeningResults")
            .WithSummary("Screening results")
            .WithDescription("The people a run found (within the caller's data scope).");
        screenings.MapGet("/candidates", CandidatesAsync)
            .WithName("Candidates").WithSummary("List relief leads")
            .WithDescription("The case workers' list: everyone found, filtered by status, policy, "
                + "or assigned=mine|none (the leads the caller took on, or nobody has).");
        screenings.MapGet("/candidates/export", ExportCandidatesAsync)
            .WithName("ExportCandidates").ProducesFile(ModuleApi.SpreadsheetType).WithSummary("Export relief leads")
            .WithDescription("The leads in the caller's scope as an Excel workbook, one row per person and policy with the facts and "
                + "departments that decided it; full ID numbers for case workers and operators only. "
                + "Every export is recorded in the audit trail.");
        return app;
    }

    private static async Task<Ok<PagedResult<CandidateView>>> ScreeningResultsAsync(
        Guid id, string? policy, CandidateStatus? status, int? page, Candidates c, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(policy, status, id, page, ct));

    private static async Task<FileContentHttpResult> ExportCandidatesAsync(
        string? policy, CandidateStatus? status, ResultExports exports, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await exports.ExportAsync(policy, status, ct), ModuleApi.SpreadsheetType,
            $"relief-leads-{Yilian.SharedKernel.ChinaTime.Today(clock):yyyyMMdd}.xlsx");

    private static async Task<Ok<PagedResult<CandidateView>>> CandidatesAsync(
        string? policy, CandidateStatus? status, int? page, string? assigned, Candidates c, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(policy, status, null, page, ct, assigned));
}
