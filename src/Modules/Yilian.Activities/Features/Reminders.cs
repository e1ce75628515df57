using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Quartz;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Contracts;

namespace Yilian.Activities.Features;

/// <summary>
/// One Quartz trigger per occurrence, at its start minus the configured lead time, in the persistent job
/// store: a restart keeps every reminder. Booking, moving and cancelling plan and unplan them after commit.
/// </summary>
internal sealed class ReminderPlanner(ISchedulerFactory schedulers, IConfiguration config, TimeProvider clock)
{
    public const string Group = "activity-reminders";

    public static readonly JobKey Job = new("activity-reminder", Group);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> JobStored = new();

    public TimeSpan Lead => TimeSpan.FromMinutes(config.GetValue("Activities:ReminderLeadMinutes", 24 * 60));

    public static TriggerKey KeyOf(Guid occurrenceId) => new($"occurrence-{occurrenceId:N}", Group);

    public async Task PlanAsync(IEnumerable<(Guid Id, DateTimeOffset Start)> occurrences, CancellationToken ct)
    {
        var pending = occurrences.ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        // The durable job is stored once per scheduler instance, not on every booking.
        var instance = scheduler.SchedulerName + "/" + scheduler.SchedulerInstanceId;
        if (!JobStored.ContainsKey(instance))
        {
            await scheduler.AddJob(JobBuilder.Create<ActivityReminderJob>().WithIdentity(Job).StoreDurably().Build(), new AddJobOptions { Replace = true }, ct);
            JobStored[instance] = true;
        }

        var now = clock.GetUtcNow();
        foreach (var (id, start) in pending)
        {
            if (start <= now)
            {
                continue; // nothing to remind of
            }

            var at = start - Lead;
            var trigger = TriggerBuilder.Create(clock).WithIdentity(KeyOf(id)).ForJob(Job).UsingJobData("occurrenceId", id.ToString())
                .StartAt(at < now ? now : at).Build();
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, ct);
        }
    }

    public async Task UnplanAsync(IEnumerable<Guid> occurrenceIds, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var keys = occurrenceIds.Select(KeyOf).ToList();
        if (keys.Count > 0)
        {
            await scheduler.UnscheduleJobs(keys, ct);
        }
    }
}

/// <summary>Enqueues the reminders of one occurrence: in-app for the organizer's account and the volunteers it holds, SMS for staff with a phone.</summary>
internal sealed class ActivityReminderJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString("occurrenceId"), out var occurrenceId))
        {
            return;
        }

        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>();
        var occurrence = await db.Occurrences.AsNoTracking().FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken);
        var activity = occurrence is null ? null : await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == occurrence.ActivityId, cancellationToken);
        if (occurrence is null || activity is null || activity.Status is ActivityStatus.Cancelled or ActivityStatus.Done)
        {
            return;
        }

        var venue = occurrence.VenueId is { } venueId ? (await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, cancellationToken))?.Name : null;
        var when = ChinaTime.ToChina(occurrence.Start).ToString("yyyy-MM-dd HH:mm");
        var title = ActivityText.Get("Reminder_Title", activity.Title);
        var body = ActivityText.Get("Reminder_Body", activity.Title, when, venue ?? ActivityText.Get("Activity_Online"));
        var link = $"/admin/calendar?date={ChinaTime.ToChina(occurrence.Start):yyyy-MM-dd}";
        var outgoing = new List<OutgoingNotification>();
        var people = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var organizer = await people.FindByUserNameAsync(activity.CreatedBy, cancellationToken);
        if (organizer is not null)
        {
            outgoing.Add(new OutgoingNotification(PersonKeys.User(organizer.Id), organizer.Id, NotificationChannels.InApp, null, title, body, link, $"reminder:{occurrenceId:N}:user:{organizer.Id}"));
        }

        var staffIds = activity.StaffIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
        if (staffIds.Count > 0 && activity.OrganizationId != Guid.Empty)
        {
            var staff = await scope.ServiceProvider.GetRequiredService<IOrganizationLookup>().StaffAsync(activity.OrganizationId, cancellationToken);
            outgoing.AddRange(staff.Where(s => staffIds.Contains(s.Id) && s.Phone is not null)
                .Select(s => new OutgoingNotification("staff:" + s.Id, null, NotificationChannels.Sms, s.Phone, title, body, null, $"reminder:{occurrenceId:N}:staff:{s.Id}")));
        }

        // Volunteers held by the occurrence (their sign-ups were confirmed): in the app, and by SMS where the Volunteers module has their number.
        var held = (await db.PersonBookings.AsNoTracking().Where(p => p.OccurrenceId == occurrenceId && p.PersonKey.StartsWith(PersonKeys.UserPrefix))
            .Select(p => p.PersonKey).ToListAsync(cancellationToken)).Select(key => key[PersonKeys.UserPrefix.Length..]).Where(id => id != organizer?.Id).Distinct().ToList();
        if (held.Count > 0)
        {
            var contacts = scope.ServiceProvider.GetService<IVolunteerContacts>();
            outgoing.AddRange(contacts is null
                ? held.Select(id => new OutgoingNotification(PersonKeys.User(id), id, NotificationChannels.InApp, null, title, body, "/volunteer/activities", $"reminder:{occurrenceId:N}:user:{id}"))
                : await contacts.NoticesAsync(held, title, body, "/volunteer/activities", $"reminder:{occurrenceId:N}", cancellationToken));
        }
        await scope.ServiceProvider.GetRequiredService<INotificationOutbox>().EnqueueAsync(outgoing, cancellationToken);
    }
}
