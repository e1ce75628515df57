namespace Yilian.Volunteers.Contracts;

/// <summary>The confirmed volunteer service of one activity: how many volunteers and how many credited hours.</summary>
public sealed record ActivityService(Guid ActivityId, int Volunteers, decimal Hours);

/// <summary>An organization's confirmed volunteer service over a period: how many volunteers, how many credited hours.</summary>
public sealed record OrganizationService(Guid OrganizationId, int Volunteers, decimal Hours);

/// <summary>
/// Implemented by the Volunteers module for threads that show what an activity delivered (a purchase of services' milestones):
/// confirmed records only, credited minutes (no overlap counted twice), whatever the caller's scope — counts, not people.
/// </summary>
public interface IActivityServiceHours
{
    Task<IReadOnlyDictionary<Guid, ActivityService>> OfActivitiesAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct);

    /// <summary>Each organization's confirmed service of occurrences since <paramref name="since"/> (a service project's track
    /// record); organizations without any are left out.</summary>
    Task<IReadOnlyDictionary<Guid, OrganizationService>> OfOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds,
        DateTimeOffset since, CancellationToken ct);
}
