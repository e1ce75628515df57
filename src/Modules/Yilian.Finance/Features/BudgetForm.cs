using Microsoft.AspNetCore.Http;

using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Finance.Features;

/// <summary>The budget page's form: rows <c>category_i</c>, <c>name_i</c>, <c>amount_i</c>, <c>code_i</c> and one
/// <c>q_i_2026Q1</c> per quarter; empty rows are left out.</summary>
internal static class BudgetForm
{
    public const int MaxRows = 100;

    /// <param name="rows">Filled with the page row each line of the draft came from (messages name the row), also when reading
    /// fails.</param>
    public static BudgetDraft Read(IFormCollection form, Guid? project, List<int> rows)
    {
        var lines = new List<BudgetLineInput>();
        for (var i = 0; i < MaxRows && form.ContainsKey($"name_{i}"); i++)
        {
            var prefix = $"q_{i}_";
            var typed = form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)
                && !string.IsNullOrWhiteSpace(form[k])).ToList();
            if (string.IsNullOrWhiteSpace(form[$"name_{i}"]) && string.IsNullOrWhiteSpace(form[$"amount_{i}"]) && typed.Count == 0)
            {
                continue;
            }

            rows.Add(i);
            var quarters = typed.ToDictionary(k => k[prefix.Length..], k => MoneyInput.Parse($"lines[{lines.Count}].quarters", form[k]));
            lines.Add(new BudgetLineInput(form[$"code_{i}"], form[$"category_{i}"], form[$"name_{i}"],
                MoneyInput.Parse($"lines[{lines.Count}].amount", form[$"amount_{i}"]), quarters));
        }

        DateOnly? Date(string key) => DateOnly.TryParse(form[key], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        return new BudgetDraft(project, Date("periodStart"), Date("periodEnd"), form["reason"], lines);
    }

    /// <summary>Each message on its line, a budget line's prefixed with the page row it came from (<c>lines[2].amount</c> of a line
    /// typed in the fourth row → 第 4 行).</summary>
    public static string Messages(Exception e, IReadOnlyList<int> rows) => e is InputValidationException v
        ? string.Join("\n", v.Errors.SelectMany(x => x.Value.Select(m => Line(x.Key) is { } line && line < rows.Count
            ? FinanceText.Get("Budget_Row", rows[line] + 1, m) : m)))
        : ErrorText.Of(e);

    private static int? Line(string field) =>
        field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 6 and var end
            && int.TryParse(field.AsSpan(6, end - 6), out var i) ? i : null;
}
