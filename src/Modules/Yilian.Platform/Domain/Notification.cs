using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Domain;

/// <summary>
/// One message in the outbox: written in the same breath as the event that causes it, sent by the
/// dispatcher job through the channel's sender, retried on failure, never sent twice (its dedup key is unique).
/// </summary>
internal sealed class Notification : IUserOwned
{
    public Guid Id { get; set; }

    /// <summary>The account that sees it in the app; empty for people without one (staff reached by SMS).</summary>
    public string OwnerUserId { get; set; } = "";

    /// <summary><c>user:{id}</c>, <c>staff:{id}</c>…</summary>
    public string RecipientKey { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>A phone number for SMS; encrypted at rest.</summary>
    [Encrypted]
    public string? Address { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Link { get; set; }

    public string DedupKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
