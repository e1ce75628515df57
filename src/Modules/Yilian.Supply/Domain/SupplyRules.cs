using Yilian.SharedKernel.Errors;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Domain;

/// <summary>
/// The named rules of Supply, each once, with the message it answers (SupplyText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class SupplyRules
{
    public static readonly BusinessRule NeedNotOpen = Conflict(nameof(NeedNotOpen), "Need_NotOpen");
    public static readonly BusinessRule NeedOutsideScope = Refusal(nameof(NeedOutsideScope), "Need_OutsideScope");
    public static readonly BusinessRule ServiceProjectWithdrawn = Conflict(nameof(ServiceProjectWithdrawn), "ServiceProject_Withdrawn");
    public static readonly BusinessRule NotYetMet = Conflict(nameof(NotYetMet), "Evaluation_NotYetMet");
    public static readonly BusinessRule AlreadyRated = Conflict(nameof(AlreadyRated), "Evaluation_AlreadyRated");
    public static readonly BusinessRule OfferWithdrawn = Conflict(nameof(OfferWithdrawn), "Resource_Withdrawn");
    public static readonly BusinessRule AlreadyProcured = Conflict(nameof(AlreadyProcured), "Procurement_Already");
    public static readonly BusinessRule ProposalsClosed = Conflict(nameof(ProposalsClosed), "Proposal_Closed");
    public static readonly BusinessRule AlreadyProposed = Conflict(nameof(AlreadyProposed), "Proposal_Already");
    public static readonly BusinessRule ProposalsSealed = Conflict(nameof(ProposalsSealed), "Proposal_Sealed");
    public static readonly BusinessRule ReviewNotClosed = Conflict(nameof(ReviewNotClosed), "Award_ReviewOpen");
    public static readonly BusinessRule NotContracted = Conflict(nameof(NotContracted), "Procurement_NotContracted");
    public static readonly BusinessRule MilestonesOutstanding = Conflict(nameof(MilestonesOutstanding),
        "Procurement_MilestonesOutstanding");
    public static readonly BusinessRule NotCancellable = Conflict(nameof(NotCancellable), "Procurement_NotCancellable");
    public static readonly BusinessRule PanelClosed = Conflict(nameof(PanelClosed), "Panel_Closed");
    public static readonly BusinessRule AlreadyJudge = Conflict(nameof(AlreadyJudge), "Panel_AlreadyJudge");
    public static readonly BusinessRule NotAJudge = Refusal(nameof(NotAJudge), "Panel_NotAJudge");
    public static readonly BusinessRule Recused = Refusal(nameof(Recused), "Panel_Recused");
    public static readonly BusinessRule EntriesClosed = Conflict(nameof(EntriesClosed), "Entry_Closed");
    public static readonly BusinessRule AlreadyEntered = Conflict(nameof(AlreadyEntered), "Entry_Already");
    public static readonly BusinessRule EntriesStillOpen = Conflict(nameof(EntriesStillOpen), "Entry_StillOpen");
    public static readonly BusinessRule RoadshowScheduled = Conflict(nameof(RoadshowScheduled), "Roadshow_Already");
    public static readonly BusinessRule NoEligibleEntries = Conflict(nameof(NoEligibleEntries), "Roadshow_NoEntries");
    public static readonly BusinessRule AlreadyAwarded = Conflict(nameof(AlreadyAwarded), "Competition_AlreadyAwarded");
    public static readonly BusinessRule NeedHasCall = Conflict(nameof(NeedHasCall), "Need_HasCall");
    public static readonly BusinessRule MergeIntoItself = Refusal(nameof(MergeIntoItself), "Need_MergeIntoItself");
    public static readonly BusinessRule EvaluatorIsContractor = Refusal(nameof(EvaluatorIsContractor), "Evaluator_IsContractor");
    public static readonly BusinessRule NotTheEvaluator = Refusal(nameof(NotTheEvaluator), "Evaluator_NotYou");
    public static readonly BusinessRule NotDelivered = Conflict(nameof(NotDelivered), "Procurement_NotDelivered");
    public static readonly BusinessRule ScoredMeanwhile = Conflict(nameof(ScoredMeanwhile), "Panel_ScoredMeanwhile");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => SupplyText.Get(messageKey, args),
        isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => SupplyText.Get(messageKey, args),
        isConflict: false);
}
