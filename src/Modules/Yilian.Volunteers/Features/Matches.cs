using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>Matching rules, under <c>Volunteers:Matching</c>.</summary>
public sealed class MatchingOptions
{
    /// <summary>Activities one volunteer may be proposed for in a week (never two on one day).</summary>
    public int WeeklyLimit { get; set; } = 2;

    /// <summary>Candidates kept per activity for the weekly proposal: this many per place needed, at least <see cref="MinimumCandidates"/>.</summary>
    public int CandidatesPerPlace { get; set; } = 4;

    public int MinimumCandidates { get; set; } = 12;

    /// <summary>How old the in-memory pool may grow before it is refreshed in the background (changes made through this instance reload it before the next read).</summary>
    public int PoolSeconds { get; set; } = 30;

    /// <summary>Load the pool in the background once the host has started.</summary>
    public bool WarmOnStart { get; set; } = true;
}

/// <param name="Name">Masked (沈*怡): organizers outside the volunteer's community see who, not their full name.</param>
public sealed record MatchDto(int Rank, Guid VolunteerId, string Number, string Name, string Community, double Score, IReadOnlyList<MatchReason> Reasons);

public sealed record MatchList(Guid ActivityId, string Title, int Considered, int Eligible, IReadOnlyDictionary<string, int> Excluded, IReadOnlyList<MatchDto> Matches);

public sealed record InvitationRequest(IReadOnlyList<Guid>? VolunteerIds);

public sealed record ProposedActivity(Guid ActivityId, string Title, DateTimeOffset Start, int Need, IReadOnlyList<MatchDto> Assigned);

public sealed record WeekProposal(DateOnly WeekStart, int Activities, int Needs, int Filled, long TotalCost, double ElapsedMs, IReadOnlyList<ProposedActivity> Items);

public sealed record AcceptedActivity(Guid ActivityId, IReadOnlyList<Guid>? VolunteerIds);

public sealed record AcceptProposalRequest(IReadOnlyList<AcceptedActivity>? Items);

public sealed record InvitationDto(Guid Id, Guid ActivityId, string ActivityTitle, string Reason, InvitationStatus Status, DateTimeOffset InvitedAt);

