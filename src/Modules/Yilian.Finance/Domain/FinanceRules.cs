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

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => FinanceText.Get(messageKey, args),
        isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => FinanceText.Get(messageKey, args),
        isConflict: false);
}
