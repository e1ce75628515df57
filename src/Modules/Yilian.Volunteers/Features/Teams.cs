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

public sealed record TeamMembersRequest(IReadOnlyList<Guid>? VolunteerIds, Guid? LeaderId);

public sealed record TeamLeaderRequest(Guid? VolunteerId);

public sealed record TeamDto(Guid Id, string Name, string? Description, string? Focus, Guid OrganizationId, int Members, int ConfirmedMinutes);

public sealed record TeamMemberDto(Guid VolunteerId, string Name, bool IsLeader, int ConfirmedMinutes, DateTimeOffset JoinedAt);

/// <summary>Volunteer service teams of an organization: members, leader, and the team's ledger (its members' service with the organization).</summary>
internal sealed class Teams(VolunteersDbContext db, ActivityAccess access, IOrganizationLookup organizations, IDictionaries dictionaries, Matching.MatchPool pool, TimeProvider clock)
{
    public async Task<TeamDto> CreateAsync(TeamRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        InputValidator.ThrowIfInvalid(request);
        var organizationId = request.OrganizationId ?? throw InputValidationException.For("organizationId", VolunteerText.Get("Shop_Organization"));
        var organization = await organizations.FindAsync(organizationId, ct) ?? throw new NotFoundException("Organization", organizationId);
        if (request.Focus is { } focus && !(await dictionaries.ListAsync(DictionaryTypes.Skill, includeInactive: false, ct)).Any(d => d.Code == focus))
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
            Id = Guid.CreateVersion7(), Name = name, Description = request.Description?.Trim(), Focus = request.Focus, OrganizationId = organizationId,
            RegionCode = organization.RegionCode, CreatedAt = clock.GetUtcNow(),
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return new TeamDto(team.Id, team.Name, team.Description, team.Focus, team.OrganizationId, 0, 0);
    }

