using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>
/// Organizers: this week's activities with places unfilled, hours waiting for confirmation, photo reports to moderate.
/// Volunteers: activities they can still join this week. Counts within the caller's scope (the DbContext's filter and <see cref="ActivityAccess"/>).
/// </summary>
internal sealed class VolunteeringWorkbench(VolunteersDbContext db, IActivityCatalog catalog, ActivityAccess access, Signups signups, ICurrentUser user, TimeProvider clock) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var now = clock.GetUtcNow();
        var week = await catalog.RecruitingBetweenAsync(now, now.AddDays(7), ct);
        if (access.IsOrganizer)
        {
            var own = new List<ActivityBrief>();
            foreach (var activity in week)
            {
                if (await access.OrganizesAsync(activity.OrganizationId, ct))
                {
                    own.Add(activity);
                }
            }

            // The places counter the sign-up handler keeps (as the phone page reads it), not a count of sign-ups.
            var taken = await signups.TakenAsync([.. own.Select(a => a.Id)], ct);
            var unfilled = own.Count(a => taken.GetValueOrDefault(a.Id) < a.VolunteersNeeded);
            items.Add(new("volunteering.unfilled", VolunteerText.Get("Work_Unfilled"), unfilled, "/admin/volunteering", WorkItemTone.Todo));
            var pending = await db.Attendances.CountAsync(a => a.Status == AttendanceStatus.CheckedOut, ct);
            items.Add(new("volunteering.hours-pending", VolunteerText.Get("Work_HoursPending"), pending, "/admin/volunteering", WorkItemTone.Todo));
            var photos = await db.PhotoReports.CountAsync(p => p.Status == PhotoStatus.Pending, ct);
            items.Add(new("volunteering.photos-pending", VolunteerText.Get("Work_PhotosPending"), photos, "/admin/volunteering/photos", WorkItemTone.Todo));
        }

        if (VolunteerPermissions.Volunteers(user))
        {
            var joined = await db.Signups.AsNoTracking().Where(s => s.OwnerUserId == user.UserId && s.Status != SignupStatus.Cancelled)
                .Select(s => s.ActivityId).ToListAsync(ct);
            items.Add(new("volunteering.open-to-join", VolunteerText.Get("Work_OpenToJoin"), week.Count(a => !joined.Contains(a.Id)), "/volunteer/activities", WorkItemTone.Info));
        }

        return items;
    }
}
