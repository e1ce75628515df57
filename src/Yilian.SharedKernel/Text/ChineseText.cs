using System.Globalization;
using System.Text;

namespace Yilian.SharedKernel.Text;

/// <summary>
/// Chinese text as search compares it: one character for one character (so a match's place in the normalized text is its place
/// in the original, and highlights land on the right characters) — full-width forms as half-width, the ideographic space as a
/// space, traditional characters as simplified (Unihan's simplified variant), Latin letters in lower case.
/// </summary>
public static class ChineseText
{
    /// <summary>The text normalized character by character; the result has the same length.</summary>
    public static string Normalize(string text, PinyinTable? table = null)
    {
        table ??= PinyinTable.Default;
        return string.Create(text.Length, (text, table), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Fold(state.text[i], state.table);
            }
        });
    }

    /// <summary>A CJK unified ideograph (the basic block, extension A, or a compatibility ideograph).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>A query as typed, cleaned: control and direction characters dropped, tone marks taken off Latin letters
    /// (yǎng → yang), tone digits after a syllable dropped (yang3 → yang), spaces collapsed, then normalized.</summary>
    public static string CleanQuery(string query, PinyinTable? table = null)
    {
        var kept = new StringBuilder(query.Length);
        foreach (var c in query.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            if (category == UnicodeCategory.NonSpacingMark)
            {
                // ü is u with a diaeresis: written v, as pinyin input methods do.
                if (c == '\u0308' && kept.Length > 0 && kept[^1] is 'u' or 'U')
                {
                    kept[^1] = 'v';
                }

                continue;
            }

            if (c is >= '1' and <= '5' && kept.Length > 0 && char.IsAsciiLetter(kept[^1]))
            {
                continue;
            }

            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var normalized = Normalize(kept.ToString().Normalize(NormalizationForm.FormC), table);
        return string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static char Fold(char c, PinyinTable table) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => table.Simplified(c),
    };
}
