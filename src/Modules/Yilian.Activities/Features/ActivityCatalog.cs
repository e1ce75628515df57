using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Features;

/// <summary>Volunteers' view of activities: published ones only, across scopes (publishing makes them public).</summary>
internal sealed class ActivityCatalog(IServiceProvider services, TimeProvider clock, PublicActivities publicActivities) : IActivityCatalog
{
    public async Task<IReadOnlyList<PublicActivityBrief>> UpcomingPublicAsync(int count, CancellationToken ct) =>
        [.. (await publicActivities.UpcomingAsync(null, 14, ct)).Take(Math.Clamp(count, 1, PublicActivities.MaxItems))
            .Select(a => new PublicActivityBrief(a.ActivityId, a.Title, a.Start, a.End, a.VenueName, a.Online))];

    public async Task<ActivityBrief?> FindAsync(Guid activityId, CancellationToken ct) =>
        (await QueryAsync(q => q.Where(a => a.Id == activityId), ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ActivityBrief>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct)
    {
        var found = new List<ActivityBrief>();
        foreach (var chunk in activityIds.Distinct().Chunk(500))
        {
            found.AddRange(await QueryAsync(q => q.Where(a => chunk.Contains(a.Id)), ct));
        }

        return found;
    }

    public async Task<IReadOnlyList<ActivityBrief>> OfOrganizationAsync(Guid organizationId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct) =>
        await QueryAsync(q => q.Where(a => a.OrganizationId == organizationId && (a.Status == ActivityStatus.Published
            || a.Status == ActivityStatus.Done) && a.Start >= from && a.Start < to).OrderByDescending(a => a.Start).Take(100), ct);

    public async Task<IReadOnlyList<ActivityBrief>> RecruitingAsync(int days, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(Math.Clamp(days, 1, 62));
        var all = await QueryAsync(q => q.Where(a => a.Status == ActivityStatus.Published && a.End > now && a.Start < until && a.VolunteerNeeds != "{}")
            .OrderBy(a => a.Start).Take(200), ct);
        return [.. all.Where(a => a.VolunteersNeeded > 0)];
    }

    public async Task<IReadOnlyList<ActivityBrief>> RecruitingBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var all = await QueryAsync(q => q.Where(a => a.Status == ActivityStatus.Published && a.Start >= from && a.Start < to && a.VolunteerNeeds != "{}")
            .OrderBy(a => a.Start).Take(5_000), ct);
        return [.. all.Where(a => a.VolunteersNeeded > 0)];
    }

    public Task<IReadOnlyList<ActivityOccurrence>> OccurrencesAsync(Guid activityId, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<ActivityOccurrence>>(async db => await db.Occurrences.AsNoTracking()
            .Where(o => o.ActivityId == activityId && db.Activities.Any(a => a.Id == activityId && a.Status != ActivityStatus.Draft))
            .OrderBy(o => o.Start).Select(o => new ActivityOccurrence(o.Id, o.ActivityId, o.Start, o.End)).ToListAsync(ct));

    public Task<ActivityOccurrence?> FindOccurrenceAsync(Guid occurrenceId, CancellationToken ct) =>
        ReadAsync(db => db.Occurrences.AsNoTracking().Where(o => o.Id == occurrenceId)
            .Select(o => new ActivityOccurrence(o.Id, o.ActivityId, o.Start, o.End)).FirstOrDefaultAsync(ct));

    public async Task<IReadOnlyList<ActivityOccurrence>> OccurrencesOfAsync(IReadOnlyCollection<Guid> activityIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (activityIds.Count == 0)
        {
            return [];
        }

        return await ReadAsync<IReadOnlyList<ActivityOccurrence>>(async db =>
        {
            var result = new List<ActivityOccurrence>();
            // In chunks: a parameter list per query stays well under the providers' limits.
            foreach (var chunk in activityIds.Distinct().Chunk(500))
            {
                result.AddRange(await db.Occurrences.AsNoTracking()
                    .Where(o => chunk.Contains(o.ActivityId) && o.Start >= from && o.Start < to
                        && db.Activities.Any(a => a.Id == o.ActivityId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Done)))
                    .Select(o => new ActivityOccurrence(o.Id, o.ActivityId, o.Start, o.End)).ToListAsync(ct));
            }

            return result;
        });
    }

    /// <summary>Reads across scopes (published activities are public): a context made inside the system scope, which it captures when created.</summary>
    private Task<T> ReadAsync<T>(Func<ActivitiesDbContext, Task<T>> read) => SystemScope.WithAsync(services, read);

    private async Task<List<ActivityBrief>> QueryAsync(Func<IQueryable<Activity>, IQueryable<Activity>> filter, CancellationToken ct)
    {
        var rows = await ReadAsync(db => filter(db.Activities.AsNoTracking())
            .Select(a => new { Activity = a, Venue = db.Venues.Where(v => v.Id == a.VenueId).Select(v => new { v.Name, v.Latitude, v.Longitude }).FirstOrDefault() })
            .ToListAsync(ct));
        return [.. rows.Select(r =>
        {
            var needs = JsonSerializer.Deserialize<Dictionary<string, int>>(r.Activity.VolunteerNeeds) ?? [];
            return new ActivityBrief(r.Activity.Id, r.Activity.Title, r.Activity.Status == ActivityStatus.Published, r.Activity.OrganizationId, r.Activity.RegionCode,
                needs.Values.Sum(), needs, r.Activity.MinimumVolunteerAge, r.Activity.Start, r.Activity.End, r.Venue?.Name, r.Venue?.Latitude, r.Venue?.Longitude);
        })];
    }
}
