using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Policies.Domain;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The HTTP endpoints of <see cref="CandidateOutcomes"/>: recording a lead's follow-up, by API and from the lead's page.</summary>
internal static class CandidateOutcomesEndpoints
{
    public static IEndpointRouteBuilder MapCandidateOutcomesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CandidatesEndpoints.Tag).RequireAuthorization(AuthPolicies.BackOffice);
        feature.MapPost("/api/v1/screenings/candidates/{id:guid}/outcome", RecordOutcomeAsync)
            .DisableAntiforgery()
            .WithName("RecordOutcome")
            .WithSummary("Record a lead's follow-up")
            .WithDescription("Records the follow-up: Contacted, Applied, Declined or NotEligible (the last two with a reason).");
        feature.MapPost("/admin/relief/candidates/{id:guid}/outcome", OutcomeFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<CandidateView>> RecordOutcomeAsync(
        Guid id, OutcomeRequest request, CandidateOutcomes o, CancellationToken ct) =>
        TypedResults.Ok(await o.RecordAsync(id, request, ct));

    private static async Task<IResult> OutcomeFormAsync(
        Guid id, [FromForm] CandidateStatus? status, [FromForm] string? note, CandidateOutcomes o, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => o.RecordAsync(id, new OutcomeRequest(status, note), ct));
}
