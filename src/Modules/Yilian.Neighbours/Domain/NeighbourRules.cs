using Yilian.Neighbours.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Neighbours.Domain;

/// <summary>The rules of neighbour help, each once, with its message and whether it clashes with the current state (409) or
/// is refused (422); the name is the API answer's <c>rule</c>.</summary>
public static class NeighbourRules
{
    public static readonly BusinessRule NotOwnPost = Refusal(nameof(NotOwnPost), "Help_NotOwnPost");

    public static readonly BusinessRule PostNotOpen = Conflict(nameof(PostNotOpen), "Help_PostNotOpen");

    public static readonly BusinessRule AlreadyAnswered = Conflict(nameof(AlreadyAnswered), "Help_AlreadyAnswered");

    public static readonly BusinessRule NotMatched = Conflict(nameof(NotMatched), "Help_NotMatched");

    public static readonly BusinessRule AlreadyClosed = Conflict(nameof(AlreadyClosed), "Help_AlreadyClosed");

    public static readonly BusinessRule AlreadyReported = Conflict(nameof(AlreadyReported), "Help_AlreadyReported");

    public static readonly BusinessRule ReportDecided = Conflict(nameof(ReportDecided), "Help_ReportDecided");

    public static readonly BusinessRule ChangedMeanwhile = Conflict(nameof(ChangedMeanwhile), "Help_ChangedMeanwhile");

    private static BusinessRule Conflict(string name, string messageKey) =>
        new(name, args => NeighbourText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) =>
        new(name, args => NeighbourText.Get(messageKey, args), isConflict: false);
}
