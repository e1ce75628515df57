using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

public sealed record ProjectCard(Guid Id, string Name, string OrganizationName, string Stage, DateOnly PeriodStart, DateOnly PeriodEnd, decimal FundingAmount, DateTimeOffset StageChangedAt);

public sealed record BoardColumn(string Stage, string NameZh, string NameEn, int Total, IReadOnlyList<ProjectCard> Cards);

public sealed record IndicatorDto(Guid Id, string Name, string Unit, decimal Target, decimal? Actual);

public sealed record TimelineDto(TimelineKind Kind, string? FromStage, string? ToStage, string? Text, string ActorName, DateTimeOffset OccurredAt);

public sealed record AvailableTransition(string To, string NameZh, string NameEn, bool RoleMay);

public sealed record ProjectDetail(
    Guid Id, Guid OrganizationId, string OrganizationName, string RegionCode, string Name, string? Summary, string ServiceFields, string TargetGroups,
    DateOnly PeriodStart, DateOnly PeriodEnd, string FundingSource, decimal FundingAmount, string Stage, int WorkflowVersion, DateTimeOffset CreatedAt,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<TimelineDto> Timeline, IReadOnlyList<AvailableTransition> Transitions,
    IReadOnlyList<StageDefinition> Stages);

/// <summary>The board by stage (the 20 most recently moved cards per stage, with totals) and the project detail; the scope filter decides what exists.</summary>
internal sealed class ProjectQueries(
    ProjectsDbContext db, WorkflowStore workflows, ICurrentUser user, TimeProvider clock, BoardCache boards)
{
    public const int CardsPerColumn = 20;

    /// <summary>A project that has not moved for this long is stalled at its gate (the workbench counts them).</summary>
    public const int StalledAfterDays = 60;

    /// <param name="stalled">Only projects in a non-terminal stage that has not changed for <see cref="StalledAfterDays"/> days.</param>
    public async Task<IReadOnlyList<BoardColumn>> BoardAsync(string? q, Guid? organizationId, CancellationToken ct, bool stalled = false)
    {
        var workflow = await workflows.CurrentAsync(ct);
        if (stalled || !string.IsNullOrWhiteSpace(q))
        {
            return await BuildBoardAsync(WorkflowStore.Parse(workflow.Definition), q, organizationId, stalled, ct);
        }

        // The stamp is read before the board is built (see BoardCache).
        var stamp = await db.ChangeStamp.AsNoTracking().Where(s => s.Id == ProjectsChangeStamp.RowId).Select(s => s.Value)
            .FirstAsync(ct);
        var key = BoardCache.Key(db.ScopeSignature, organizationId, workflow.Id);
        if (boards.Find(key, stamp) is { } cached)
        {
            return cached;
        }

        var board = await BuildBoardAsync(WorkflowStore.Parse(workflow.Definition), q, organizationId, stalled, ct);
        boards.Keep(key, stamp, board);
        return board;
    }

    private async Task<IReadOnlyList<BoardColumn>> BuildBoardAsync(
        WorkflowDefinition definition, string? q, Guid? organizationId, bool stalled, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking();
        if (stalled)
        {
            query = query.Where(Stalled(definition));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => p.Name.Contains(term) || p.OrganizationName.Contains(term));
        }

        if (organizationId is { } org)
        {
            query = query.Where(p => p.OrganizationId == org);
        }

        var totals = await query.GroupBy(p => p.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Stage, g => g.Count, ct);
        var columns = new List<BoardColumn>();
        foreach (var stage in definition.Stages)
        {
            var cards = totals.GetValueOrDefault(stage.Code) == 0
                ? []
                : await query.Where(p => p.Stage == stage.Code).OrderByDescending(p => p.StageChangedAt).Take(CardsPerColumn)
                    .Select(p => new ProjectCard(p.Id, p.Name, p.OrganizationName, p.Stage, p.PeriodStart, p.PeriodEnd, p.FundingAmount, p.StageChangedAt))
                    .ToListAsync(ct);
            columns.Add(new BoardColumn(stage.Code, stage.NameZh, stage.NameEn, totals.GetValueOrDefault(stage.Code), cards));
        }

        return columns;
    }

    /// <summary>Projects stalled at a gate, within the caller's scope.</summary>
    public async Task<int> StalledCountAsync(CancellationToken ct)
    {
        var definition = WorkflowStore.Parse((await workflows.CurrentAsync(ct)).Definition);
        return await db.Projects.CountAsync(Stalled(definition), ct);
    }

    private System.Linq.Expressions.Expression<Func<Project, bool>> Stalled(WorkflowDefinition definition)
    {
        var terminal = definition.Stages.Where(s => s.Terminal).Select(s => s.Code).ToList();
        var before = clock.GetUtcNow().AddDays(-StalledAfterDays);
        return p => !terminal.Contains(p.Stage) && p.StageChangedAt < before;
    }

    public async Task<ProjectDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Indicators).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Project", id);
        var workflow = await db.Workflows.AsNoTracking().FirstAsync(w => w.Id == p.WorkflowId, ct);
        var definition = WorkflowStore.Parse(workflow.Definition);
        var documents = await db.Documents.AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.DocumentType).ThenByDescending(d => d.Version).ToListAsync(ct);
        var timeline = await db.Timeline.AsNoTracking().Where(e => e.ProjectId == id).OrderByDescending(e => e.OccurredAt)
            .Select(e => new TimelineDto(e.Kind, e.FromStage, e.ToStage, e.Text, e.ActorName, e.OccurredAt)).ToListAsync(ct);
        var transitions = definition.Stage(p.Stage)?.Terminal == true
            ? []
            : definition.From(p.Stage).Select(t => new AvailableTransition(t.To, definition.Stage(t.To)?.NameZh ?? t.To, definition.Stage(t.To)?.NameEn ?? t.To, ProjectPermissions.MayTake(user, t.Roles))).ToList();
        return new ProjectDetail(p.Id, p.OrganizationId, p.OrganizationName, p.RegionCode, p.Name, p.Summary, p.ServiceFields, p.TargetGroups, p.PeriodStart, p.PeriodEnd,
            p.FundingSource, p.FundingAmount, p.Stage, workflow.Version, p.CreatedAt,
            [.. p.Indicators.OrderBy(i => i.Name).Select(i => new IndicatorDto(i.Id, i.Name, i.Unit, i.Target, i.Actual))],
            [.. documents.Select(ProjectDocuments.ToDto)], timeline, transitions, definition.Stages);
    }
}
