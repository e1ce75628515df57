using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Contracts;
using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

internal sealed class ActivityExpenses(IServiceScopeFactory scopes) : IActivityExpenses
{
    public async Task<IReadOnlyDictionary<Guid, ActivitySpending>> OfActivitiesAsync(IReadOnlyCollection<Guid> activityIds,
        CancellationToken ct)
    {
        if (activityIds.Count == 0)
        {
            return new Dictionary<Guid, ActivitySpending>();
        }

        // Sums only, read past the caller's scope: a community sees what the activities it paid for cost.
        await using var system = SystemScope.Begin(scopes);
        var db = system.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var rows = await db.Expenses.AsNoTracking()
            .Where(e => e.ActivityId != null && EF.Parameter(activityIds).Contains(e.ActivityId.Value)
                && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
            .GroupBy(e => e.ActivityId!.Value)
            .Select(g => new { ActivityId = g.Key, Spent = g.Sum(e => e.Amount), Count = g.Count(e => e.ReversesId == null) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.ActivityId, r => new ActivitySpending(r.ActivityId, r.Spent, r.Count));
    }
}
