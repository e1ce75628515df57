using System.Globalization;

namespace Yilian.Finance.Domain;

/// <summary>The thresholds of the warning rules (configuration section <c>Finance:Warnings</c>).</summary>
public sealed class WarningOptions
{
    /// <summary>Expenses at or above this need the higher approval; several just below it to one payee look split.</summary>
    public decimal ApprovalLimit { get; set; } = 5_000m;

    /// <summary>"Just below" the limit: within this share of it (0.1: 4,500–4,999.99 for a 5,000 limit).</summary>
    public decimal SplitBand { get; set; } = 0.10m;

    /// <summary>Expenses to one payee within this many days are looked at together.</summary>
    public int SplitDays { get; set; } = 3;

    /// <summary>Robust z-score (0.6745 × distance from the median / MAD) above which a single expense is abnormal.</summary>
    public decimal AbnormalScore { get; set; } = 3.5m;

    /// <summary>How many earlier expenses of a category the organization needs before one can look abnormal.</summary>
    public int AbnormalHistory { get; set; } = 5;
}

internal sealed record BookLine(string Code, string Category, string Name, decimal Amount)
{
    /// <summary>The line's phasing by quarter (<c>2026Q1</c>); empty when not phased.</summary>
    public IReadOnlyDictionary<string, decimal> Quarters { get; init; } = new Dictionary<string, decimal>();
}

internal sealed record BookBudget(
    Guid BudgetId, Guid ProjectId, string ProjectName, DateOnly Start, DateOnly End, IReadOnlyList<BookLine> Lines);

internal sealed record BookExpense(
    Guid Id, Guid BudgetId, Guid ProjectId, string LineCode, string Category, DateOnly Date, decimal Amount, string Payee, bool Counts);

/// <summary>What a rule found: its subject (the warning's key), severity, the expense records behind it, and the figures of its
/// message.</summary>
internal sealed record Finding(
    string Rule, string Key, int Severity, Guid? ProjectId, string ProjectName, IReadOnlyList<Guid> ExpenseIds,
        IReadOnlyDictionary<string, string> Figures);

