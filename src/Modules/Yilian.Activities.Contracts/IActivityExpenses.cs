namespace Yilian.Activities.Contracts;

/// <summary>What an activity cost: the approved and paid expenses booked to it (reversals netted), and how many.</summary>
public sealed record ActivitySpending(Guid ActivityId, decimal Spent, int Expenses);

/// <summary>
/// Implemented by the Finance module for threads that show what an activity delivered and cost (a purchase of services'
/// milestones): sums, not expense lines, whatever the caller's scope.
/// </summary>
public interface IActivityExpenses
{
    Task<IReadOnlyDictionary<Guid, ActivitySpending>> OfActivitiesAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct);
}
