using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Contracts;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Volunteers.Features;

internal sealed class ActivityServiceHours(IServiceScopeFactory scopes) : IActivityServiceHours
{
    public async Task<IReadOnlyDictionary<Guid, ActivityService>> OfActivitiesAsync(IReadOnlyCollection<Guid> activityIds,
        CancellationToken ct)
    {
        if (activityIds.Count == 0)
        {
            return new Dictionary<Guid, ActivityService>();
        }

        // Counts only, read past the caller's scope: a community sees what the activities it paid for delivered.
        await using var system = SystemScope.Begin(scopes);
        var db = system.ServiceProvider.GetRequiredService<VolunteersDbContext>();
        var rows = await db.Attendances.AsNoTracking()
            .Where(a => EF.Parameter(activityIds).Contains(a.ActivityId) && a.Status == AttendanceStatus.Confirmed)
            .GroupBy(a => a.ActivityId)
            .Select(g => new { ActivityId = g.Key, Volunteers = g.Select(a => a.VolunteerId).Distinct().Count(), Minutes = g.Sum(a =>
                a.CreditedMinutes) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.ActivityId, r => new ActivityService(r.ActivityId, r.Volunteers, Math.Round(r.Minutes / 60m, 1)));
    }

    public async Task<IReadOnlyDictionary<Guid, OrganizationService>> OfOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds,
        DateTimeOffset since, CancellationToken ct)
    {
        if (organizationIds.Count == 0)
        {
            return new Dictionary<Guid, OrganizationService>();
        }

        await using var system = SystemScope.Begin(scopes);
        var db = system.ServiceProvider.GetRequiredService<VolunteersDbContext>();
        var rows = await db.Attendances.AsNoTracking()
            .Where(a => EF.Parameter(organizationIds).Contains(a.OrganizationId) && a.Status == AttendanceStatus.Confirmed
                && a.OccurrenceStart >= since)
            .GroupBy(a => a.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Volunteers = g.Select(a => a.VolunteerId).Distinct().Count(), Minutes = g.Sum(a =>
                a.CreditedMinutes) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.OrganizationId, r => new OrganizationService(r.OrganizationId, r.Volunteers,
            Math.Round(r.Minutes / 60m, 1)));
    }
}
