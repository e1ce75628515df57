using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// A review panel (评审小组): judges scoring the entries of a call for proposals or of a competition on one rubric. Scoped to the
/// region of what it reviews (the need's community, the competition's district); judges read and score through their seat on
/// the panel, whatever their own scope.
/// </summary>
internal sealed class Panel : IRegionScoped
{
    public Guid Id { get; set; }

    public PanelKind Kind { get; set; }

    /// <summary>The call for proposals or competition it reviews.</summary>
    public Guid SubjectId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>The rubric as JSON: criteria with code, name and weight; the weights sum to 100 (PanelRubric).</summary>
    public string Rubric { get; set; } = "[]";

    public bool Normalize { get; set; }

    public bool DropExtremes { get; set; }

    /// <summary>Set when scoring ends: scores are final and the ranking shows each judge's.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }
}

internal enum PanelKind
{
    Procurement = 1,
    Competition = 2,
}

/// <summary>A judge's seat on a panel, with the organizations the judge works for or mentors when seated: where the data shows a
/// conflict of interest, the judge is recused from that organization's entries.</summary>
internal sealed class PanelJudge : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid PanelId { get; set; }

    public string RegionCode { get; set; } = "";

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Comma-separated ids of the organizations the judge's account works for.</summary>
    public string WorksFor { get; set; } = "";

    /// <summary>Comma-separated ids of the organizations the judge mentors in an incubator.</summary>
    public string Mentors { get; set; } = "";

    public DateTimeOffset SeatedAt { get; set; }
}

/// <summary>A conflict of interest a judge declared for one entry: the judge is recused from it.</summary>
internal sealed class PanelConflict : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid PanelId { get; set; }

    public Guid EntryId { get; set; }

    public string RegionCode { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset DeclaredAt { get; set; }
}

/// <summary>One judge's scores for one entry, by criterion code (JSON); changeable until the panel closes.</summary>
internal sealed class PanelScore : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid PanelId { get; set; }

    public Guid EntryId { get; set; }

    public string RegionCode { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Scores { get; set; } = "{}";

    public decimal Total { get; set; }

    public string Comment { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }
}
