using System.Text.Json;
using System.Text.Json.Serialization;

namespace Yilian.Projects.Domain;

/// <summary>
/// A project workflow as data: stages, the transitions between them, who may make each, and the checks
/// that must pass first. Platform operators edit it as JSON; each published version is kept, and a
/// project stays on the version it started with.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string InitialStage { get; init; }

    public required IReadOnlyList<StageDefinition> Stages { get; init; }

    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }

    /// <summary>What evaluators score at closing, each item out of its maximum.</summary>
    public IReadOnlyList<RubricItem> EvaluationRubric { get; init; } = [];

    /// <summary>Evaluations are taken in a final stage or in a stage that can move straight to one.</summary>
    public bool CanEvaluateIn(string stage) =>
        Stage(stage)?.Final == true || Transitions.Any(t => t.From == stage && Stage(t.To)?.Final == true);

    public StageDefinition? Stage(string code) => Stages.FirstOrDefault(s => s.Code == code);

    public IEnumerable<TransitionDefinition> From(string stage) => Transitions.Where(t => t.From == stage || t.From == "*");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record RubricItem
{
    public required string Code { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    public required int MaxScore { get; init; }
}

public sealed record StageDefinition
{
    public required string Code { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>Closed and terminated: nothing leaves a terminal stage.</summary>
    public bool Terminal { get; init; }

    /// <summary>The stage a project is meant to end in (结项); every other stage must be able to reach one.</summary>
    public bool Final { get; init; }
}

public sealed record TransitionDefinition
{
    /// <summary>A stage code, or <c>*</c> for every non-terminal stage (termination).</summary>
    public required string From { get; init; }

    public required string To { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public IReadOnlyList<CheckDefinition> Checks { get; init; } = [];
}

public enum CheckKind
{
    /// <summary>Every listed document type has been uploaded.</summary>
    Documents,

    /// <summary>Every indicator has an actual value.</summary>
    IndicatorsHaveActuals,

    /// <summary>Not before a date derived from the project period: start, midpoint or end, plus offset days.</summary>
    NotBefore,

    /// <summary>A comment explaining the decision is required.</summary>
    Comment,

    /// <summary>The project's budget has an approved version (kept by Finance; a revision awaiting decision does not block).</summary>
    BudgetApproved,
}

public enum DateAnchor
{
    Start,
    Midpoint,
    End,
}

public sealed record CheckDefinition
{
    public required CheckKind Kind { get; init; }

    public IReadOnlyList<string> DocumentTypes { get; init; } = [];

    public DateAnchor Anchor { get; init; }

    public int OffsetDays { get; init; }
}

/// <summary>Document types a workflow may require, with their labels.</summary>
public static class DocumentTypes
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> All = new Dictionary<string, (string, string)>
    {
        ["application"] = ("项目申报书", "Application"),
        ["plan"] = ("实施方案", "Implementation plan"),
        ["contract"] = ("项目合同", "Contract"),
        ["midterm-report"] = ("中期报告", "Mid-term report"),
        ["closing-report"] = ("结项报告", "Closing report"),
        ["financial-statement"] = ("财务报表", "Financial statement"),
        ["evaluation-report"] = ("评估报告", "Evaluation report"),
        ["other"] = ("其他材料", "Other"),
    };
}
