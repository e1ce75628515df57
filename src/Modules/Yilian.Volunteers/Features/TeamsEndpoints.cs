using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="Teams"/>: listing and creating teams, and a team's ledger as Excel.</summary>
internal static class TeamsEndpoints
{
    public const string Tag = "Volunteer teams";

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(Tag).RequireAuthorization();
        var teams = feature.MapGroup("/api/v1/teams");
        teams.MapGet("/", TeamsAsync)
            .WithName("Teams")
            .WithSummary("Teams")
            .WithDescription("Organizers: the teams in scope; volunteers: their own. With members and confirmed service.");
        teams.MapPost("/", CreateTeamAsync)
            .WithName("CreateTeam").WithSummary("Create a team")
            .WithDescription("An organizer creates a volunteer team, optionally for one organization.");
        teams.MapGet("/{id:guid}/ledger/export", ExportTeamLedgerAsync)
            .WithName("ExportTeamLedger")
            .ProducesFile(ModuleApi.SpreadsheetType)
            .WithSummary("Export team ledger")
            .WithDescription("The members' attendance with the team's organization, as Excel.");
        feature.MapPost("/admin/volunteering/teams/create", CreateFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TeamDto>>> TeamsAsync(Teams t, CancellationToken ct) =>
        TypedResults.Ok(await t.ListAsync(ct));

    private static async Task<Created<TeamDto>> CreateTeamAsync(TeamRequest request, Teams t, CancellationToken ct)
    {
        var team = await t.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
    }

    private static async Task<FileContentHttpResult> ExportTeamLedgerAsync(Guid id, Ledgers ledgers, CancellationToken ct)
    {
        var (ledger, records) = await ledgers.ForTeamAsync(id, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "team-ledger.xlsx");
    }

    private static async Task<IResult> CreateFormAsync(
        [FromForm] string? name, [FromForm] string? focus, [FromForm] Guid? organizationId, Teams t, CancellationToken ct)
    {
        var request = new TeamRequest { Name = name, Focus = string.IsNullOrEmpty(focus) ? null : focus, OrganizationId = organizationId };
        return await PageForms.RunAsync("/admin/volunteering/teams", () => t.CreateAsync(request, ct));
    }
}
