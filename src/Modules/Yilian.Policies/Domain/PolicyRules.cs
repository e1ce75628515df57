using Yilian.SharedKernel.Errors;
using Yilian.Policies.Resources;

namespace Yilian.Policies.Domain;

/// <summary>
/// The named rules of Policies, each once, with the message it answers (PolicyText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class PolicyRules
{
    public static readonly BusinessRule PolicyVersionTaken = Conflict(nameof(PolicyVersionTaken), "Publish_VersionTaken");
    public static readonly BusinessRule CandidateClosed = Conflict(nameof(CandidateClosed), "Casework_Closed");
    public static readonly BusinessRule CandidateClaimed = Conflict(nameof(CandidateClaimed), "Casework_ClaimedBy");
    public static readonly BusinessRule PolicyInUse = Conflict(nameof(PolicyInUse), "Retire_InUse");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => PolicyText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => PolicyText.Get(messageKey, args), isConflict: false);
}
