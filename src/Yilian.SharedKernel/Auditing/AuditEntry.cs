namespace Yilian.SharedKernel.Auditing;

/// <summary>
/// One append-only row of the audit trail. Rows are written in the same transaction as the change they
/// describe; the sealer then gives each a <see cref="Sequence"/> and a <see cref="Hash"/> chained to the
/// previous row's hash, so that an edited or deleted row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>User id, or <c>system:…</c> for commands and jobs.</summary>
    public string Actor { get; set; } = "";

    public string? ActorName { get; set; }

    /// <summary>Created, Updated, Deleted, LoginSucceeded, LoginFailed, SessionEnded…</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>JSON object: field → [before, after].</summary>
    public string? Changes { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public long? Sequence { get; set; }

    public string? PreviousHash { get; set; }

    public string? Hash { get; set; }
}
