using Yilian.SharedKernel.Data;

namespace Yilian.Platform.Domain;

/// <summary>The outcome of one write request sent with an <c>Idempotency-Key</c>, kept to answer its retries.</summary>
[Unscoped("Keyed by the caller's own user id and only read by the idempotency filter.")]
internal sealed class IdempotencyRecord
{
    public string UserId { get; set; } = "";

    public string Key { get; set; } = "";

    public string Endpoint { get; set; } = "";

    public string RequestHash { get; set; } = "";

    /// <summary>0 while the first request is still running.</summary>
    public int ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public string? ResponseContentType { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Which attempt holds the key while <see cref="ResponseStatus"/> is 0; a new one on every takeover.</summary>
    public Guid Owner { get; set; }

    /// <summary>Until when the holder may run; after it a retry takes the key over (the holder is presumed dead).</summary>
    public DateTimeOffset LeaseExpiresAt { get; set; }
}
