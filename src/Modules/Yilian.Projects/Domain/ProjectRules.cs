using Yilian.Projects.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Projects.Domain;

/// <summary>
/// The named rules of Projects, each once, with the message it answers (ProjectText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class ProjectRules
{
    public static readonly BusinessRule EvaluationOnlyAtClosing = Conflict(nameof(EvaluationOnlyAtClosing), "Evaluation_NotYet");
    public static readonly BusinessRule TransitionNotInWorkflow = Conflict(nameof(TransitionNotInWorkflow), "Transition_NotAllowed");
    public static readonly BusinessRule GateChecksFailed = Conflict(nameof(GateChecksFailed), "Transition_Blocked");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => ProjectText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => ProjectText.Get(messageKey, args), isConflict: false);
}
