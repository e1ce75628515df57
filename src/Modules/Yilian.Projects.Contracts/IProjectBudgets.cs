namespace Yilian.Projects.Contracts;

/// <summary>A project's budget as its gates and page need it: the latest version's status (Draft, Submitted, Approved, Rejected,
/// Superseded), the version approved and in force, and its total.</summary>
public sealed record ProjectBudget(Guid BudgetId, string LatestStatus, int? ApprovedVersion, decimal Total)
{
    public bool Approved => ApprovedVersion is not null;
}

/// <summary>
/// Implemented by the Finance module: a project's budget, so that the project's workflow can require it approved before a gate
/// (立项) and the project's page can link to it, without depending on that module. Answers within the caller's data scope.
/// </summary>
public interface IProjectBudgets
{
    Task<ProjectBudget?> ForProjectAsync(Guid projectId, CancellationToken ct);
}
