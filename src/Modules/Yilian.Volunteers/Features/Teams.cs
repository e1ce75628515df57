using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed class TeamRequest
{
    [RequiredField, SafeText(100), Label(typeof(VolunteerText), "Team_Name")]
    public string? Name { get; set; }

    [SafeText(500, Multiline = true), Label(typeof(VolunteerText), "Shop_Description")]
    public string? Description { get; set; }

    public string? Focus { get; set; }

    public Guid? OrganizationId { get; set; }
}

public sealed record TeamDto(
    Guid Id, string Name, string? Description, string? Focus, Guid OrganizationId, int Members, int ConfirmedMinutes);

/// <summary>
/// Volunteer service teams of an organization: creating one and finding it, with its members' confirmed service with the
/// organization. Who is on a team is <see cref="TeamRoster"/>; its ledger, <see cref="Ledgers.ForTeamAsync"/>.
/// </summary>
internal sealed class Teams(
    VolunteersDbContext db, ActivityAccess access, IOrganizationLookup organizations, IDictionaries dictionaries, TeamRoster roster,
    TimeProvider clock)
{
    public async Task<TeamDto> CreateAsync(TeamRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        InputValidator.ThrowIfInvalid(request);
        var organizationId = request.OrganizationId
            ?? throw InputValidationException.For("organizationId", VolunteerText.Get("Team_Organization"));
        var organization = await organizations.FindAsync(organizationId, ct) ?? throw new NotFoundException("Organization", organizationId);
        IReadOnlyList<DictionaryEntry> skills =
            request.Focus is null ? [] : await dictionaries.ListAsync(DictionaryTypes.Skill, includeInactive: false, ct);
        if (request.Focus is { } focus && !skills.Any(d => d.Code == focus))
        {
            throw InputValidationException.For("focus", VolunteerText.Get("Vol_SkillUnknown", focus));
        }

        var name = request.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.OrganizationId == organizationId && t.Name == name, ct))
        {
            throw VolunteerRules.TeamExists.Broken();
        }

        var team = new Team
        {
            Id = Guid.CreateVersion7(), Name = name, Description = request.Description?.Trim(), Focus = request.Focus,
            OrganizationId = organizationId, RegionCode = organization.RegionCode, CreatedAt = clock.GetUtcNow(),
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return new TeamDto(team.Id, team.Name, team.Description, team.Focus, team.OrganizationId, 0, 0);
    }

    /// <summary>
    /// Teams in the caller's scope (a volunteer: the teams they belong to), with members and their confirmed service
    /// with the organization.
    /// </summary>
    public async Task<IReadOnlyList<TeamDto>> ListAsync(CancellationToken ct)
    {
        List<Team> teams;
        if (access.IsOrganizer)
        {
            teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Take(500).ToListAsync(ct);
        }
        else
        {
            // A volunteer's own memberships (their scope), then those teams past the scope (a team belongs to its organization's area).
            var mine = await db.TeamMembers.AsNoTracking().Select(m => m.TeamId).Take(50).ToListAsync(ct);
            teams = await db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => mine.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
        }

        // Two queries for the whole list: the members of every team, then their confirmed service per organization.
        var teamIds = teams.Select(t => t.Id).ToList();
        var members = await db.TeamMembers.IgnoreQueryFilters().AsNoTracking().Where(m => teamIds.Contains(m.TeamId))
            .Select(m => new { m.TeamId, m.VolunteerId }).ToListAsync(ct);
        var volunteerIds = members.Select(m => m.VolunteerId).Distinct().ToList();
        var minutes = (await db.Attendances.IgnoreQueryFilters().AsNoTracking()
            .Where(a => volunteerIds.Contains(a.VolunteerId) && a.Status == AttendanceStatus.Confirmed)
            .GroupBy(a => new { a.VolunteerId, a.OrganizationId })
            .Select(g => new { g.Key.VolunteerId, g.Key.OrganizationId, Minutes = g.Sum(a => a.CreditedMinutes) })
            .ToListAsync(ct)).ToDictionary(x => (x.VolunteerId, x.OrganizationId), x => x.Minutes);
        var byTeam = members.ToLookup(m => m.TeamId, m => m.VolunteerId);
        return [.. teams.Select(t => new TeamDto(t.Id, t.Name, t.Description, t.Focus, t.OrganizationId, byTeam[t.Id].Count(),
            byTeam[t.Id].Sum(v => minutes.GetValueOrDefault((v, t.OrganizationId)))))];
    }

    public async Task<TeamDto> GetAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("Team", teamId);
        var members = await roster.MembersOfAsync(team, ct);
        return new TeamDto(team.Id, team.Name, team.Description, team.Focus, team.OrganizationId, members.Count,
            members.Sum(m => m.ConfirmedMinutes));
    }
}
