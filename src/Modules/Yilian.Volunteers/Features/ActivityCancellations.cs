using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>
/// An activity was cancelled: its sign-ups close (the calendar already let the people go with the occurrences),
/// and everyone who had a place or was waiting is told, in the app and by SMS. Past the organizer's scope: the
/// sign-ups are the activity's, whoever made them.
/// </summary>
internal sealed class ActivityCancellations(IServiceProvider services, VolunteerContacts contacts, Matching.MatchPool pool, TimeProvider clock)
    : IActivityListener
{
    public async Task CancelledAsync(Guid activityId, string title, DateTimeOffset start, CancellationToken ct)
    {
        var told = await Yilian.SharedKernel.Security.SystemScope.WithAsync<VolunteersDbContext, List<string>>(services, async db =>
        {
            var open = await db.Signups.Where(s => s.ActivityId == activityId && s.Status != SignupStatus.Cancelled).ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var signup in open)
            {
                signup.Status = SignupStatus.Cancelled;
                signup.ChangedAt = now;
            }

            foreach (var invitation in await db.Invitations.Where(i => i.ActivityId == activityId && i.Status == InvitationStatus.Sent).ToListAsync(ct))
            {
                invitation.Status = InvitationStatus.Cancelled;
                invitation.AnsweredAt = now;
            }

            await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Confirmed, 0), ct);
            await db.SaveChangesAsync(ct);
            return open.Select(s => s.OwnerUserId).Distinct().ToList();
        });
        pool.Invalidate();
        if (told.Count > 0)
        {
            var when = ChinaTime.ToChina(start).ToString(VolunteerText.Get("Format_DayTime"), System.Globalization.CultureInfo.CurrentUICulture);
            await contacts.NotifyAsync(told, VolunteerText.Get("Signup_ActivityCancelledTitle"),
                VolunteerText.Get("Signup_ActivityCancelledBody", title, when), "cancelled:" + activityId, ct);
        }
    }
}
