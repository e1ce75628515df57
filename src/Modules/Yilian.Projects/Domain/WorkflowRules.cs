using System.Globalization;

using Yilian.Platform.Contracts;
namespace Yilian.Projects.Domain;

/// <summary>Checks a workflow definition before it is published; every problem is named.</summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<string> Problems(WorkflowDefinition w)
    {
        var problems = new List<string>();
        var codes = w.Stages.Select(s => s.Code).ToList();
        foreach (var dup in codes.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            problems.Add($"stage '{dup.Key}' is defined twice");
        }

        if (!codes.Contains(w.InitialStage))
        {
            problems.Add($"initial stage '{w.InitialStage}' is not a stage");
        }

        if (!w.Stages.Any(s => s.Final))
        {
            problems.Add("no stage is marked final (结项)");
        }

        foreach (var t in w.Transitions)
        {
            if (t.From != "*" && !codes.Contains(t.From))
            {
                problems.Add($"transition from unknown stage '{t.From}'");
            }

            if (!codes.Contains(t.To))
            {
                problems.Add($"transition to unknown stage '{t.To}'");
            }

            if (t.From != "*" && w.Stage(t.From)?.Terminal == true)
            {
                problems.Add($"transition leaves terminal stage '{t.From}'");
            }

            if (t.Roles.Count == 0 || t.Roles.Any(r => !Roles.All.Contains(r)))
            {
                problems.Add($"transition {t.From} → {t.To} needs one or more known roles ({string.Join(", ", Roles.All)})");
            }

            foreach (var c in t.Checks.Where(c => c.Kind == CheckKind.Documents))
            {
                if (c.DocumentTypes.Count == 0 || c.DocumentTypes.Any(d => !DocumentTypes.All.ContainsKey(d)))
                {
                    problems.Add($"transition {t.From} → {t.To}: document check needs known document types ({string.Join(", ", DocumentTypes.All.Keys)})");
                }
            }
        }

        foreach (var dup in w.EvaluationRubric.GroupBy(r => r.Code).Where(g => g.Count() > 1))
        {
            problems.Add($"rubric item '{dup.Key}' is defined twice");
        }

        foreach (var item in w.EvaluationRubric.Where(r => r.MaxScore is <= 0 or > 1000))
        {
            problems.Add($"rubric item '{item.Code}' needs a maximum score between 1 and 1000");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // Every stage must be reachable from the initial stage…
        var reachable = Reach(w, [w.InitialStage], forward: true);
        foreach (var s in codes.Where(c => !reachable.Contains(c)))
        {
            problems.Add($"stage '{s}' cannot be reached from '{w.InitialStage}'");
        }

        // …and from every non-terminal stage a final stage must stay reachable (no loop that never closes).
        var finals = w.Stages.Where(s => s.Final).Select(s => s.Code).ToList();
        var canClose = Reach(w, finals, forward: false);
        foreach (var s in w.Stages.Where(s => !s.Terminal && !canClose.Contains(s.Code)))
        {
            problems.Add($"from stage '{s.Code}' the project can never be closed");
        }

        foreach (var s in w.Stages.Where(s => !s.Terminal && !w.From(s.Code).Any()))
        {
            problems.Add($"stage '{s.Code}' is not terminal but has no way out");
        }

        return problems;
    }

    private static HashSet<string> Reach(WorkflowDefinition w, IEnumerable<string> start, bool forward)
    {
        var edges = w.Transitions.SelectMany(t => t.From == "*"
            ? w.Stages.Where(s => !s.Terminal).Select(s => (From: s.Code, t.To))
            : [(t.From, t.To)]).ToList();
        var seen = new HashSet<string>(start);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var next in edges.Where(e => (forward ? e.From : e.To) == stage).Select(e => forward ? e.To : e.From))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }
}

/// <summary>Evaluates a transition's checks against a project; returns one message per failed check.</summary>
public static class GateChecks
{
    /// <param name="BudgetStatus">The latest budget version's status (Draft, Submitted, Rejected…), null when there is no budget.</param>
    public sealed record Facts(DateOnly Today, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlySet<string> DocumentTypes,
        int IndicatorsWithoutActual, string? Comment,
        bool BudgetApproved = false, string? BudgetStatus = null);

    public static IReadOnlyList<string> Failures(TransitionDefinition transition, Facts facts, bool english)
    {
        var failures = new List<string>();
        foreach (var check in transition.Checks)
        {
            switch (check.Kind)
            {
                case CheckKind.Documents:
                    foreach (var missing in check.DocumentTypes.Where(d => !facts.DocumentTypes.Contains(d)))
                    {
                        var label = DocumentTypes.All.TryGetValue(missing, out var l) ? (english ? l.En : l.Zh) : missing;
                        failures.Add(english ? $"Required document missing: {label}" : $"缺少必需的材料：{label}");
                    }

                    break;
                case CheckKind.IndicatorsHaveActuals when facts.IndicatorsWithoutActual > 0:
                    failures.Add(english ? $"{facts.IndicatorsWithoutActual} indicator(s) have no actual value yet"
                        : $"还有 {facts.IndicatorsWithoutActual} 项指标未填写实际完成值");
                    break;
                case CheckKind.NotBefore:
                    var anchor = check.Anchor switch
                    {
                        DateAnchor.Start => facts.PeriodStart,
                        DateAnchor.End => facts.PeriodEnd,
                        _ => facts.PeriodStart.AddDays((facts.PeriodEnd.DayNumber - facts.PeriodStart.DayNumber) / 2),
                    };
                    var notBefore = anchor.AddDays(check.OffsetDays);
                    if (facts.Today < notBefore)
                    {
                        var date = notBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        failures.Add(english ? $"Not before {date}" : $"须在 {date} 之后才能进行此操作");
                    }

                    break;
                case CheckKind.Comment when string.IsNullOrWhiteSpace(facts.Comment):
                    failures.Add(english ? "A comment explaining the decision is required" : "请填写审核意见");
                    break;
                case CheckKind.BudgetApproved when !facts.BudgetApproved:
                    failures.Add(facts.BudgetStatus switch
                    {
                        null => english ? "The project has no budget yet: the organization drafts and submits one"
                            : "项目尚未编制预算：请机构编制并提交项目预算",
                        "Submitted" => english ? "The project's budget awaits approval (open it from Budget on this page)"
                            : "项目预算待审批：请先在本页“项目预算”中审批",
                        "Rejected" => english ? "The project's budget was sent back: the organization revises and resubmits it"
                            : "项目预算已退回：请机构修改后重新提交",
                        _ => english ? "The project's budget has not been submitted for approval" : "项目预算尚未提交审批",
                    });
                    break;
                default:
                    break;
            }
        }

        return failures;
    }
}
