namespace Yilian.Projects.Contracts;

public sealed record StageCount(string Stage, string Name, int Count);

public sealed record ProjectBrief(Guid Id, string Name, string Stage, string StageName);

public sealed record DocumentBrief(Guid ProjectId, string ProjectName, Guid DocumentId, string DocumentType, string DocumentTypeName,
    int Version, string FileName, DateTimeOffset UploadedAt);

public sealed record ProjectRef(Guid Id, Guid OrganizationId, string Name)
{
    public string RegionCode { get; init; } = "";

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }
}

/// <summary>An organization's record in Projects: how many projects it completed (a final stage) and how many are under way.</summary>
public sealed record ProjectRecord(Guid OrganizationId, int Completed, int Running);

public sealed record OrganizationProjects(IReadOnlyList<StageCount> Stages, IReadOnlyList<ProjectBrief> Recent,
    IReadOnlyList<DocumentBrief> Documents);

/// <summary>
/// Implemented by the Projects module so that an organization's profile shows its projects by stage and
/// their latest documents without depending on that module. Answers within the caller's data scope.
/// </summary>
public interface IOrganizationProjects
{
    Task<OrganizationProjects> ForOrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<ProjectRef?> FindProjectAsync(Guid projectId, CancellationToken ct);

    /// <summary>Each organization's completed and running projects, counted whatever the caller's scope (a track record on the
    /// public projects list: counts, not projects); organizations without any are left out.</summary>
    Task<IReadOnlyDictionary<Guid, ProjectRecord>> RecordsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);
}
