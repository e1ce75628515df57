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
            WarningRuleNames.AheadOfPlan => FinanceText.Get("Warning_AheadOfPlan", F("line"), F("quarter"), F("planned"), F("spent"),
                F("over")),
            WarningRuleNames.OverBudget => FinanceText.Get("Warning_OverBudget", F("budgeted"), F("spent"), F("over")),
            WarningRuleNames.OutsidePeriod => FinanceText.Get("Warning_OutsidePeriod", F("date"), F("start"), F("end")),
            WarningRuleNames.Abnormal => FinanceText.Get("Warning_Abnormal", F("amount"), Budgets.CategoryName(F("category")),
                F("median"), F("count"), F("score")),
            WarningRuleNames.Split => FinanceText.Get("Warning_Split", F("payee"), F("count"), F("days"), F("total"), F("limit")),
            WarningRuleNames.DuplicateReceipt => FinanceText.Get(
                (F("kind") == "file" ? "Warning_DuplicateFile" : "Warning_DuplicateInvoice") + (F("elsewhere") == "0" ? "Own" : ""),
                F("count"), F("elsewhere"), F("invoice")),
            SpendingRatios.Spending => FinanceText.Get("Warning_SpendingRatio", F("year"), F("spent"), F("required"),
                FinanceText.Get("RatioBasis_" + F("basis")), F("rate"), F("prior"), F("average"), F("short")) + Basis(f),
            SpendingRatios.Management => FinanceText.Get(F("exempt") == "yes" ? "Warning_ManagementExempt" : "Warning_ManagementRatio",
                F("year"), F("cost"), F("total"), F("ratio"), F("max"), F("exemptBelow")) + Basis(f),
            _ => rule,
        };
    }

    /// <summary>Where a ratio comes from, and whether its figures have been checked against the published text.</summary>
    private static string Basis(IReadOnlyDictionary<string, string> f) =>
        FinanceText.Get(f.GetValueOrDefault("verified") == "yes" ? "Ratio_Basis" : "Ratio_BasisIllustrative",
            f.GetValueOrDefault("source"));

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
