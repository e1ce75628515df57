using Yilian.Platform.Contracts;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>
/// Needs past their answer date with no answer yet, within the person's scope: the community that posted them, the street above
/// it and the regulator all see the count, linked to the list filtered to them.
/// </summary>
internal sealed class SupplyWorkbench(Needs needs) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var overdue = await needs.OverdueCountAsync(ct);
        return overdue > 0
            ? [new("supply.needs-overdue", SupplyText.Get("Work_NeedsOverdue"), overdue, "/admin/supply/needs?overdue=true",
                WorkItemTone.Todo)]
            : [];
    }
}
