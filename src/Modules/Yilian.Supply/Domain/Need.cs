using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// A need on the needs list (需求清单): what a community or street asks for, for whom, where and when, with its budget and
/// the date it wants answers by. Scoped to its region: a community officer sees the community's, a street officer the
/// street's, the district all; a need marked public is also on the public list.
/// </summary>
internal sealed class Need : IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>XQ, the posting date and a sequence of the day: XQ20261204-003.</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>A code of the service-field dictionary (the same codes organizations describe their work with).</summary>
    public string ServiceField { get; set; } = "";

    /// <summary>Who the service is for (长者、困境儿童…).</summary>
    public string TargetGroup { get; set; } = "";

    /// <summary>The community (or street) the need is in.</summary>
    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public DateOnly? ServiceFrom { get; set; }

    public DateOnly? ServiceTo { get; set; }

    /// <summary>What the poster can pay, in yuan; 0 when the service is wanted without payment (volunteers, donated resources).</summary>
    public decimal Budget { get; set; }

    /// <summary>Answers are wanted by this day; an open need past it is overdue for the street and the regulator.</summary>
    public DateOnly AnswerBy { get; set; }

    /// <summary>On the public list (the poster chose).</summary>
    public bool Public { get; set; }

    public NeedStatus Status { get; set; }

    /// <summary>When it was answered by a call for proposals (cleared if the call is cancelled): an answered need is not
    /// overdue, however long the purchase takes.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public string PostedBy { get; set; } = "";

    public DateTimeOffset PostedAt { get; set; }

    public string? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it was closed or withdrawn.</summary>
    public string? CloseNote { get; set; }

    /// <summary>Set when merged into another need (status <see cref="NeedStatus.Merged"/>): that need's thread answers this one.
    /// </summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Set on each part of a split need: the need it was split from (status <see cref="NeedStatus.Split"/>).</summary>
    public Guid? SplitFromId { get; set; }

    /// <summary>The idempotency key of the request that posted it (decision 020).</summary>
    public string? CreatedByRequest { get; set; }
}

internal enum NeedStatus
{
    Open = 1,

    /// <summary>Met (by a purchase, a project, volunteers or resources), with a note of how.</summary>
    Closed = 2,

    /// <summary>No longer wanted.</summary>
    Withdrawn = 3,

    /// <summary>The same as another need, merged into it: answered by that need's thread.</summary>
    Merged = 4,

    /// <summary>Divided into parts (for several communities, or separate services), each a need of its own.</summary>
    Split = 5,
}
