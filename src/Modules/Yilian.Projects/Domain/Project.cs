using Yilian.SharedKernel.Data;

namespace Yilian.Projects.Domain;

/// <summary>A published workflow version; never changed after publishing.</summary>
[Unscoped("Workflow definitions are reference data read by every project.")]
internal sealed class Workflow
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Definition { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    public string PublishedBy { get; set; } = "";
}

/// <summary>A project of an organization. Scope: the organization's people, and the place it serves.</summary>
internal sealed class Project : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    /// <summary>Community (or street) the project serves; drives regional scope.</summary>
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Summary { get; set; }

    public string ServiceFields { get; set; } = "";

    public string TargetGroups { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public string FundingSource { get; set; } = "";

    public decimal FundingAmount { get; set; }

    public string Stage { get; set; } = "";

    public int WorkflowId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset StageChangedAt { get; set; }

    /// <summary>The idempotency effect key of the request that created it (<c>IIdempotentRequest</c>), so a retry finds it.</summary>
    public string? CreatedByRequest { get; set; }

    public List<Indicator> Indicators { get; set; } = [];

    /// <summary>The served community's rating, 1–5; filled by the supply–demand module (capability 8).</summary>
    public decimal? CommunityRating { get; set; }
}

/// <summary>One evaluator's scores on the workflow's rubric; submitting again replaces them.</summary>
internal sealed class Evaluation : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string EvaluatorId { get; set; } = "";

    public string EvaluatorName { get; set; } = "";

    /// <summary>JSON object: rubric code → score.</summary>
    public string Scores { get; set; } = "{}";

    public decimal Total { get; set; }

    public decimal MaxTotal { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }
}

internal sealed class Indicator : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal Target { get; set; }

    public decimal? Actual { get; set; }
}

internal sealed class ProjectDocument : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public int Version { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string StorageKey { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

public enum TimelineKind
{
    Created,
    StageChanged,
    DocumentUploaded,
    Comment,
    IndicatorUpdated,
    Evaluated,
    Activity,
    Expense,
}

internal sealed class TimelineEvent : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public TimelineKind Kind { get; set; }

    public string? FromStage { get; set; }

    public string? ToStage { get; set; }

    public string? Text { get; set; }

    public string Actor { get; set; } = "";

    public string ActorName { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>
/// One row whose value every write to a project replaces, in the same transaction: a board cached under an older value is
/// stale. It says only "projects changed"; the change itself is audited on the project.
/// </summary>
[Unscoped("One row that tells each instance's board cache that projects changed; it holds no project data.")]
internal sealed class ProjectsChangeStamp
{
    public const int RowId = 1;

    public int Id { get; set; }

    [Yilian.SharedKernel.Auditing.AuditIgnore]
    public Guid Value { get; set; }
}
