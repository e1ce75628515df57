using Yilian.SharedKernel.Errors;
using Yilian.Platform.Resources;

namespace Yilian.Platform.Domain;

/// <summary>
/// The named rules of Platform, each once, with the message it answers (PlatformText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class PlatformRules
{
    public static readonly BusinessRule IdempotentRequestInProgress = Conflict(nameof(IdempotentRequestInProgress), "Idempotency_InProgress");
    public static readonly BusinessRule IdempotencyKeyReused = Refusal(nameof(IdempotencyKeyReused), "Idempotency_Reused");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => PlatformText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => PlatformText.Get(messageKey, args), isConflict: false);
}
