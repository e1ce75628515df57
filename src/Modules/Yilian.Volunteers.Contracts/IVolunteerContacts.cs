using Yilian.Platform.Contracts;

namespace Yilian.Volunteers.Contracts;

/// <summary>
/// Implemented by the Volunteers module: the mobile numbers volunteers registered with (verified by a code at
/// registration), for service messages about their own sign-ups — invitations, a place from the waitlist,
/// reminders. Numbers are decrypted only here and handed straight to the notification outbox.
/// </summary>
public interface IVolunteerContacts
{
    /// <summary>The in-app message, and a text message when the volunteer has a number and SMS notices are on.</summary>
    Task<IReadOnlyList<OutgoingNotification>> NoticesAsync(IReadOnlyCollection<string> userIds, string title, string body, string link, string dedupKey, CancellationToken ct);
}
