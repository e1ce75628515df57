using Yilian.SharedKernel.Data;

namespace Yilian.Finance.Domain;

internal enum WarningStatus
{
    Open = 1,
    /// <summary>The organization explained it (text and files); the regulator decides.</summary>
    Explained = 2,
    Accepted = 3,
    Escalated = 4,
    Closed = 5,
}

/// <summary>
/// A warning a named rule raised over an organization's books, with the expense records behind it. One per rule and subject
/// (<see cref="Key"/>): re-evaluation updates its records; one that no longer applies while still open closes by itself.
/// </summary>
internal sealed class FinanceWarning : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>The rule's name (<see cref="WarningRuleNames"/>).</summary>
    public string Rule { get; set; } = "";

    /// <summary>What it is about: the rule and its subject (a budget line, a payee, a receipt's hash, an expense).</summary>
    public string Key { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? ProjectId { get; set; }

    public string ProjectName { get; set; } = "";

    /// <summary>1 notice, 2 warning, 3 serious.</summary>
    public int Severity { get; set; }

    /// <summary>The figures the message is written from (JSON: amounts, limits, counts), so it reads in the reader's language.</summary>
    public string Figures { get; set; } = "{}";

    public WarningStatus Status { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Explanation { get; set; }

    public string? ExplainedBy { get; set; }

    public DateTimeOffset? ExplainedAt { get; set; }

    public string? DecisionNote { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public List<WarningExpense> Expenses { get; set; } = [];
}

/// <summary>An expense record behind a warning.</summary>
[Unscoped("A link read through its warning, which is scoped; the expense it names is read through the scoped expenses.")]
internal sealed class WarningExpense
{
    public Guid WarningId { get; set; }

    public Guid ExpenseId { get; set; }
}

internal static class WarningRuleNames
{
    public const string OverLine = "over-budget-line";
    public const string OverBudget = "over-budget";
    public const string AheadOfPlan = "ahead-of-plan";
    public const string Abnormal = "abnormal-expense";
    public const string Split = "split-below-limit";
    public const string DuplicateReceipt = "duplicate-receipt";
    public const string OutsidePeriod = "outside-period";

    public static readonly IReadOnlyList<string> All =
        [OverLine, OverBudget, Abnormal, Split, DuplicateReceipt, OutsidePeriod, SpendingRatios.Spending, SpendingRatios.Management];
}