/// <summary>
/// The warning rules over one organization's books, as pure functions: each finding names the expenses behind it. Counted are
/// submitted (pending), approved and paid expenses, reversals included (they are negative); a draft counts only when it is
/// the one being checked, so its author sees the warning before the approval chain does.
/// </summary>
internal static class WarningDetector
{
    public static IEnumerable<Finding> Detect(
        IReadOnlyList<BookBudget> budgets, IReadOnlyList<BookExpense> expenses, WarningOptions options, Guid? drafting = null)
    {
        var counted = expenses.Where(e => e.Counts || e.Id == drafting).ToList();
        var byBudget = budgets.ToDictionary(b => b.BudgetId);
        foreach (var budget in budgets)
        {
            var mine = counted.Where(e => e.BudgetId == budget.BudgetId).ToList();
            foreach (var line in budget.Lines)
            {
                var on = mine.Where(e => e.LineCode == line.Code).ToList();
                var spent = on.Sum(e => e.Amount);
                if (spent > line.Amount)
                {
                    yield return new Finding(WarningRuleNames.OverLine, $"{WarningRuleNames.OverLine}:{budget.BudgetId:N}:{line.Code}", 2,
                        budget.ProjectId, budget.ProjectName, Ids(on), Figures(("line", line.Name), ("budgeted", Money(line.Amount)),
                            ("spent", Money(spent)), ("over", Money(spent - line.Amount))));
                }
                else if (AheadOfPlan(budget, line, on) is { } ahead)
                {
                    yield return ahead;
                }
            }

            var total = budget.Lines.Sum(l => l.Amount);
            var all = mine.Sum(e => e.Amount);
            if (budget.Lines.Count > 0 && all > total)
            {
                yield return new Finding(WarningRuleNames.OverBudget, $"{WarningRuleNames.OverBudget}:{budget.BudgetId:N}", 3,
                    budget.ProjectId, budget.ProjectName, Ids(mine), Figures(("budgeted", Money(total)), ("spent", Money(all)), ("over",
                        Money(all - total))));
            }

            foreach (var outside in mine.Where(e => e.Amount > 0 && (e.Date < budget.Start || e.Date > budget.End)))
            {
                yield return new Finding(WarningRuleNames.OutsidePeriod, $"{WarningRuleNames.OutsidePeriod}:{outside.Id:N}", 1,
                    budget.ProjectId, budget.ProjectName, [outside.Id], Figures(("date", Day(outside.Date)), ("start", Day(budget.Start)),
                        ("end", Day(budget.End))));
            }
        }

        foreach (var finding in Abnormal(counted, options, byBudget))
        {
            yield return finding;
        }

        foreach (var finding in Split(counted, options, byBudget))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// A phased line spent faster than planned: by the end of some quarter before its last, more has been spent on it than its
    /// quarters so far allow. The first such quarter is the finding (it stays the same as later expenses come in), listing the
    /// expenses dated in it. Over the whole line is <see cref="WarningRuleNames.OverLine"/>'s, not this rule's.
    /// </summary>
    private static Finding? AheadOfPlan(BookBudget budget, BookLine line, List<BookExpense> on)
    {
        if (line.Quarters.Count == 0)
        {
            return null;
        }

        var quarters = Quarters.Of(budget.Start, budget.End);
        decimal planned = 0;
        foreach (var quarter in quarters.Take(quarters.Count - 1))
        {
            var label = Quarters.Label(quarter);
            var end = Quarters.EndOf(quarter);
            planned += line.Quarters.GetValueOrDefault(label);
            var spent = on.Where(e => e.Date <= end).Sum(e => e.Amount);
            if (spent > planned)
            {
                return new Finding(WarningRuleNames.AheadOfPlan,
                    $"{WarningRuleNames.AheadOfPlan}:{budget.BudgetId:N}:{line.Code}:{label}", 1,
                    budget.ProjectId, budget.ProjectName, Ids(on.Where(e => e.Date >= quarter && e.Date <= end)), Figures(("line",
                        line.Name),
                        ("quarter", label), ("planned", Money(planned)), ("spent", Money(spent)), ("over", Money(spent - planned))));
            }
        }

        return null;
    }

    /// <summary>
    /// A single expense far above what the organization usually spends in its category: robust z = 0.6745 (x − median) / MAD
    /// over the category's other expenses; when the MAD is zero (all alike), anything over three times the median.
    /// </summary>
    private static IEnumerable<Finding> Abnormal(List<BookExpense> counted, WarningOptions options, Dictionary<Guid, BookBudget> budgets)
    {
        foreach (var category in counted.Where(e => e.Amount > 0).GroupBy(e => e.Category))
        {
            var all = category.ToList();
            foreach (var expense in all)
            {
                var others = all.Where(e => e.Id != expense.Id).Select(e => e.Amount).ToList();
                if (others.Count < options.AbnormalHistory)
                {
                    continue;
                }

                var median = Median(others);
                var mad = Median([.. others.Select(a => Math.Abs(a - median))]);
                var score = mad == 0 ? (expense.Amount > 3 * median ? decimal.MaxValue : 0) : 0.6745m * (expense.Amount - median) / mad;
                if (score > options.AbnormalScore)
                {
                    var budget = budgets.GetValueOrDefault(expense.BudgetId);
                    yield return new Finding(WarningRuleNames.Abnormal, $"{WarningRuleNames.Abnormal}:{expense.Id:N}", 2, expense.ProjectId,
                        budget?.ProjectName ?? "", [expense.Id], Figures(("amount", Money(expense.Amount)), ("category", category.Key),
                            ("median", Money(median)), ("count", others.Count.ToString(CultureInfo.InvariantCulture)),
                            ("score", score == decimal.MaxValue ? "∞" : score.ToString("0.0", CultureInfo.InvariantCulture))));
                }
            }
        }
    }

    /// <summary>Two or more expenses to one payee, each just below the approval limit, within a few days, together at or over it.</summary>
    private static IEnumerable<Finding> Split(List<BookExpense> counted, WarningOptions options, Dictionary<Guid, BookBudget> budgets)
    {
        var floor = options.ApprovalLimit * (1 - options.SplitBand);
        foreach (var payee in counted.Where(e => e.Amount >= floor && e.Amount < options.ApprovalLimit).GroupBy(e => e.Payee.Trim()))
        {
            var near = payee.OrderBy(e => e.Date).ToList();
            var start = 0;
            while (start < near.Count)
            {
                // The longest run starting here whose dates fit in the window.
                var end = start;
                while (end + 1 < near.Count && near[end + 1].Date.DayNumber - near[start].Date.DayNumber <= options.SplitDays)
                {
                    end++;
                }

                var run = near[start..(end + 1)];
                if (run.Count >= 2 && run.Sum(e => e.Amount) >= options.ApprovalLimit)
                {
                    var budget = budgets.GetValueOrDefault(run[0].BudgetId);
                    yield return new Finding(WarningRuleNames.Split, $"{WarningRuleNames.Split}:{payee.Key}:{Day(run[0].Date)}", 2,
                        run[0].ProjectId,
                        budget?.ProjectName ?? "", Ids(run), Figures(("payee", payee.Key), ("count",
                            run.Count.ToString(CultureInfo.InvariantCulture)),
                            ("total", Money(run.Sum(e => e.Amount))), ("limit", Money(options.ApprovalLimit)), ("days",
                                options.SplitDays.ToString(CultureInfo.InvariantCulture))));
                    start = end + 1;
                }
                else
                {
                    start++;
                }
            }
        }
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<Guid> Ids(IEnumerable<BookExpense> expenses) => [.. expenses.Select(e => e.Id)];

    private static Dictionary<string, string> Figures(params (string Key, string Value)[] figures) => figures.ToDictionary(f => f.Key,
        f => f.Value);

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
