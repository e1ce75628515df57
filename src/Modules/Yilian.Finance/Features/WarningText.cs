using System.Globalization;
using System.Text.Json;

using Yilian.Finance.Domain;
using Yilian.Finance.Resources;

namespace Yilian.Finance.Features;

/// <summary>A warning's rule name and message in the reader's language, written from the figures it stored.</summary>
internal static class WarningText
{
    public static string RuleName(string rule) => FinanceText.Get("Rule_" + rule);

    public static string Message(string rule, IReadOnlyDictionary<string, string> f)
    {
        string F(string key) => f.GetValueOrDefault(key) ?? "";
        return rule switch
        {
            WarningRuleNames.OverLine => FinanceText.Get("Warning_OverLine", F("line"), F("budgeted"), F("spent"), F("over")),
            WarningRuleNames.OverBudget => FinanceText.Get("Warning_OverBudget", F("budgeted"), F("spent"), F("over")),
            WarningRuleNames.OutsidePeriod => FinanceText.Get("Warning_OutsidePeriod", F("date"), F("start"), F("end")),
            WarningRuleNames.Abnormal => FinanceText.Get("Warning_Abnormal", F("amount"), Budgets.CategoryName(F("category")),
                F("median"), F("count"), F("score")),
            WarningRuleNames.Split => FinanceText.Get("Warning_Split", F("payee"), F("count"), F("days"), F("total"), F("limit")),
            WarningRuleNames.DuplicateReceipt => FinanceText.Get(
                (F("kind") == "file" ? "Warning_DuplicateFile" : "Warning_DuplicateInvoice") + (F("elsewhere") == "0" ? "Own" : ""),
                F("count"), F("elsewhere"), F("invoice")),
            _ => rule,
        };
    }

    public static WarningBrief Brief(FinanceWarning w)
    {
        var figures = JsonSerializer.Deserialize<Dictionary<string, string>>(w.Figures) ?? [];
        return new WarningBrief(w.Id, w.Rule, RuleName(w.Rule), w.Severity, Message(w.Rule, figures), w.Status.ToString(),
            StatusName(w.Status),
            [.. w.Expenses.Select(e => e.ExpenseId)]);
    }

    public static string StatusName(WarningStatus status) => FinanceText.Get("WarningStatus_" + status);

    public static string SeverityName(int severity) => FinanceText.Get("Severity_" + severity.ToString(CultureInfo.InvariantCulture));
}
