namespace Yilian.Volunteers.Contracts;

/// <summary>The confirmed volunteer service of one activity: how many volunteers and how many credited hours.</summary>
public sealed record ActivityService(Guid ActivityId, int Volunteers, decimal Hours);

/// <summary>
/// Implemented by the Volunteers module for threads that show what an activity delivered (a purchase of services' milestones):
/// confirmed records only, credited minutes (no overlap counted twice), whatever the caller's scope — counts, not people.
/// </summary>
public interface IActivityServiceHours
{
    Task<IReadOnlyDictionary<Guid, ActivityService>> OfActivitiesAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct);
}
