using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel.Errors;
using Yilian.Ui;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="TeamRoster"/>: a team's members and leader, by API and from the team's page.</summary>
internal static class TeamRosterEndpoints
{
    public static IEndpointRouteBuilder MapTeamRosterEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(TeamsEndpoints.Tag).RequireAuthorization();
        var team = feature.MapGroup("/api/v1/teams/{id:guid}");
        team.MapGet("/members", TeamMembersAsync)
            .WithName("TeamMembers").WithSummary("List a team's members")
            .WithDescription("Members with their confirmed service with the team's organization.");
        team.MapPost("/members", AddTeamMembersAsync)
            .WithName("AddTeamMembers")
            .WithSummary("Add team members")
            .WithDescription("Adds volunteers once each; leaderId names the team leader.");
        team.MapPut("/leader", SetTeamLeaderAsync)
            .WithName("SetTeamLeader").WithSummary("Set team leader").WithDescription("Names the team's leader (one of its members).");
        team.MapDelete("/members/{volunteerId:guid}", RemoveTeamMemberAsync)
            .WithName("RemoveTeamMember")
            .WithSummary("Remove team member")
            .WithDescription("Takes a volunteer off the team; their service records stay.");
        var forms = feature.MapGroup("/admin/volunteering/teams/{id:guid}").ExcludeFromDescription();
        forms.MapPost("/members", AddByNumberFormAsync);
        forms.MapPost("/leader", LeaderFormAsync);
        forms.MapPost("/members/{volunteerId:guid}/remove", RemoveFormAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> TeamMembersAsync(Guid id, TeamRoster r, CancellationToken ct) =>
        TypedResults.Ok(await r.MembersAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> AddTeamMembersAsync(
        Guid id, TeamMembersRequest request, TeamRoster r, CancellationToken ct) =>
        TypedResults.Ok(await r.AddMembersAsync(id, request, ct));

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> SetTeamLeaderAsync(
        Guid id, TeamLeaderRequest request, TeamRoster r, CancellationToken ct)
    {
        var leader = request.VolunteerId ?? throw InputValidationException.For("volunteerId", VolunteerText.Get("Team_LeaderNotMember"));
        return TypedResults.Ok(await r.SetLeaderAsync(id, leader, ct));
    }

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> RemoveTeamMemberAsync(
        Guid id, Guid volunteerId, TeamRoster r, CancellationToken ct) =>
        TypedResults.Ok(await r.RemoveMemberAsync(id, volunteerId, ct));

    private static async Task<IResult> AddByNumberFormAsync(Guid id, [FromForm] string? numbers, TeamRoster r, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => r.AddMembersByNumberAsync(id, numbers, ct));

    private static async Task<IResult> LeaderFormAsync(Guid id, [FromForm] Guid volunteerId, TeamRoster r, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => r.SetLeaderAsync(id, volunteerId, ct));

    private static async Task<IResult> RemoveFormAsync(
        Guid id, Guid volunteerId, [FromForm] string? unused, TeamRoster r, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => r.RemoveMemberAsync(id, volunteerId, ct));
}
