using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>
/// Needs past their answer date with no answer yet, within the person's scope: the community that posted them, the street above
/// it and the regulator all see the count, linked to the list filtered to them.
/// </summary>
internal sealed class SupplyWorkbench(Needs needs, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!SupplyPermissions.ReadsNeeds(user))
        {
            return [];
        }

        var overdue = await needs.ListAsync(new NeedFilter(null, null, null, null, Overdue: true), PageRequest.Of(1, 1), ct);
        return overdue.Total > 0
            ? [new("supply.needs-overdue", SupplyText.Get("Work_NeedsOverdue"), overdue.Total, "/admin/supply/needs?overdue=true",
                WorkItemTone.Todo)]
            : [];
    }
}
