using Yilian.SharedKernel.Data;

namespace Yilian.Activities.Domain;

public enum FeedKind
{
    Venue = 1,
    Organization = 2,
    Person = 3,
}

/// <summary>
/// A secret iCalendar subscription URL. Only the SHA-256 of the token is stored: the URL is shown once to
/// its owner, and a leaked database does not leak subscriptions. Revoking stops the feed at once.
/// </summary>
internal sealed class FeedToken : IUserOwned
{
    public Guid Id { get; set; }

    [Sensitive]
    public string TokenHash { get; set; } = "";

    public FeedKind Kind { get; set; }

    /// <summary>Venue id, organization id, or the person's user id.</summary>
    public string OwnerKey { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
