using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Resources;

namespace Yilian.SharedKernel.Validation;

/// <summary>
/// The messages of one form or request, by field, gathered before anything is written and thrown together: the lists' forms
/// all check text and money the same way (the kernel's text rules, named by the field's label). Labels are keys of the module's
/// resources (<paramref name="resources"/>, its <c>Get</c>), which also says <c>Input_BadMoney</c>.
/// </summary>
public sealed class InputProblems(Func<string, object?[], string> resources)
{
    private readonly Dictionary<string, string> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string field, string message) => _problems.TryAdd(field, message);

    /// <summary>Trimmed text, required unless <paramref name="optional"/>, within its length, without markup, control or bidi
    /// characters.</summary>
    public string Text(string field, string label, string? value, int max, bool multiline = false, bool optional = false)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (!optional)
            {
                Add(field, ValidationMessages.Format("Required", resources(label, [])));
            }
        }
        else if (TextRules.Check(text, max, multiline, allowMarkup: false) is { } problem)
        {
            Add(field, ValidationMessages.Format(problem, resources(label, []), max));
        }

        return text;
    }

    /// <summary>An amount of yuan: zero or more, at most two decimals, below a billion.</summary>
    public decimal Money(string field, string label, decimal? value)
    {
        if (value is { } amount && (amount < 0 || amount > 999_999_999.99m || decimal.Round(amount, 2) != amount))
        {
            Add(field, resources("Input_BadMoney", [resources(label, [])]));
            return 0;
        }

        return value ?? 0;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputValidationException(_problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        }
    }
}
