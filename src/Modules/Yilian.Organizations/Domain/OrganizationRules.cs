using Yilian.Organizations.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Organizations.Domain;

/// <summary>
/// The named rules of Organizations, each once, with the message it answers (OrgText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class OrganizationRules
{
    public static readonly BusinessRule AlreadyIncubated = Conflict(nameof(AlreadyIncubated), "Incubation_Already");
    public static readonly BusinessRule AlreadyGraduated = Conflict(nameof(AlreadyGraduated), "Incubation_Graduated");
    public static readonly BusinessRule ChangeAlreadyReviewed = Conflict(nameof(ChangeAlreadyReviewed), "Review_AlreadyDone");
    public static readonly BusinessRule FundraisingNeedsCharityStatus = Refusal(nameof(FundraisingNeedsCharityStatus), "Fundraising_NeedsCharity");
    public static readonly BusinessRule CreditCodeMustBeUnique = Conflict(nameof(CreditCodeMustBeUnique), "DuplicateCreditCodeHidden");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => OrgText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => OrgText.Get(messageKey, args), isConflict: false);
}
