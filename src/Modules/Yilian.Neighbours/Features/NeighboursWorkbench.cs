using Microsoft.EntityFrameworkCore;

using Yilian.Neighbours.Data;
using Yilian.Neighbours.Domain;
using Yilian.Neighbours.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Neighbours.Features;

/// <summary>Neighbour-help reports waiting for the community's officer (in their communities, by the data scope).</summary>
internal sealed class NeighboursWorkbench(NeighboursDbContext db, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!NeighbourPermissions.Moderates(user))
        {
            return [];
        }

        var open = await db.Reports.CountAsync(r => r.Status == ReportStatus.Open, ct);
        return open == 0 ? [] : [new WorkItem("neighbours.reports-open", NeighbourText.Get("Workbench_Reports"), open,
            "/admin/help-reports", WorkItemTone.Todo)];
    }
}
