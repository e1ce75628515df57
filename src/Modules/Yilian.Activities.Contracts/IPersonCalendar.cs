namespace Yilian.Activities.Contracts;

/// <summary>How people are named in the calendar.</summary>
public static class PersonKeys
{
    public const string UserPrefix = Platform.Contracts.NotificationRecipients.UserPrefix;

    public static string User(string userId) => Platform.Contracts.NotificationRecipients.User(userId);
}

/// <summary>Another commitment of the same person in the way of a hold: when, and which activity.</summary>
public sealed record PersonClash(DateTimeOffset Start, DateTimeOffset End, Guid? OtherActivityId, string? OtherTitle, DateTimeOffset OtherStart, DateTimeOffset OtherEnd);

/// <summary>A time a person is held by an activity.</summary>
public sealed record PersonBusy(string PersonKey, Guid ActivityId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Implemented by the Activities module: people held by activities, checked by the calendar's one conflict
/// engine (and on PostgreSQL by its exclusion constraint). A person key is <c>user:{account id}</c> for an
/// account holder such as a volunteer, <c>staff:{id}</c> for an organization's staff member.
/// </summary>
public interface IPersonCalendar
{
    /// <summary>
    /// Holds the person for every occurrence of the activity that has not ended. Nothing is held when any of them
    /// overlaps another booking of the same person; the clashes are returned instead (empty when held).
    /// Holding again is harmless: occurrences already held are skipped.
    /// </summary>
    Task<IReadOnlyList<PersonClash>> HoldAsync(Guid activityId, string personKey, CancellationToken ct);

    /// <summary>Lets the person go from the activity's occurrences that have not ended.</summary>
    Task ReleaseAsync(Guid activityId, string personKey, CancellationToken ct);

    /// <summary>The bookings of every person whose key starts with <paramref name="keyPrefix"/> that overlap [from, to).</summary>
    Task<IReadOnlyList<PersonBusy>> BusyAsync(string keyPrefix, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
