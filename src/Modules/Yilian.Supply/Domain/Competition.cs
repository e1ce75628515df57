using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// A micro-venture philanthropy competition (公益创投): a call with rules and eligibility, applications screened against them,
/// a roadshow on the calendar (each team so many minutes to present and to answer), judges on the shared panel, and awards
/// whose projects enter intake. Scoped to the organizer's district or street; applications are read through the call.
/// </summary>
internal sealed class Competition : IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>GC, the opening date and a sequence of the day: GC20261204-001.</summary>
    public string Number { get; set; } = "";

    public Guid PanelId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Rules { get; set; } = "";

    /// <summary>Comma-separated service-field codes an entry must be in; empty for any.</summary>
    public string Fields { get; set; } = "";

    /// <summary>The most an entry may ask for, in yuan.</summary>
    public decimal MaxAmount { get; set; }

    /// <summary>The lowest evaluation grade an entrant must hold (0 for none, 1–5 for 1A–5A).</summary>
    public int MinGrade { get; set; }

    public DateTimeOffset ApplicationsDue { get; set; }

    public int PresentMinutes { get; set; } = 8;

    public int QuestionMinutes { get; set; } = 7;

    public DateTimeOffset? RoadshowStart { get; set; }

    public Guid? RoadshowActivityId { get; set; }

    public DateTimeOffset? AwardedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedByRequest { get; set; }
}

/// <summary>An organization's entry to a competition, screened against its rules when submitted (with the reasons when not
/// eligible), given a roadshow slot, and, if funded, the project it became.</summary>
internal sealed class CompetitionEntry : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid CompetitionId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The competition's region: its organizer reads every entry.</summary>
    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string ServiceField { get; set; } = "";

    public decimal Amount { get; set; }

    public bool Eligible { get; set; }

    /// <summary>Why not eligible, one reason a line; empty when eligible.</summary>
    public string Screening { get; set; } = "";

    public DateTimeOffset? RoadshowAt { get; set; }

    public decimal? FundedAmount { get; set; }

    public Guid? ProjectId { get; set; }

    /// <summary>The incubation the funded project entered, when the award sent it to an incubator.</summary>
    public Guid? IncubationId { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }
}
