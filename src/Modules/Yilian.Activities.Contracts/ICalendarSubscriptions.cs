namespace Yilian.Activities.Contracts;

/// <summary>Implemented by the Activities module: a secret .ics address of the caller's own commitments (what the calendar holds them for).</summary>
public interface ICalendarSubscriptions
{
    /// <summary>A new subscription for the signed-in person; the address is shown once (only its hash is kept) and can be revoked.</summary>
    Task<string> CreatePersonalAsync(string baseUrl, CancellationToken ct);
}
