using System.Globalization;

namespace Yilian.SharedKernel.Identifiers;

/// <summary>
/// Resident identity card number (公民身份号码) as defined by GB 11643-1999:
/// 6-digit region, 8-digit birth date, 3-digit sequence, 1 check character (ISO 7064 MOD 11-2).
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (c is < '0' or > '9')
            {
                throw new ArgumentException("Expected digits only.", nameof(first17));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Validates a number and returns its canonical 18-character form (15-digit legacy numbers are converted).</summary>
    public static IdNumberResult Parse(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdNumberResult.Fail(IdNumberError.Empty);
        }

        var s = input.Trim().ToUpperInvariant();
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit))
            {
                return IdNumberResult.Fail(IdNumberError.BadCharacters);
            }

            // Legacy numbers (before 1999) carry a 2-digit year in the 20th century and no check character.
            var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6, 9));
            s = first17 + ComputeCheckCharacter(first17);
            var legacy = Parse(s, today);
            return legacy;
        }

        if (s.Length != 18)
        {
            return IdNumberResult.Fail(IdNumberError.BadLength);
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return IdNumberResult.Fail(IdNumberError.BadCharacters);
            }
        }

        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X')
        {
            return IdNumberResult.Fail(IdNumberError.BadCharacters);
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1880)
        {
            return IdNumberResult.Fail(IdNumberError.BadBirthDate);
        }

        if (birth > today)
        {
            return IdNumberResult.Fail(IdNumberError.BirthDateInFuture);
        }

        if (ComputeCheckCharacter(s.AsSpan(0, 17)) != s[17])
        {
            return IdNumberResult.Fail(IdNumberError.BadCheckCharacter);
        }

        return new IdNumberResult(s, birth, IdNumberError.None);
    }

    /// <summary>Masks all but the first 3 and last 4 characters: 320***********1234.</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number) || number.Length < 8)
        {
            return "****";
        }

        return string.Concat(number.AsSpan(0, 3), new string('*', number.Length - 7), number.AsSpan(number.Length - 4));
    }
}

public enum IdNumberError
{
    None,
    Empty,
    BadLength,
    BadCharacters,
    BadBirthDate,
    BirthDateInFuture,
    BadCheckCharacter,
}

public sealed record IdNumberResult(string? Value, DateOnly? BirthDate, IdNumberError Error)
{
    public bool IsValid => Error == IdNumberError.None;

    public static IdNumberResult Fail(IdNumberError error) => new(null, null, error);
}
