namespace Yilian.Platform.Contracts;

public static class NotificationChannels
{
    /// <summary>Shown in the app's notification list.</summary>
    public const string InApp = "in-app";

    public const string Sms = "sms";

    public const string WeChat = "wechat";
}

/// <summary>Whom a notification is for: one key per person, shared with the calendar (<c>PersonKeys</c>).</summary>
public static class NotificationRecipients
{
    public const string UserPrefix = "user:";

    public static string User(string userId) => UserPrefix + userId;
}

/// <param name="UserId">The account that sees it in the app, if any.</param>
/// <param name="Address">Where the channel delivers it (a phone number for SMS).</param>
/// <param name="DedupKey">The same key is enqueued once, however often the cause repeats.</param>
public sealed record OutgoingNotification(string RecipientKey, string? UserId, string Channel, string? Address, string Title, string Body, string? Link, string DedupKey);

/// <summary>Other modules enqueue messages; Platform's dispatcher delivers them.</summary>
public interface INotificationOutbox
{
    /// <returns>How many were new (the rest had been enqueued before).</returns>
    Task<int> EnqueueAsync(IReadOnlyList<OutgoingNotification> notifications, CancellationToken ct);
}

/// <summary>Delivers through one channel. In-app needs no sender; SMS and WeChat adapters implement this.</summary>
public interface INotificationSender
{
    string Channel { get; }

    Task SendAsync(string? address, string title, string body, CancellationToken ct);
}
