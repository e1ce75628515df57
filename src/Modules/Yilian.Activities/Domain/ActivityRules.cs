using Yilian.Activities.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Activities.Domain;

/// <summary>
/// The named rules of Activities, each once, with the message it answers (ActivityText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class ActivityRules
{
    public static readonly BusinessRule ActivityClosed = Conflict(nameof(ActivityClosed), "Activity_Closed");
    public static readonly BusinessRule NotEnded = Conflict(nameof(NotEnded), "Activity_NotEnded");
    public static readonly BusinessRule NotDraft = Conflict(nameof(NotDraft), "Activity_NotDraft");
    public static readonly BusinessRule ScheduleConflict = Conflict(nameof(ScheduleConflict), "Conflict_Summary");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => ActivityText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => ActivityText.Get(messageKey, args), isConflict: false);
}