/// <summary>
/// Explained matching for one activity, the week's optimal proposal (min-cost flow), and invitations,
/// which is how an organizer acts on either: the volunteer decides by signing up.
/// </summary>
internal sealed class Matches(
    VolunteersDbContext db, MatchPool pool, IActivityCatalog catalog, ActivityAccess access, VolunteerContacts contacts, IDictionaries dictionaries,
    IOptions<MatchingOptions> options, ICurrentUser user, TimeProvider clock)
{
    private IReadOnlyDictionary<string, string> _skillNames = new Dictionary<string, string>();

    /// <summary>Skill names in the user's language, for the reasons.</summary>
    private async Task LoadSkillNamesAsync(CancellationToken ct) =>
        _skillNames = (await dictionaries.ListAsync(DictionaryTypes.Skill, includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name);

    public async Task<MatchList> RankAsync(Guid activityId, int top, CancellationToken ct)
    {
        var activity = await access.OwnActivityAsync(activityId, ct);
        var target = await TargetAsync(activity, ct);
        var profiles = await pool.GetAsync(ct);
        await LoadSkillNamesAsync(ct);
        var (ranked, excluded) = Matcher.Rank(profiles, target, Math.Clamp(top, 1, 200));
        return new MatchList(activity.Id, activity.Title, profiles.Count, profiles.Count - excluded.Values.Sum(),
            excluded.ToDictionary(e => e.Key.ToString(), e => e.Value), [.. ranked.Select((r, i) => ToDto(i + 1, r.Profile, r.Score, target))]);
    }

    /// <summary>
    /// The best assignment of volunteers to the caller's recruiting activities in the week starting on
    /// <paramref name="weekStart"/>: the most places filled, then the best total fit. Nothing is sent until accepted.
    /// </summary>
    public async Task<WeekProposal> ProposeWeekAsync(DateOnly weekStart, CancellationToken ct)
    {
        access.RequireOrganizer();
        var watch = Stopwatch.StartNew();
        await LoadSkillNamesAsync(ct);
        var from = new DateTimeOffset(weekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var activities = new List<ActivityBrief>();
        foreach (var a in await catalog.RecruitingBetweenAsync(Max(from, clock.GetUtcNow()), from.AddDays(7), ct))
        {
            if (await access.OrganizesAsync(a.OrganizationId, ct))
            {
                activities.Add(a);
            }
        }

        var profiles = await pool.GetAsync(ct);
        var ids = activities.Select(a => a.Id).ToList();
        var confirmed = await db.Places.Where(p => ids.Contains(p.ActivityId)).ToDictionaryAsync(p => p.ActivityId, p => p.Confirmed, ct);
        var occurrences = (await catalog.OccurrencesOfAsync(ids, from, from.AddDays(7), ct)).ToLookup(o => o.ActivityId);
        var rules = options.Value;
        var tasks = new List<AssignmentTask>();
        var targets = new MatchTarget[activities.Count];
        var kept = new List<(MatchProfile Profile, double Score)>[activities.Count];
        Parallel.For(0, activities.Count, i =>
        {
            var a = activities[i];
            targets[i] = Matcher.Target(a.Id, a.Title, a.Needs, a.MinimumAge, a.Latitude, a.Longitude, a.RegionCode,
                occurrences[a.Id].Select(o => (o.Start, o.End)).DefaultIfEmpty((a.Start, a.End)));
            var need = Math.Max(0, a.VolunteersNeeded - confirmed.GetValueOrDefault(a.Id));
            kept[i] = need == 0 ? [] : Matcher.Rank(profiles, targets[i], Math.Max(rules.MinimumCandidates, need * rules.CandidatesPerPlace)).Ranked;
        });
        var index = new Dictionary<Guid, int>();
        var people = new List<MatchProfile>();
        var candidates = new List<AssignmentCandidate>();
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            tasks.Add(new AssignmentTask((ChinaTime.DateOf(targets[i].Occurrences[0].Start).DayNumber - weekStart.DayNumber + 7) % 7,
                Math.Max(0, a.VolunteersNeeded - confirmed.GetValueOrDefault(a.Id))));
            foreach (var (profile, score) in kept[i])
            {
                if (!index.TryGetValue(profile.Id, out var v))
                {
                    v = people.Count;
                    index[profile.Id] = v;
                    people.Add(profile);
                }

                candidates.Add(new AssignmentCandidate(v, i, (int)Math.Round(100 - Math.Clamp(score, 0, 100))));
            }
        }

        var result = WeeklyAssigner.Solve(new AssignmentProblem(people.Count, tasks, candidates, rules.WeeklyLimit));
        var byTask = result.Chosen.ToLookup(c => c.Task);
        var items = activities.Select((a, i) => new ProposedActivity(a.Id, a.Title, targets[i].Occurrences[0].Start, tasks[i].Need,
            [.. byTask[i].OrderBy(c => c.Cost).Select((c, rank) => ToDto(rank + 1, people[c.Volunteer], 100 - c.Cost, targets[i]))])).ToList();
        return new WeekProposal(weekStart, activities.Count, tasks.Sum(t => t.Need), result.Filled, result.TotalCost, watch.Elapsed.TotalMilliseconds, items);
    }

    /// <summary>Invites volunteers to an activity (once each), with the reason they were proposed; they see it on their phone.</summary>
    public async Task<int> InviteAsync(Guid activityId, IReadOnlyList<Guid>? volunteerIds, CancellationToken ct)
    {
        var activity = await access.OwnActivityAsync(activityId, ct);
        if (volunteerIds is not { Count: > 0 and <= 500 })
        {
            throw InputValidationException.For("volunteerIds", VolunteerText.Get("Match_InviteWhom"));
        }

        var target = await TargetAsync(activity, ct);
        await LoadSkillNamesAsync(ct);
        var profiles = (await pool.GetAsync(ct)).ToDictionary(p => p.Id);
        var already = (await db.Invitations.Where(i => i.ActivityId == activityId).Select(i => i.VolunteerId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var invited = new List<(Invitation Invitation, MatchProfile Profile)>();
        foreach (var id in volunteerIds.Distinct())
        {
            if (!profiles.TryGetValue(id, out var profile))
            {
                throw new NotFoundException("Volunteer", id);
            }

            if (already.Contains(id) || profile.SignedUp.Contains(activityId))
            {
                continue;
            }

            var reason = string.Join("；", Matcher.Explain(profile, target, _skillNames).Where(r => r.Points > 0).OrderByDescending(r => r.Points).Take(3).Select(r => r.Text));
            var invitation = new Invitation
            {
                Id = Guid.CreateVersion7(), ActivityId = activityId, VolunteerId = id, OrganizationId = activity.OrganizationId, RegionCode = activity.RegionCode,
                OwnerUserId = profile.OwnerUserId, ActivityTitle = Cut(activity.Title, 200), Reason = Cut(reason, 500), Status = InvitationStatus.Sent,
                InvitedBy = user.UserName ?? "system", InvitedAt = now,
            };
            db.Invitations.Add(invitation);
            invited.Add((invitation, profile));
        }

        await db.SaveChangesAsync(ct);
        await contacts.NotifyAsync([.. invited.Select(i => i.Profile.OwnerUserId)], VolunteerText.Get("Match_InviteTitle"),
            VolunteerText.Get("Match_InviteBody", activity.Title, ChinaTime.ToChina(activity.Start).ToString(VolunteerText.Get("Format_DayTime"), System.Globalization.CultureInfo.CurrentUICulture)),
            $"invite:{activityId}", ct);
        return invited.Count;
    }

    /// <summary>Accepts a proposal as adjusted by the organizer: each activity's chosen volunteers are invited.</summary>
    public async Task<int> AcceptAsync(AcceptProposalRequest request, CancellationToken ct)
    {
        if (request.Items is not { Count: > 0 and <= 1000 })
        {
            throw InputValidationException.For("items", VolunteerText.Get("Match_InviteWhom"));
        }

        var total = 0;
        foreach (var item in request.Items.Where(i => i.VolunteerIds is { Count: > 0 }))
        {
            total += await InviteAsync(item.ActivityId, item.VolunteerIds, ct);
        }

        return total;
    }

    public async Task<IReadOnlyList<InvitationDto>> MineAsync(CancellationToken ct) =>
        await db.Invitations.AsNoTracking().Where(i => i.OwnerUserId == user.UserId).OrderByDescending(i => i.InvitedAt).Take(50)
            .Select(i => new InvitationDto(i.Id, i.ActivityId, i.ActivityTitle, i.Reason, i.Status, i.InvitedAt)).ToListAsync(ct);

    private async Task<MatchTarget> TargetAsync(ActivityBrief activity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var upcoming = (await catalog.OccurrencesAsync(activity.Id, ct)).Where(o => o.End > now).Take(60).Select(o => (o.Start, o.End)).ToList();
        if (upcoming.Count == 0)
        {
            throw VolunteerRules.Over.Broken();
        }

        return Matcher.Target(activity.Id, activity.Title, activity.Needs, activity.MinimumAge, activity.Latitude, activity.Longitude, activity.RegionCode, upcoming);
    }

    private MatchDto ToDto(int rank, MatchProfile p, double score, MatchTarget target) =>
        new(rank, p.Id, p.Number, PersonName.Mask(p.Name), p.RegionCode, Math.Round(score, 1), Matcher.Explain(p, target, _skillNames));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
