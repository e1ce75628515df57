namespace Yilian.SharedKernel.Identifiers;

/// <summary>
/// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over a 31-character
/// alphabet (digits and capitals without I, O, Z, S, V); the last is a check character (MOD 31).
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException("Character outside the GB 32100 alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public static CreditCodeError Validate(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return CreditCodeError.Empty;
        }

        var s = input.Trim().ToUpperInvariant();
        if (s.Length != 18)
        {
            return CreditCodeError.BadLength;
        }

        if (s.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return CreditCodeError.BadCharacters;
        }

        // Characters 3–8 are the registering authority's administrative division code: digits only.
        if (s.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return CreditCodeError.BadCharacters;
        }

        return ComputeCheckCharacter(s.AsSpan(0, 17)) == s[17] ? CreditCodeError.None : CreditCodeError.BadCheckCharacter;
    }

    public static string Normalize(string input) => input.Trim().ToUpperInvariant();
}

public enum CreditCodeError
{
    None,
    Empty,
    BadLength,
    BadCharacters,
    BadCheckCharacter,
}
