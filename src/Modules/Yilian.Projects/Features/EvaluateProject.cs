using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.Projects.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Projects.Features;

public sealed record EvaluationRequest(Dictionary<string, decimal>? Scores, string? Comment);

public sealed record EvaluationDto(string EvaluatorName, IReadOnlyDictionary<string, decimal> Scores, decimal Total, decimal MaxTotal, string? Comment, DateTimeOffset EvaluatedAt);

public sealed record EvaluationSummary(IReadOnlyList<RubricItem> Rubric, IReadOnlyList<EvaluationDto> Evaluations, decimal? AverageTotal, decimal? CommunityRating, bool Open);

/// <summary>Evaluators (platform, regulator, mentors) score a closing project on its workflow's rubric.</summary>
internal sealed class EvaluateProject(ProjectsDbContext db, WorkflowStore workflows, ProjectCommands commands, ICurrentUser user, TimeProvider clock)
{

    public async Task SubmitAsync(Guid projectId, EvaluationRequest request, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        if (!ProjectPermissions.Evaluates(user))
        {
            throw new ForbiddenException(ProjectText.Get("Evaluation_Forbidden"));
        }

        var definition = await workflows.DefinitionAsync(project.WorkflowId, ct);
        if (!definition.CanEvaluateIn(project.Stage))
        {
            throw ProjectRules.EvaluationOnlyAtClosing.Broken();
        }

        var scores = request.Scores ?? [];
        var errors = new Dictionary<string, string[]>();
        foreach (var item in definition.EvaluationRubric)
        {
            if (!scores.TryGetValue(item.Code, out var score) || score < 0 || score > item.MaxScore)
            {
                errors[$"scores.{item.Code}"] = [ProjectText.Get("Evaluation_Score", item.NameZh, item.MaxScore)];
            }
        }

        foreach (var unknown in scores.Keys.Where(k => definition.EvaluationRubric.All(r => r.Code != k)))
        {
            errors[$"scores.{unknown}"] = [ProjectText.Get("Evaluation_Unknown", unknown)];
        }

        var comment = request.Comment?.Trim();
        if (comment is not null && TextRules.Check(comment, 2000, multiline: true, allowMarkup: true) is { } problem)
        {
            errors["comment"] = [Yilian.SharedKernel.Resources.ValidationMessages.Format(problem, ProjectText.Get("Timeline_Comment"), 2000)];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var evaluatorId = user.UserId ?? "system";
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.EvaluatorId == evaluatorId, ct);
        if (evaluation is null)
        {
            evaluation = new Evaluation { Id = Guid.CreateVersion7(), ProjectId = projectId, OrganizationId = project.OrganizationId, RegionCode = project.RegionCode, EvaluatorId = evaluatorId };
            db.Evaluations.Add(evaluation);
        }

        evaluation.EvaluatorName = user.UserName ?? "system";
        evaluation.Scores = JsonSerializer.Serialize(scores);
        evaluation.Total = scores.Values.Sum();
        evaluation.MaxTotal = definition.EvaluationRubric.Sum(r => r.MaxScore);
        evaluation.Comment = comment;
        evaluation.EvaluatedAt = clock.GetUtcNow();
        db.Timeline.Add(commands.Event(project, TimelineKind.Evaluated, null, null, $"{evaluation.Total:0.##} / {evaluation.MaxTotal:0.##}", evaluation.EvaluatedAt));
        await db.SaveChangesAsync(ct);
    }

    public async Task<EvaluationSummary> SummaryAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        var definition = await workflows.DefinitionAsync(project.WorkflowId, ct);
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.EvaluatedAt).ToListAsync(ct);
        var evaluations = rows.Select(e => new EvaluationDto(e.EvaluatorName, JsonSerializer.Deserialize<Dictionary<string, decimal>>(e.Scores)!, e.Total, e.MaxTotal, e.Comment, e.EvaluatedAt)).ToList();
        return new EvaluationSummary(definition.EvaluationRubric, evaluations, evaluations.Count == 0 ? null : Math.Round(evaluations.Average(e => e.Total), 2),
            project.CommunityRating, definition.CanEvaluateIn(project.Stage));
    }
}
