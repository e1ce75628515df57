using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Matches: its API operations and its pages' form posts, each a named handler.</summary>
internal static class MatchesEndpoints
{
    public static IEndpointRouteBuilder MapMatchesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Matching");
        feature.MapGet("/api/v1/activities/{activityId:guid}/matches", ActivityMatchesAsync)
            .RequireAuthorization().WithName("ActivityMatches").WithSummary("Rank volunteers for an activity")
            .WithDescription("Volunteers ranked by skill fit, distance, reliability and fairness, each with its reasons; those excluded (age, "
                + "availability, busy) counted.");
        feature.MapPost("/api/v1/activities/{activityId:guid}/invitations", InviteVolunteersAsync)
            .RequireAuthorization().WithName("InviteVolunteers").WithSummary("Invite volunteers")
            .WithDescription("Invites the chosen volunteers to the activity; those already signed up or invited are not counted again.");
        feature.MapGet("/api/v1/assignments/proposal", WeekProposalAsync)
            .RequireAuthorization().WithName("WeekProposal").WithSummary("Propose the week's assignment")
            .WithDescription("The week's optimal assignment (most places filled, then best total fit; min-cost flow) for your recruiting activities.");
        feature.MapPost("/api/v1/assignments/accept", AcceptProposalAsync)
            .RequireAuthorization()
            .WithName("AcceptProposal")
            .WithSummary("Accept proposal")
            .WithDescription("Invites the volunteers of the proposal as adjusted.");
        feature.MapGet("/api/v1/volunteers/me/invitations", MyInvitationsAsync)
            .RequireAuthorization().WithName("MyInvitations").WithSummary("List my invitations")
            .WithDescription("Invitations the signed-in volunteer has received, with the activity.");
        feature.MapPost("/admin/volunteering/week/accept", VolunteeringWeekAcceptFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/activities/{activityId:guid}/invitations", ActivitiesInvitationsFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<MatchList>> ActivityMatchesAsync(Guid activityId, int? top, Matches m, CancellationToken ct) =>
        TypedResults.Ok(await m.RankAsync(activityId, top ?? 50, ct));

    private static async Task<Ok<InvitedCount>> InviteVolunteersAsync(
        Guid activityId, InvitationRequest request, Matches m, CancellationToken ct) =>
        TypedResults.Ok(new InvitedCount(await m.InviteAsync(activityId, request.VolunteerIds, ct)));

    private static async Task<Ok<WeekProposal>> WeekProposalAsync(DateOnly? week, Matches m, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await m.ProposeWeekAsync(week ?? ChinaTime.Today(clock), ct));

    private static async Task<Ok<InvitedCount>> AcceptProposalAsync(
        AcceptProposalRequest request, Matches m, CancellationToken ct) =>
        TypedResults.Ok(new InvitedCount(await m.AcceptAsync(request, ct)));

    private static async Task<Ok<IReadOnlyList<InvitationDto>>> MyInvitationsAsync(Matches m, CancellationToken ct) =>
        TypedResults.Ok(await m.MineAsync(ct));

    private static async Task<IResult> VolunteeringWeekAcceptFormAsync(HttpRequest http, Matches m, CancellationToken ct)
    {
        // Read by hand: binding string[] from a form fails on .NET 10 (string gained a TryParse the binder rejects).
        var picks = (await PageForms.ReadFormAsync(http, ct))["picks"].Select(p => p ?? "");
        var items = picks.Select(p => p.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && Guid.TryParse(p[1], out _))
            .GroupBy(p => Guid.Parse(p[0])).Select(g => new AcceptedActivity(g.Key, [.. g.Select(p => Guid.Parse(p[1]))])).ToList();
        return await PageForms.RunAsync("/admin/volunteering/week?invited=1", () => m.AcceptAsync(new AcceptProposalRequest(items), ct));
    }

    private static async Task<IResult> ActivitiesInvitationsFormAsync(
        Guid activityId, [FromForm] Guid[] volunteerIds, Matches m, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/matches?invited=1", () => m.InviteAsync(activityId, volunteerIds, ct));
}

/// <summary>How many volunteers were invited (those already signed up or invited are not counted again).</summary>
public sealed record InvitedCount(int Invited);
