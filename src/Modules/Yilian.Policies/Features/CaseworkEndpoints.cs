using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Policies.Domain;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The HTTP endpoints of Casework: its API operations and its pages' form posts, each a named handler.</summary>
internal static class CaseworkEndpoints
{
    public static IEndpointRouteBuilder MapCaseworkEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Relief casework");
        var screenings = feature.MapGroup("/api/v1/screenings");
        screenings.MapGet("/{id:guid}/results", ScreeningResultsAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .WithName("ScreeningResults")
            .WithSummary("Screening results")
            .WithDescription("The people a run found (within the caller's data scope).");
        screenings.MapGet("/candidates", CandidatesAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("Candidates").WithSummary("List relief leads")
            .WithDescription("The case workers' list: everyone found, filtered by status, policy, or assigned=mine|none (the leads the caller took on, "
                + "or nobody has).");
        screenings.MapPost("/candidates/{id:guid}/claim", ClaimCandidateAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithName("ClaimCandidate").WithSummary("Claim a lead")
            .WithDescription("Takes the lead on (claims it): only the one who holds it records its follow-up; 409 with the holder's name when someone "
                + "else does.");
        screenings.MapPut("/candidates/{id:guid}/assignee", AssignCandidateAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithName("AssignCandidate").WithSummary("Assign a lead")
            .WithDescription("A supervisor (platform operator, or a case worker of a whole street) hands the lead to a case worker of its community or "
                + "street.");
        screenings.MapGet("/candidates/{id:guid}/workers", CandidateWorkersAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .WithName("CandidateWorkers")
            .WithSummary("Candidate workers")
            .WithDescription("The case workers a lead can be handed to.");
        screenings.MapDelete("/candidates/{id:guid}/claim", ReleaseCandidateAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .WithName("ReleaseCandidate")
            .WithSummary("Release candidate")
            .WithDescription("Lets the lead go back to the shared list (its holder, or a platform operator).");
        screenings.MapPost("/candidates/{id:guid}/outcome", RecordOutcomeAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .DisableAntiforgery()
            .WithName("RecordOutcome")
            .WithSummary("Record a lead's follow-up")
            .WithDescription("Records the follow-up: Contacted, Applied, Declined or NotEligible (the last two with a reason).");
        feature.MapGet("/api/v1/residents/lookup", ResidentLookupAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ResidentLookup").WithSummary("Look up a resident")
            .WithDescription("A resident found by ID number (within the caller's scope), checked against every policy in force with the traces.");
        feature.MapGet("/api/v1/residents/{id:guid}/trace", ResidentTraceAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ResidentTrace").WithSummary("Trace a resident's eligibility")
            .WithDescription("Every condition of a policy for one resident, with the value used and the department it came from.");
        feature.MapPost("/admin/relief/candidates/{id:guid}/claim", ReliefCandidatesClaimFormAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/relief/candidates/{id:guid}/assign", ReliefCandidatesAssignFormAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/relief/candidates/{id:guid}/release", ReliefCandidatesReleaseFormAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/relief/candidates/{id:guid}/outcome", ReliefCandidatesOutcomeFormAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<PagedResult<CandidateView>>> ScreeningResultsAsync(
        Guid id, string? policy, CandidateStatus? status, int? page, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(policy, status, id, page, ct));

    private static async Task<Ok<PagedResult<CandidateView>>> CandidatesAsync(
        string? policy, CandidateStatus? status, int? page, string? assigned, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(policy, status, null, page, ct, assigned));

    private static async Task<Ok<CandidateView>> ClaimCandidateAsync(Guid id, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.ClaimAsync(id, ct));

    private static async Task<Ok<CandidateView>> AssignCandidateAsync(Guid id, AssignRequest request, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.AssignAsync(id, request.WorkerId, ct));

    private static async Task<Ok<IReadOnlyList<AccountRef>>> CandidateWorkersAsync(Guid id, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.WorkersForAsync(id, ct));

    private static async Task<Ok<CandidateView>> ReleaseCandidateAsync(Guid id, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.ReleaseAsync(id, ct));

    private static async Task<Ok<CandidateView>> RecordOutcomeAsync(Guid id, OutcomeRequest request, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(id, request, ct));

    private static async Task<Ok<ResidentCheck>> ResidentLookupAsync(string? idNumber, DateOnly? date, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.LookupAsync(idNumber, date, ct));

    private static async Task<Ok<TraceView>> ResidentTraceAsync(
        Guid id, string policy, int? version, DateOnly? date, Casework c, CancellationToken ct) =>
        TypedResults.Ok(await c.TraceAsync(id, policy, version, date, ct));

    private static async Task<IResult> ReliefCandidatesClaimFormAsync(
        Guid id, [FromForm] string? unused, Casework c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.ClaimAsync(id, ct));

    private static async Task<IResult> ReliefCandidatesAssignFormAsync(
        Guid id, [FromForm] string? workerId, Casework c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.AssignAsync(id, workerId, ct));

    private static async Task<IResult> ReliefCandidatesReleaseFormAsync(
        Guid id, [FromForm] string? unused, Casework c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.ReleaseAsync(id, ct));

    private static async Task<IResult> ReliefCandidatesOutcomeFormAsync(
        Guid id, [FromForm] CandidateStatus? status, [FromForm] string? note, Casework c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.RecordAsync(id, new OutcomeRequest(status, note), ct));
}