    /// <summary>Teams in the caller's scope (a volunteer: the teams they belong to), with members and their confirmed service with the organization.</summary>
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
            .GroupBy(a => new { a.VolunteerId, a.OrganizationId }).Select(g => new { g.Key.VolunteerId, g.Key.OrganizationId, Minutes = g.Sum(a => a.CreditedMinutes) })
            .ToListAsync(ct)).ToDictionary(x => (x.VolunteerId, x.OrganizationId), x => x.Minutes);
        var byTeam = members.ToLookup(m => m.TeamId, m => m.VolunteerId);
        return [.. teams.Select(t => new TeamDto(t.Id, t.Name, t.Description, t.Focus, t.OrganizationId, byTeam[t.Id].Count(),
            byTeam[t.Id].Sum(v => minutes.GetValueOrDefault((v, t.OrganizationId)))))];
    }

    public async Task<TeamDto> GetAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        var members = await MembersAsync(team, ct);
        return new TeamDto(team.Id, team.Name, team.Description, team.Focus, team.OrganizationId, members.Count, members.Sum(m => m.ConfirmedMinutes));
    }

    /// <summary>Names the team's leader (队长): one of its members; the previous leader stays a member.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> SetLeaderAsync(Guid teamId, Guid volunteerId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        var members = await db.TeamMembers.Where(m => m.TeamId == teamId).ToListAsync(ct);
        if (members.All(m => m.VolunteerId != volunteerId))
        {
            throw InputValidationException.For("volunteerId", VolunteerText.Get("Team_LeaderNotMember"));
        }

        foreach (var member in members)
        {
            member.IsLeader = member.VolunteerId == volunteerId;
        }

        await db.SaveChangesAsync(ct);
        return await MembersAsync(team, ct);
    }

    /// <summary>Takes a volunteer off the team; their service records stay where they are (with the organization), only the membership goes.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> RemoveMemberAsync(Guid teamId, Guid volunteerId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.VolunteerId == volunteerId, ct) ?? throw new NotFoundException("TeamMember", volunteerId);
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return await MembersAsync(team, ct);
    }

    public async Task<IReadOnlyList<TeamMemberDto>> MembersAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        return await MembersAsync(team, ct);
    }

    /// <summary>Adds volunteers (once each) and optionally names the leader.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> AddMembersAsync(Guid teamId, TeamMembersRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        var ids = (request.VolunteerIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 500)
        {
            throw InputValidationException.For("volunteerIds", VolunteerText.Get("Match_InviteWhom"));
        }

        var profiles = (await pool.GetAsync(ct)).Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id);
        var missing = ids.FirstOrDefault(id => !profiles.ContainsKey(id));
        if (missing != Guid.Empty)
        {
            throw new NotFoundException("Volunteer", missing);
        }

        var existing = (await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.VolunteerId).ToListAsync(ct)).ToHashSet();
        foreach (var id in ids.Where(id => !existing.Contains(id)))
        {
            db.TeamMembers.Add(new TeamMember
            {
                Id = Guid.CreateVersion7(), TeamId = teamId, VolunteerId = id, VolunteerName = profiles[id].Name, OwnerUserId = profiles[id].OwnerUserId,
                OrganizationId = team.OrganizationId, RegionCode = team.RegionCode, JoinedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
        if (request.LeaderId is { } leader)
        {
            if (!ids.Contains(leader) && !existing.Contains(leader))
            {
                throw InputValidationException.For("leaderId", VolunteerText.Get("Team_LeaderNotMember"));
            }

            foreach (var member in await db.TeamMembers.Where(m => m.TeamId == teamId).ToListAsync(ct))
            {
                member.IsLeader = member.VolunteerId == leader;
            }

            await db.SaveChangesAsync(ct);
        }

        return await MembersAsync(team, ct);
    }

    /// <summary>Adds members by their volunteer numbers (as printed on cards and certificates).</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> AddMembersByNumberAsync(Guid teamId, string? numbers, CancellationToken ct)
    {
        var wanted = (numbers ?? "").Split([',', '，', '、', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(500).ToList();
        var profiles = (await pool.GetAsync(ct)).Where(p => wanted.Contains(p.Number)).ToDictionary(p => p.Number, p => p.Id);
        if (wanted.FirstOrDefault(n => !profiles.ContainsKey(n)) is { } unknown)
        {
            throw InputValidationException.For("numbers", VolunteerText.Get("Team_UnknownNumber", unknown));
        }

        return await AddMembersAsync(teamId, new TeamMembersRequest([.. profiles.Values], null), ct);
    }

    /// <summary>The team's ledger: its members' attendance records with the team's organization.</summary>
    public async Task<(Ledger Ledger, IReadOnlyList<AttendanceDto> Records)> LedgerAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
        var ids = await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.VolunteerId).ToListAsync(ct);
        var records = await db.Attendances.AsNoTracking().Where(a => ids.Contains(a.VolunteerId) && a.OrganizationId == team.OrganizationId)
            .OrderBy(a => a.OccurrenceStart).Take(50_000).ToListAsync(ct);
        var lines = records.GroupBy(r => r.ActivityId).Select(g => new LedgerLine(g.First().ActivityTitle, g.Min(r => r.OccurrenceStart), g.Count(), 0,
            g.Count(r => r.CheckInAt != null && r.Status != AttendanceStatus.Rejected), g.Where(r => r.Status == AttendanceStatus.Confirmed).Sum(r => r.CreditedMinutes), 0)).ToList();
        var from = lines.Count > 0 ? Yilian.SharedKernel.ChinaTime.DateOf(lines.Min(l => l.Start)) : Yilian.SharedKernel.ChinaTime.Today(clock);
        var ledger = new Ledger(team.Name, from, Yilian.SharedKernel.ChinaTime.Today(clock), lines.Count, lines.Sum(l => l.SignedUp), lines.Sum(l => l.Attended),
            lines.Sum(l => l.ConfirmedMinutes), 0, lines);
        return (ledger, [.. records.Select(CheckIns.ToDto)]);
    }

    private async Task<List<TeamMemberDto>> MembersAsync(Team team, CancellationToken ct)
    {
        var members = await db.TeamMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.TeamId == team.Id).OrderByDescending(m => m.IsLeader).ThenBy(m => m.VolunteerName).ToListAsync(ct);
        var ids = members.Select(m => m.VolunteerId).ToList();
        // The team's ledger counts its members' confirmed service with the team's organization.
        var minutes = await db.Attendances.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.VolunteerId) && a.OrganizationId == team.OrganizationId && a.Status == AttendanceStatus.Confirmed)
            .GroupBy(a => a.VolunteerId).Select(g => new { g.Key, Minutes = g.Sum(a => a.CreditedMinutes) }).ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
        return [.. members.Select(m => new TeamMemberDto(m.VolunteerId, m.VolunteerName, m.IsLeader, minutes.GetValueOrDefault(m.VolunteerId), m.JoinedAt))];
    }
}
