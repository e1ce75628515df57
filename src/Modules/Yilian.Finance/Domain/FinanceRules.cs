using Yilian.Finance.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Finance.Domain;

/// <summary>
/// The named rules of Finance, each once, with the message it answers (FinanceText) and whether it is a clash with the current
/// state (409) or a refusal (422); the name is the <c>rule</c> member of the API's answer (docs/modules.md).
/// </summary>
public static class FinanceRules
{
    public static readonly BusinessRule BudgetExists = Conflict(nameof(BudgetExists), "Budget_Exists");
    public static readonly BusinessRule BudgetRevisionPending = Conflict(nameof(BudgetRevisionPending), "Budget_RevisionPending");
    public static readonly BusinessRule BudgetNotAwaiting = Conflict(nameof(BudgetNotAwaiting), "Budget_NotAwaiting");
    public static readonly BusinessRule ExpenseStep = Conflict(nameof(ExpenseStep), "Expense_WrongStep");
    public static readonly BusinessRule PaidExpenseFixed = Conflict(nameof(PaidExpenseFixed), "Expense_PaidIsFixed");
    public static readonly BusinessRule ExpenseInClosedPeriod = Refusal(nameof(ExpenseInClosedPeriod), "Expense_ClosedPeriod");
    public static readonly BusinessRule WarningStep = Conflict(nameof(WarningStep), "Warning_WrongStep");
    public static readonly BusinessRule CampaignClosed = Refusal(nameof(CampaignClosed), "Donation_CampaignClosed");
    public static readonly BusinessRule TransactionAmountDiffers = Conflict(nameof(TransactionAmountDiffers), "Donation_AmountDiffers");
    public static readonly BusinessRule TransactionRecorded = Conflict(nameof(TransactionRecorded), "Donation_TransactionRecorded");
    public static readonly BusinessRule PaymentAmountMismatch = Refusal(nameof(PaymentAmountMismatch), "Donation_PaymentMismatch");
    public static readonly BusinessRule PaymentNotVerified = Refusal(nameof(PaymentNotVerified), "Donation_NotVerified");
    public static readonly BusinessRule DonationNotAwaitingCount = Conflict(nameof(DonationNotAwaitingCount), "Donation_NotAwaitingCount");
    public static readonly BusinessRule SecondCounterSame = Refusal(nameof(SecondCounterSame), "Donation_SecondCounterSame");
    public static readonly BusinessRule DonationNotRefundable = Conflict(nameof(DonationNotRefundable), "Donation_NotRefundable");
    public static readonly BusinessRule RefundBeyondAvailable = Conflict(nameof(RefundBeyondAvailable), "Donation_RefundBeyond");
    public static readonly BusinessRule DonationsInsufficient = Conflict(nameof(DonationsInsufficient), "Donation_Insufficient");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => FinanceText.Get(messageKey, args),
        isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => FinanceText.Get(messageKey, args),
        isConflict: false);
}
