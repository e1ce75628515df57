using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.Projects.Resources;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Projects.Features;

public sealed class IndicatorInput
{
    [RequiredField, SafeText(200), Label(typeof(ProjectText), "Indicator_Name")]
    public string? Name { get; set; }

    [SafeText(20), Label(typeof(ProjectText), "Indicator_Unit")]
    public string? Unit { get; set; }

    [Range(0, 1_000_000_000), Label(typeof(ProjectText), "Indicator_Target")]
    public decimal Target { get; set; }
}

public sealed class CreateProjectRequest
{
    /// <summary>Needed when the caller is not bound to one organization (operators, regulators).</summary>
    public Guid? OrganizationId { get; set; }

    [RequiredField, SafeText(200), Label(typeof(ProjectText), "Project_Name")]
    public string? Name { get; set; }

    [SafeText(2000, Multiline = true), Label(typeof(ProjectText), "Project_Summary")]
    public string? Summary { get; set; }

    [SafeText(400), Label(typeof(ProjectText), "Project_ServiceFields")]
    public string? ServiceFields { get; set; }

    [SafeText(400), Label(typeof(ProjectText), "Project_TargetGroups")]
    public string? TargetGroups { get; set; }

    [RequiredField, Label(typeof(ProjectText), "Project_PeriodStart")]
    public DateOnly? PeriodStart { get; set; }

    [RequiredField, Label(typeof(ProjectText), "Project_PeriodEnd")]
    public DateOnly? PeriodEnd { get; set; }

    [SafeText(100), Label(typeof(ProjectText), "Project_FundingSource")]
    public string? FundingSource { get; set; }

    [Range(0, 1_000_000_000), Label(typeof(ProjectText), "Project_FundingAmount")]
    public decimal FundingAmount { get; set; }

    public List<IndicatorInput> Indicators { get; set; } = [];
}

public sealed record TransitionRequest(string? To, string? Comment);

public sealed record CommentRequest(string? Text);

public sealed record IndicatorActualRequest(decimal? Actual);

