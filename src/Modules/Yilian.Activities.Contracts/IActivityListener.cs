namespace Yilian.Activities.Contracts;

/// <summary>
/// Told by the Activities module when a published activity is cancelled, after the cancellation is saved:
/// the Volunteers module closes its sign-ups and tells the people who had signed up. Every registered
/// listener is called; one that fails is logged and does not undo the cancellation.
/// </summary>
public interface IActivityListener
{
    Task CancelledAsync(Guid activityId, string title, DateTimeOffset start, CancellationToken ct);
}
