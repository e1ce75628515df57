using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Features.Notifications;

/// <summary>The person's unread in-app notifications (their own only: notifications are user-owned records).</summary>
internal sealed class NotificationsWorkbench(PlatformDbContext db, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return [];
        }

        var unread = await db.Notifications.CountAsync(n => n.Channel == NotificationChannels.InApp && n.ReadAt == null, ct);
        return [new("platform.unread", PlatformText.Get("Work_Unread"), unread, "/admin/notifications", WorkItemTone.Info)];
    }
}
