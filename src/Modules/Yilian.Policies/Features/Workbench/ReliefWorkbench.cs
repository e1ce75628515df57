using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Features;

/// <summary>Relief leads (政策找人) nobody has contacted, the caller's own open leads, and residents who asked to be called back.</summary>
internal sealed class ReliefWorkbench(PoliciesDbContext db, ICurrentUser user, TimeProvider clock) : IWorkbenchSource
{
    /// <summary>A lead still open this long after it was found is late (the case worker's follow-up promise to the family).</summary>
    public const int ContactWithinDays = 14;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!PolicyPermissions.FollowsUpRelief(user))
        {
            return [];
        }

        var late = clock.GetUtcNow().AddDays(-ContactWithinDays);
        var open = db.Candidates.Where(c => c.Status == CandidateStatus.Open);
        var unclaimed = await open.CountAsync(c => c.AssignedTo == null, ct);
        var overdue = await open.CountAsync(c => c.FoundAt < late, ct);
        var mine = await open.CountAsync(c => c.AssignedTo == user.UserId, ct);
        var callbacks = await db.ContactRequests.CountAsync(r => !r.Handled, ct);
        return
        [
            new("relief.unclaimed", PolicyText.Get("Work_Unclaimed"), unclaimed, "/admin/relief?status=Open&assigned=none", WorkItemTone.Todo),
            new("relief.overdue", PolicyText.Get("Work_Overdue", ContactWithinDays), overdue, "/admin/relief?status=Open", WorkItemTone.Urgent),
            new("relief.mine", PolicyText.Get("Work_Mine"), mine, "/admin/relief?status=Open&assigned=mine", WorkItemTone.Todo),
            new("relief.callbacks", PolicyText.Get("Work_Callbacks"), callbacks, "/admin/relief#contact-requests", WorkItemTone.Todo),
        ];
    }
}
