using Yilian.Platform.Contracts;
using Yilian.Projects.Domain;
using Yilian.Projects.Resources;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

/// <summary>Projects stalled at a gate: the regulator and operators across the district, an organization for its own.</summary>
internal sealed class ProjectsWorkbench(ProjectQueries queries, ICurrentUser user) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!ProjectPermissions.WorksOnProjects(user))
        {
            return [];
        }

        var stalled = await queries.StalledCountAsync(ct);
        return [new("projects.stalled", ProjectText.Get("Work_Stalled", ProjectQueries.StalledAfterDays), stalled, "/admin/projects?stalled=true", WorkItemTone.Todo)];
    }
}