/// <summary>Creating projects, moving them through the workflow's gates, comments and indicator actuals.</summary>
internal sealed class ProjectCommands(
    ProjectsDbContext db, WorkflowStore workflows, IOrganizationLookup organizations, IDataScopeProvider scope, ICurrentUser user,
    TimeProvider clock, IIdempotentRequest idempotency, IProjectBudgets budgets)
{
    public async Task<Guid> CreateAsync(CreateProjectRequest request, CancellationToken ct)
    {
        if (idempotency.EffectKey is { } effect
            && await db.Projects.Where(p => p.CreatedByRequest == effect).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) is { } made)
        {
            return made; // an earlier attempt of this request committed it, then died before answering
        }

        InputValidator.ThrowIfInvalid(request);
        foreach (var indicator in request.Indicators)
        {
            InputValidator.ThrowIfInvalid(indicator);
        }

        if (request.PeriodEnd <= request.PeriodStart)
        {
            throw InputValidationException.For("periodEnd", ProjectText.Get("Project_PeriodOrder"));
        }

        if (request.Indicators.Count > 50)
        {
            throw InputValidationException.For("indicators", ProjectText.Get("Project_TooManyIndicators"));
        }

        var ownOrgs = scope.Current.Organizations;
        var organizationId = request.OrganizationId ?? (ownOrgs.Count == 1 ? ownOrgs[0] : (Guid?)null)
            ?? throw InputValidationException.For("organizationId", ProjectText.Get("Project_OrganizationRequired"));
        var org = await organizations.FindAsync(organizationId, ct)
            ?? throw InputValidationException.For("organizationId", ProjectText.Get("Project_OrganizationRequired"));
        if (!(ProjectPermissions.WorksOnProjects(user) || SystemScope.IsActive))
        {
            throw new ForbiddenException(ProjectText.Get("Project_CannotCreate"));
        }

        var workflow = await workflows.CurrentAsync(ct);
        var definition = WorkflowStore.Parse(workflow.Definition);
        var now = clock.GetUtcNow();
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = org.Id,
            OrganizationName = org.Name,
            RegionCode = org.RegionCode,
            Name = request.Name!.Trim(),
            Summary = request.Summary?.Trim(),
            ServiceFields = request.ServiceFields?.Trim() ?? "",
            TargetGroups = request.TargetGroups?.Trim() ?? "",
            PeriodStart = request.PeriodStart!.Value,
            PeriodEnd = request.PeriodEnd!.Value,
            FundingSource = request.FundingSource?.Trim() ?? "",
            FundingAmount = request.FundingAmount,
            Stage = definition.InitialStage,
            WorkflowId = workflow.Id,
            CreatedAt = now,
            StageChangedAt = now,
            CreatedByRequest = idempotency.EffectKey,
        };
        project.Indicators.AddRange(request.Indicators.Select(i => new Indicator
        {
            Id = Guid.CreateVersion7(), OrganizationId = org.Id, RegionCode = org.RegionCode, Name = i.Name!.Trim(), Unit = i.Unit?.Trim() ?? "", Target = i.Target,
        }));
        db.Projects.Add(project);
        db.Timeline.Add(Event(project, TimelineKind.Created, null, project.Stage, null, now));
        await db.SaveChangesAsync(ct);
        return project.Id;
    }

    /// <summary>403 when the role may not make the move, 409 with every failed check when a gate blocks.</summary>
    public async Task TransitionAsync(Guid projectId, TransitionRequest request, bool english, CancellationToken ct)
    {
        var comment = request.Comment?.Trim();
        if (comment is not null && TextRules.Check(comment, 2000, multiline: true, allowMarkup: true) is { } problem)
        {
            throw InputValidationException.For("comment", Yilian.SharedKernel.Resources.ValidationMessages.Format(problem, ProjectText.Get("Timeline_Comment"), 2000));
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        var definition = await workflows.DefinitionAsync(project.WorkflowId, ct);
        var transition = definition.From(project.Stage).FirstOrDefault(t => t.To == request.To && definition.Stage(project.Stage)?.Terminal != true);
        if (transition is null)
        {
            throw ProjectRules.TransitionNotInWorkflow.BrokenWith(ProjectText.Get("Transition_NotAllowed", StageName(definition, project.Stage, english), StageName(definition, request.To ?? "", english)),
                new { failures = new[] { ProjectText.Get("Transition_NotAllowed", StageName(definition, project.Stage, english), StageName(definition, request.To ?? "", english)) } });
        }

        if (!ProjectPermissions.MayTake(user, transition.Roles))
        {
            throw new ForbiddenException(ProjectText.Get("Transition_RoleMayNot", string.Join("、", transition.Roles.Select(Roles.Label))));
        }

        var documentTypes = await db.Documents.Where(d => d.ProjectId == projectId).Select(d => d.DocumentType).Distinct().ToListAsync(ct);
        var withoutActual = await db.Indicators.CountAsync(i => i.ProjectId == projectId && i.Actual == null, ct);
        var budget = transition.Checks.Any(c => c.Kind == CheckKind.BudgetApproved) ? await budgets.ForProjectAsync(projectId, ct) : null;
        var facts = new GateChecks.Facts(ChinaTime.Today(clock), project.PeriodStart, project.PeriodEnd, documentTypes.ToHashSet(), withoutActual, comment,
            budget?.Approved == true, budget?.LatestStatus);
        var failures = GateChecks.Failures(transition, facts, english);
        if (failures.Count > 0)
        {
            throw ProjectRules.GateChecksFailed.BrokenWith(string.Join("；", failures), new { failures });
        }

        var from = project.Stage;
        project.Stage = transition.To;
        project.StageChangedAt = clock.GetUtcNow();
        db.Timeline.Add(Event(project, TimelineKind.StageChanged, from, transition.To, comment, project.StageChangedAt));
        await db.SaveChangesAsync(ct);
    }

    public async Task CommentAsync(Guid projectId, CommentRequest request, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw InputValidationException.For("text", Yilian.SharedKernel.Resources.ValidationMessages.Format("Required", ProjectText.Get("Timeline_Comment")));
        }

        if (TextRules.Check(text, 2000, multiline: true, allowMarkup: true) is { } problem)
        {
            throw InputValidationException.For("text", Yilian.SharedKernel.Resources.ValidationMessages.Format(problem, ProjectText.Get("Timeline_Comment"), 2000));
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        db.Timeline.Add(Event(project, TimelineKind.Comment, null, null, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetActualAsync(Guid projectId, Guid indicatorId, IndicatorActualRequest request, CancellationToken ct)
    {
        if (request.Actual is not { } actual || actual < 0 || actual > 1_000_000_000)
        {
            throw InputValidationException.For("actual", Yilian.SharedKernel.Resources.ValidationMessages.Format("Range", ProjectText.Get("Indicator_Actual"), 0, 1_000_000_000));
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId && i.ProjectId == projectId, ct) ?? throw new NotFoundException("Indicator", indicatorId);
        indicator.Actual = actual;
        db.Timeline.Add(Event(project, TimelineKind.IndicatorUpdated, null, null,
            $"{indicator.Name}: {actual.ToString(CultureInfo.InvariantCulture)} / {indicator.Target.ToString(CultureInfo.InvariantCulture)} {indicator.Unit}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    internal TimelineEvent Event(Project project, TimelineKind kind, string? from, string? to, string? text, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = project.Id,
        OrganizationId = project.OrganizationId,
        RegionCode = project.RegionCode,
        Kind = kind,
        FromStage = from,
        ToStage = to,
        Text = text,
        Actor = user.UserId ?? "system",
        ActorName = user.UserName ?? "system",
        OccurredAt = at,
    };

    internal static string StageName(WorkflowDefinition definition, string code, bool english) =>
        definition.Stage(code) is { } s ? (english ? s.NameEn : s.NameZh) : code;
}
