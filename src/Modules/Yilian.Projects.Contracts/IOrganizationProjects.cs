namespace Yilian.Projects.Contracts;

public sealed record StageCount(string Stage, string Name, int Count);

public sealed record ProjectBrief(Guid Id, string Name, string Stage, string StageName);

public sealed record DocumentBrief(Guid ProjectId, string ProjectName, Guid DocumentId, string DocumentType, string DocumentTypeName, int Version, string FileName, DateTimeOffset UploadedAt);

public sealed record ProjectRef(Guid Id, Guid OrganizationId, string Name)
{
    public string RegionCode { get; init; } = "";

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }
}

public sealed record OrganizationProjects(IReadOnlyList<StageCount> Stages, IReadOnlyList<ProjectBrief> Recent, IReadOnlyList<DocumentBrief> Documents);

/// <summary>
/// Implemented by the Projects module so that an organization's profile shows its projects by stage and
/// their latest documents without depending on that module. Answers within the caller's data scope.
/// </summary>
public interface IOrganizationProjects
{
    Task<OrganizationProjects> ForOrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<ProjectRef?> FindProjectAsync(Guid projectId, CancellationToken ct);
}
