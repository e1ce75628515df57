using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Search;

/// <summary>
/// The grams a document is indexed under, and the streams a query reads. Besides <see cref="ChineseGrams"/> of its text, a
/// document keeps its name's leading grams marked <c>^</c> (the unigram, bigram and first-letter grams that start at the name's
/// first character), so the names a query begins are read first and ranked before the rest.
/// </summary>
internal static class IndexGrams
{
    public const string PrefixMark = "^";

    public static IReadOnlySet<string> Of(string name, string text)
    {
        var grams = new HashSet<string>(ChineseGrams.OfText(text), StringComparer.Ordinal);
        grams.UnionWith(LeadingGramsOf(name).Select(g => PrefixMark + g));
        return grams;
    }

    /// <summary>The grams of <paramref name="name"/> that start at its first character.</summary>
    private static IEnumerable<string> LeadingGramsOf(string name)
    {
        var head = ChineseText.Normalize(name);
        var readings = PinyinTable.Default.ReadingsOf(head);
        var lead = head.Length > 3 ? head[..3] : head;
        foreach (var gram in ChineseGrams.OfText(lead))
        {
            // Literal grams of the first character or the first two; first-letter grams are recomputed with the readings the
            // characters have in the whole name (a listed word may run past the third character).
            if ((gram[0] == '1' && gram[1] == lead[0]) || (gram[0] == '2' && gram[1] == lead[0] && lead.Length > 1 && gram[2] == lead[1]))
            {
                yield return gram;
            }
        }

        var prefixes = new List<string> { "" };
        for (var n = 0; n < lead.Length; n++)
        {
            var c = lead[n];
            string[] first = ChineseText.IsHan(c) ? [.. readings[n].Select(r => r[..1]).Distinct()]
                : char.IsAsciiLetterOrDigit(c) ? [c.ToString()] : [];
            if (first.Length == 0)
            {
                yield break;
            }

            prefixes = [.. prefixes.SelectMany(p => first.Select(f => p + f))];
            foreach (var p in prefixes)
            {
                yield return "f" + p;
            }
        }
    }

    /// <summary>The gram a query term's alternative starts with: its first-letter gram, or its first literal gram.</summary>
    public static string LeadOf(string term, IReadOnlySet<string> alternative) =>
        alternative.FirstOrDefault(g => g[0] == 'f')
        ?? (term.Length == 1 ? "1" + term : string.Concat("2", term.AsSpan(0, 2)));
}
