using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Neighbours.Domain;

public enum HelpKind
{
    /// <summary>I need help (求助).</summary>
    Ask = 0,

    /// <summary>I can help (帮忙).</summary>
    Offer = 1,
}

public enum HelpStatus
{
    /// <summary>Shown on the community's board, taking responses.</summary>
    Open = 0,

    /// <summary>The poster accepted one response; the two have each other's contact.</summary>
    Matched = 1,

    /// <summary>Both sides said it was done.</summary>
    Done = 2,

    /// <summary>The poster took it back.</summary>
    Withdrawn = 3,

    /// <summary>Its date passed without a match.</summary>
    Expired = 4,

    /// <summary>Taken down by the community officer after a report.</summary>
    Removed = 5,
}

public enum ResponseStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>The responder took it back (after being accepted: a late withdrawal, shown to the poster).</summary>
    Withdrawn = 3,
}

/// <summary>
/// A resident's ask or offer on the community's board (邻里帮帮): what, when, and roughly where — the community, never the address.
/// Shown only with the poster's consent; the poster's phone is given to the one neighbour they accept, who agreed to share
/// theirs when responding. Belongs to its poster and to the community (whose officer moderates it).
/// </summary>
internal sealed class HelpPost : IUserOwned, IRegionScoped
{
    public const int TitleMax = 40;

    public const int DetailsMax = 500;

    public Guid Id { get; set; }

    public string OwnerUserId { get; set; } = "";

    /// <summary>How neighbours see the poster: the family name and a title (王阿姨), never the full name.</summary>
    public string ShownName { get; set; } = "";

    public HelpKind Kind { get; set; }

    public string Category { get; set; } = "";

    public string Title { get; set; } = "";

    public string Details { get; set; } = "";

    /// <summary>The community (12 digits).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    /// <summary>When help is wanted or offered, in the poster's words (周六上午, 工作日晚上).</summary>
    public string When { get; set; } = "";

    /// <summary>The last day it stands; null when the poster chose "no expiry".</summary>
    public DateOnly? Until { get; set; }

    [Encrypted, Sensitive]
    public string Contact { get; set; } = "";

    public HelpStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the poster withdrew after accepting someone: the neighbour is told, and it stays on the record.</summary>
    public bool LateWithdrawal { get; set; }

    public string? WithdrawReason { get; set; }

    public bool PosterConfirmedDone { get; set; }

    public bool HelperConfirmedDone { get; set; }

    /// <summary>Whether the expiry reminder went out (once).</summary>
    public bool Reminded { get; set; }

    public string? RemovedReason { get; set; }

    public bool IsOpen => Status == HelpStatus.Open;
}

/// <summary>A neighbour's answer to a post — "I can help" to an ask, "I would like this" to an offer — with their consent to share
/// their phone with the poster if accepted. Belongs to the responder and to the post's community.</summary>
internal sealed class HelpResponse : IUserOwned, IRegionScoped
{
    public const int MessageMax = 200;

    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string ShownName { get; set; } = "";

    public string Message { get; set; } = "";

    [Encrypted, Sensitive]
    public string Contact { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public ResponseStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Withdrawn after being accepted: shown to the poster.</summary>
    public bool LateWithdrawal { get; set; }

    public string? WithdrawReason { get; set; }
}

public enum ReportStatus
{
    Open = 0,

    /// <summary>The officer took the post down.</summary>
    Upheld = 1,

    Dismissed = 2,
}

/// <summary>A resident's report of a post (a scam, an advert, something unsafe), decided by the community's officer.</summary>
internal sealed class HelpReport : IRegionScoped
{
    public const int ReasonMax = 200;

    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public string ReporterUserId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public ReportStatus Status { get; set; }

    public string? Decision { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

public static class HelpCategories
{
    public static readonly IReadOnlyList<string> All =
        ["errand", "company", "repair", "tutoring", "care", "lending", "transport", "digital", "other"];
}
