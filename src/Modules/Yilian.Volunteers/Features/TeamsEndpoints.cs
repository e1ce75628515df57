using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.Ui;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Teams: its API operations and its pages' form posts, each a named handler.</summary>
internal static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Volunteer teams");
        var teams = feature.MapGroup("/api/v1/teams").RequireAuthorization();
        teams.MapGet("/", TeamsAsync)
            .WithName("Teams")
            .WithSummary("Teams")
            .WithDescription("Organizers: the teams in scope; volunteers: their own. With members and confirmed service.");
        teams.MapPost("/", CreateTeamAsync)
            .WithName("CreateTeam").WithSummary("Create a team")
            .WithDescription("An organizer creates a volunteer team, optionally for one organization.");
        teams.MapGet("/{id:guid}/members", TeamMembersAsync)
            .WithName("TeamMembers").WithSummary("List a team's members")
            .WithDescription("Members with their confirmed service with the team's organization.");
        teams.MapPost("/{id:guid}/members", AddTeamMembersAsync)
            .WithName("AddTeamMembers")
            .WithSummary("Add team members")
            .WithDescription("Adds volunteers once each; leaderId names the team leader.");
        teams.MapPut("/{id:guid}/leader", SetTeamLeaderAsync)
            .WithName("SetTeamLeader").WithSummary("Set team leader").WithDescription("Names the team's leader (one of its members).");
        teams.MapDelete("/{id:guid}/members/{volunteerId:guid}", RemoveTeamMemberAsync)
            .WithName("RemoveTeamMember")
            .WithSummary("Remove team member")
            .WithDescription("Takes a volunteer off the team; their service records stay.");
        teams.MapGet("/{id:guid}/ledger/export", ExportTeamLedgerAsync)
            .WithName("ExportTeamLedger")
            .ProducesFile(ModuleApi.SpreadsheetType)
            .WithSummary("Export team ledger")
            .WithDescription("The members' attendance with the team's organization, as Excel.");
        feature.MapPost("/admin/volunteering/teams/create", VolunteeringTeamsCreateFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/volunteering/teams/{id:guid}/members", VolunteeringTeamsMembersFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/volunteering/teams/{id:guid}/leader", VolunteeringTeamsLeaderFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/volunteering/teams/{id:guid}/members/{volunteerId:guid}/remove", VolunteeringTeamsMembersRemoveFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TeamDto>>> TeamsAsync(Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.ListAsync(ct));

    private static async Task<Created<TeamDto>> CreateTeamAsync(TeamRequest request, Teams t, CancellationToken ct)
    {
        var team = await t.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
    }

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> TeamMembersAsync(Guid id, Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.MembersAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> AddTeamMembersAsync(
        Guid id, TeamMembersRequest request, Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.AddMembersAsync(id, request, ct));

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> SetTeamLeaderAsync(
        Guid id, TeamLeaderRequest request, Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.SetLeaderAsync(id, request.VolunteerId ?? throw InputValidationException.For("volunteerId", VolunteerText.Get("Team_LeaderNotMember")), ct));

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> RemoveTeamMemberAsync(
        Guid id, Guid volunteerId, Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.RemoveMemberAsync(id, volunteerId, ct));

    private static async Task<FileContentHttpResult> ExportTeamLedgerAsync(Guid id, Teams t, CancellationToken ct)
    {
        var (ledger, records) = await t.LedgerAsync(id, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "team-ledger.xlsx");
    }

    private static async Task<IResult> VolunteeringTeamsCreateFormAsync(
        [FromForm] string? name, [FromForm] string? focus, [FromForm] Guid? organizationId, Teams t, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/volunteering/teams", () => t.CreateAsync(new TeamRequest { Name = name, Focus = string.IsNullOrEmpty(focus) ? null : focus, OrganizationId = organizationId }, ct));

    private static async Task<IResult> VolunteeringTeamsMembersFormAsync(
        Guid id, [FromForm] string? numbers, Teams t, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.AddMembersByNumberAsync(id, numbers, ct));

    private static async Task<IResult> VolunteeringTeamsLeaderFormAsync(
        Guid id, [FromForm] Guid volunteerId, Teams t, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.SetLeaderAsync(id, volunteerId, ct));

    private static async Task<IResult> VolunteeringTeamsMembersRemoveFormAsync(
        Guid id, Guid volunteerId, [FromForm] string? unused, Teams t, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.RemoveMemberAsync(id, volunteerId, ct));
}
