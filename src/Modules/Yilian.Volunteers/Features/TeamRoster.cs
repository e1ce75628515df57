using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record TeamMembersRequest(IReadOnlyList<Guid>? VolunteerIds, Guid? LeaderId);

public sealed record TeamLeaderRequest(Guid? VolunteerId);

public sealed record TeamMemberDto(Guid VolunteerId, string Name, bool IsLeader, int ConfirmedMinutes, DateTimeOffset JoinedAt);

/// <summary>Who is on a team: adding volunteers (by id or by their volunteer numbers), taking them off, naming the leader (队长).</summary>
internal sealed class TeamRoster(VolunteersDbContext db, ActivityAccess access, MatchPool pool, TimeProvider clock)
{
    private const StringSplitOptions Separated = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    public async Task<IReadOnlyList<TeamMemberDto>> MembersAsync(Guid teamId, CancellationToken ct) =>
        await MembersOfAsync(await FindAsync(teamId, ct), ct);

    /// <summary>Adds volunteers (once each) and optionally names the leader.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> AddMembersAsync(Guid teamId, TeamMembersRequest request, CancellationToken ct)
    {
        var team = await FindAsync(teamId, ct);
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
                Id = Guid.CreateVersion7(), TeamId = teamId, VolunteerId = id, VolunteerName = profiles[id].Name,
                OwnerUserId = profiles[id].OwnerUserId, OrganizationId = team.OrganizationId, RegionCode = team.RegionCode,
                JoinedAt = clock.GetUtcNow(),
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

        return await MembersOfAsync(team, ct);
    }

    /// <summary>Adds members by their volunteer numbers (as printed on cards and certificates).</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> AddMembersByNumberAsync(Guid teamId, string? numbers, CancellationToken ct)
    {
        var wanted = (numbers ?? "").Split([',', '，', '、', ' ', '\n', '\r'], Separated).Distinct().Take(500).ToList();
        var profiles = (await pool.GetAsync(ct)).Where(p => wanted.Contains(p.Number)).ToDictionary(p => p.Number, p => p.Id);
        if (wanted.FirstOrDefault(n => !profiles.ContainsKey(n)) is { } unknown)
        {
            throw InputValidationException.For("numbers", VolunteerText.Get("Team_UnknownNumber", unknown));
        }

        return await AddMembersAsync(teamId, new TeamMembersRequest([.. profiles.Values], null), ct);
    }

    /// <summary>Takes a volunteer off the team; their service records stay with the organization, only the membership goes.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> RemoveMemberAsync(Guid teamId, Guid volunteerId, CancellationToken ct)
    {
        var team = await FindAsync(teamId, ct);
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.VolunteerId == volunteerId, ct)
            ?? throw new NotFoundException("TeamMember", volunteerId);
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return await MembersOfAsync(team, ct);
    }

    /// <summary>Names the team's leader: one of its members; the previous leader stays a member.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> SetLeaderAsync(Guid teamId, Guid volunteerId, CancellationToken ct)
    {
        var team = await FindAsync(teamId, ct);
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
        return await MembersOfAsync(team, ct);
    }

    /// <summary>The members, leader first, each with their confirmed service with the team's organization.</summary>
    internal async Task<List<TeamMemberDto>> MembersOfAsync(Team team, CancellationToken ct)
    {
        var members = await db.TeamMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.TeamId == team.Id)
            .OrderByDescending(m => m.IsLeader).ThenBy(m => m.VolunteerName).ToListAsync(ct);
        var ids = members.Select(m => m.VolunteerId).ToList();
        var minutes = await db.Attendances.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.VolunteerId) && a.OrganizationId == team.OrganizationId && a.Status == AttendanceStatus.Confirmed)
            .GroupBy(a => a.VolunteerId).Select(g => new { g.Key, Minutes = g.Sum(a => a.CreditedMinutes) })
            .ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
        return [.. members.Select(m =>
            new TeamMemberDto(m.VolunteerId, m.VolunteerName, m.IsLeader, minutes.GetValueOrDefault(m.VolunteerId), m.JoinedAt))];
    }

    private async Task<Team> FindAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        return await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team", teamId);
    }
}
