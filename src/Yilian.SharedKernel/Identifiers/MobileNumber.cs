using System.Text.RegularExpressions;

namespace Yilian.SharedKernel.Identifiers;

/// <summary>Mainland China mobile numbers: 11 digits starting 13–19, optionally written with +86 or 86.</summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^(?:\+?86)?(1[3-9]\d{9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = input.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var match = Pattern().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        normalized = match.Groups[1].Value;
        return true;
    }

    public static string Mask(string? number) =>
        number is { Length: 11 } ? string.Concat(number.AsSpan(0, 3), "****", number.AsSpan(7)) : "****";
}
