using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>
/// Finance warnings still to be worked (open, explained, escalated) within the person's scope: the organization explains
/// them, the regulator decides; the count is the list at the top of the finance page. And cash counts waiting for the
/// person as their second counter.
/// </summary>
internal sealed class FinanceWorkbench(FinanceWarnings warnings, Charity.Donations donations, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!FinancePermissions.Reads(user))
        {
            return [];
        }

        var items = new List<WorkItem>();
        var open = await warnings.ListAsync(null, null, 1, 1, ct);
        if (open.Total > 0)
        {
            items.Add(new("finance.warnings", FinanceText.Get("Work_Warnings"), open.Total, "/admin/finance", WorkItemTone.Todo));
        }

        var (counts, project) = await donations.CountsForMeAsync(ct);
        if (counts > 0)
        {
            items.Add(new("charity.cash-counts", FinanceText.Get("Work_CashCounts"), counts, $"/admin/finance/charity/{project}",
                WorkItemTone.Todo));
        }

        return items;
    }
}
