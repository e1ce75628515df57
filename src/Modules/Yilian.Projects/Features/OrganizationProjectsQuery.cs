using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Projects.Contracts;
using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

/// <summary>An organization's projects by stage, its most recently moved projects and latest documents, for its profile page.</summary>
internal sealed class OrganizationProjectsQuery(ProjectsDbContext db, WorkflowStore workflows, IServiceScopeFactory scopes)
    : IOrganizationProjects
{
    public const int RecentCount = 10;

    public const int DocumentCount = 20;

    public async Task<ProjectRef?> FindProjectAsync(Guid projectId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectRef(p.Id, p.OrganizationId, p.Name) { RegionCode = p.RegionCode, PeriodStart = p.PeriodStart,
                PeriodEnd = p.PeriodEnd })
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, ProjectRecord>> RecordsAsync(IReadOnlyCollection<Guid> organizationIds,
        CancellationToken ct)
    {
        if (organizationIds.Count == 0)
        {
            return new Dictionary<Guid, ProjectRecord>();
        }

        var definition = WorkflowStore.Parse((await workflows.CurrentAsync(ct)).Definition);
        var final = definition.Stages.Where(s => s.Final).Select(s => s.Code).ToList();
        var terminal = definition.Stages.Where(s => s.Terminal).Select(s => s.Code).ToList();
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        var rows = await all.Projects.AsNoTracking().Where(p => EF.Parameter(organizationIds).Contains(p.OrganizationId))
            .GroupBy(p => p.OrganizationId)
            .Select(g => new
            {
                g.Key, Completed = g.Count(p => final.Contains(p.Stage)), Running = g.Count(p => !terminal.Contains(p.Stage)),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new ProjectRecord(r.Key, r.Completed, r.Running));
    }

    public async Task<OrganizationProjects> ForOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var definition = WorkflowStore.Parse((await workflows.CurrentAsync(ct)).Definition);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        string StageName(string code) => definition.Stage(code) is { } s ? (english ? s.NameEn : s.NameZh) : code;

        var projects = db.Projects.AsNoTracking().Where(p => p.OrganizationId == organizationId);
        var counts = await projects.GroupBy(p => p.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToDictionaryAsync(g =>
            g.Stage, g => g.Count, ct);
        var stages = definition.Stages.Select(s => new StageCount(s.Code, StageName(s.Code), counts.GetValueOrDefault(s.Code))).ToList();
        var recent = await projects.OrderByDescending(p => p.StageChangedAt).Take(RecentCount)
            .Select(p => new { p.Id, p.Name, p.Stage }).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.OrganizationId == organizationId)
            .OrderByDescending(d => d.UploadedAt).Take(DocumentCount)
            .Join(db.Projects, d => d.ProjectId, p => p.Id, (d, p) => new { d.ProjectId, ProjectName = p.Name, d.Id, d.DocumentType,
                d.Version, d.FileName, d.UploadedAt })
            .ToListAsync(ct);
        return new OrganizationProjects(
            stages,
            [.. recent.Select(p => new ProjectBrief(p.Id, p.Name, p.Stage, StageName(p.Stage)))],
            [.. documents.OrderByDescending(d => d.UploadedAt).Select(d => new DocumentBrief(d.ProjectId, d.ProjectName, d.Id,
                d.DocumentType,
                DocumentTypes.All.TryGetValue(d.DocumentType, out var label) ? (english ? label.En : label.Zh) : d.DocumentType,
                    d.Version, d.FileName, d.UploadedAt))]);
    }
}
