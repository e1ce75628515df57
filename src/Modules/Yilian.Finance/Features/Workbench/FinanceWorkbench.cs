using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>
/// Finance warnings still to be worked (open, explained, escalated) within the person's scope: the organization explains
/// them, the regulator decides; the count is the list at the top of the finance page.
/// </summary>
internal sealed class FinanceWorkbench(FinanceWarnings warnings, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!FinancePermissions.Reads(user))
        {
            return [];
        }

        var open = await warnings.ListAsync(null, null, 1, 1, ct);
        return open.Total == 0 ? [] : [new("finance.warnings", FinanceText.Get("Work_Warnings"), open.Total, "/admin/finance",
            WorkItemTone.Todo)];
    }
}
