using Yilian.Finance.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Finance.Domain;

/// <summary>Amounts as users type them: positive, at most two decimals, under a billion yuan.</summary>
internal static class MoneyInput
{
    public const decimal Max = 999_999_999.99m;

    public static decimal Check(string field, decimal? amount)
    {
        if (amount is not { } value)
        {
            throw InputValidationException.For(field, FinanceText.Get("Money_Required"));
        }

        if (value <= 0 || value > Max)
        {
            throw InputValidationException.For(field, FinanceText.Get("Money_OutOfRange"));
        }

        if (decimal.Round(value, 2) != value)
        {
            throw InputValidationException.For(field, FinanceText.Get("Money_TwoDecimals"));
        }

        return value;
    }

    /// <summary>An amount as a form sends it: empty is none; anything else must be a number (<see cref="Check"/> judges its
    /// range).</summary>
    public static decimal? Parse(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value
        : throw InputValidationException.For(field, FinanceText.Get("Money_NotANumber"));

    public static string Text(string field, string? value, int max, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
        {
            throw InputValidationException.For(field, FinanceText.Get("Text_Required"));
        }

        if (text.Length > max)
        {
            throw InputValidationException.For(field, FinanceText.Get("Text_TooLong", max));
        }

        if (text.IndexOfAny(['<', '>']) >= 0)
        {
            throw InputValidationException.For(field, FinanceText.Get("Text_NoAngleBrackets"));
        }

        return text;
    }
}
