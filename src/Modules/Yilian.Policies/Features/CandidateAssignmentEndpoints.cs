using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The HTTP endpoints of <see cref="CandidateAssignment"/>: claiming, handing out and releasing leads, and their forms.</summary>
internal static class CandidateAssignmentEndpoints
{
    public static IEndpointRouteBuilder MapCandidateAssignmentEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CandidatesEndpoints.Tag).RequireAuthorization(AuthPolicies.BackOffice);
        var candidates = feature.MapGroup("/api/v1/screenings/candidates/{id:guid}");
        candidates.MapPost("/claim", ClaimCandidateAsync)
            .DisableAntiforgery().WithName("ClaimCandidate").WithSummary("Claim a lead")
            .WithDescription("Takes the lead on (claims it): only the one who holds it records its follow-up; "
                + "409 with the holder's name when someone else does.");
        candidates.MapPut("/assignee", AssignCandidateAsync)
            .DisableAntiforgery().WithName("AssignCandidate").WithSummary("Assign a lead")
            .WithDescription("A supervisor (platform operator, or a case worker of a whole street) "
                + "hands the lead to a case worker of its community or street.");
        candidates.MapGet("/workers", CandidateWorkersAsync)
            .WithName("CandidateWorkers")
            .WithSummary("Candidate workers")
            .WithDescription("The case workers a lead can be handed to.");
        candidates.MapDelete("/claim", ReleaseCandidateAsync)
            .WithName("ReleaseCandidate")
            .WithSummary("Release candidate")
            .WithDescription("Lets the lead go back to the shared list (its holder, or a platform operator).");
        var forms = feature.MapGroup("/admin/relief/candidates/{id:guid}").ExcludeFromDescription();
        forms.MapPost("/claim", ClaimFormAsync);
        forms.MapPost("/assign", AssignFormAsync);
        forms.MapPost("/release", ReleaseFormAsync);
        return app;
    }

    private static async Task<Ok<CandidateView>> ClaimCandidateAsync(Guid id, CandidateAssignment a, CancellationToken ct) =>
        TypedResults.Ok(await a.ClaimAsync(id, ct));

    private static async Task<Ok<CandidateView>> AssignCandidateAsync(
        Guid id, AssignRequest request, CandidateAssignment a, CancellationToken ct) =>
        TypedResults.Ok(await a.AssignAsync(id, request.WorkerId, ct));

    private static async Task<Ok<IReadOnlyList<AccountRef>>> CandidateWorkersAsync(Guid id, CandidateAssignment a, CancellationToken ct) =>
        TypedResults.Ok(await a.WorkersForAsync(id, ct));

    private static async Task<Ok<CandidateView>> ReleaseCandidateAsync(Guid id, CandidateAssignment a, CancellationToken ct) =>
        TypedResults.Ok(await a.ReleaseAsync(id, ct));

    private static async Task<IResult> ClaimFormAsync(Guid id, [FromForm] string? unused, CandidateAssignment a, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => a.ClaimAsync(id, ct));

    private static async Task<IResult> AssignFormAsync(Guid id, [FromForm] string? workerId, CandidateAssignment a, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => a.AssignAsync(id, workerId, ct));

    private static async Task<IResult> ReleaseFormAsync(Guid id, [FromForm] string? unused, CandidateAssignment a, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => a.ReleaseAsync(id, ct));
}
