using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Contracts;
using Yilian.Volunteers.Data;

namespace Yilian.Volunteers.Features;

/// <summary>How volunteers are told about their own sign-ups, under <c>Volunteers:Notices</c>.</summary>
public sealed class NoticeOptions
{
    /// <summary>Also send invitations, places from the waitlist and reminders by SMS (to the number verified at registration).</summary>
    public bool Sms { get; set; } = true;
}

/// <summary>
/// Volunteers' numbers for service messages. Reads past the caller's scope (an organizer inviting a volunteer
/// of another community, the reminder job), and only the number: nothing else of the profile leaves the module.
/// </summary>
internal sealed class VolunteerContacts(IServiceProvider services, INotificationOutbox outbox, IOptions<NoticeOptions> options) : IVolunteerContacts
{
    /// <summary>Tells volunteers about their own sign-ups: <see cref="NoticesAsync"/>, straight into the outbox.</summary>
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, string title, string body, string dedupKey, CancellationToken ct) =>
        await outbox.EnqueueAsync(await NoticesAsync(userIds, title, body, "/volunteer/activities", dedupKey, ct), ct);

    /// <summary>Account id → mobile number, for the accounts that belong to a volunteer with a number; empty when SMS notices are off.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PhonesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (!options.Value.Sms || userIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var ids = userIds.Distinct().ToList();
        var rows = await SystemScope.WithAsync<VolunteersDbContext, List<(string, string)>>(services, async db =>
        {
            var found = new List<(string, string)>();
            foreach (var chunk in ids.Chunk(500))
            {
                found.AddRange((await db.Volunteers.AsNoTracking().Where(v => chunk.Contains(v.OwnerUserId)).Select(v => new { v.OwnerUserId, v.Phone }).ToListAsync(ct))
                    .Where(v => !string.IsNullOrEmpty(v.Phone)).Select(v => (v.OwnerUserId, v.Phone)));
            }

            return found;
        });
        return rows.GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => g.First().Item2);
    }

    public async Task<IReadOnlyList<OutgoingNotification>> NoticesAsync(IReadOnlyCollection<string> userIds, string title, string body, string link, string dedupKey, CancellationToken ct)
    {
        var phones = await PhonesAsync(userIds, ct);
        var notices = new List<OutgoingNotification>();
        foreach (var id in userIds.Distinct())
        {
            notices.Add(new OutgoingNotification(PersonKeys.User(id), id, NotificationChannels.InApp, null, title, body, link, $"{dedupKey}:user:{id}"));
            if (phones.TryGetValue(id, out var phone))
            {
                notices.Add(new OutgoingNotification(PersonKeys.User(id), id, NotificationChannels.Sms, phone, title, body, null, $"{dedupKey}:user:{id}:sms"));
            }
        }

        return notices;
    }
}
