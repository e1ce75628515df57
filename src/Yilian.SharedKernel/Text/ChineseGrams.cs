namespace Yilian.SharedKernel.Text;

/// <summary>
/// The grams an index keeps for a text and asks for a query, such that every text <see cref="ChineseMatcher"/> matches has the
/// grams of one of the query's alternatives (no match is lost; candidates are then checked by the matcher). A text gives:
/// <list type="bullet">
/// <item><c>1</c> + a character and <c>2</c> + two consecutive characters (letters, digits, Chinese), for literal terms;</item>
/// <item><c>f</c> + the "first letters" of one to three consecutive characters — a letter or digit itself, a Chinese character
/// the first letter of each of its readings there — for pinyin and mixed terms: every match consumes consecutive characters,
/// each from a unit of the query starting with one of that character's first letters;</item>
/// <item><c>p</c> + a reading of a Chinese character: a whole syllable typed (not the last unit) must be one of them.</item>
/// </list>
/// A query term without Latin letters asks for its literal grams. A term with letters asks, for each way of cutting it into
/// units (a syllable, an initial, a letter, a Chinese character, a digit, or a syllable's start at the end), for the first
/// letters of its first three units and for the whole syllables among them; a Chinese character in the term also asks for itself.
/// </summary>
public static class ChineseGrams
{
    /// <summary>The distinct grams of a text.</summary>
    public static IReadOnlySet<string> OfText(string text, PinyinTable? table = null)
    {
        table ??= PinyinTable.Default;
        var normalized = ChineseText.Normalize(text, table);
        var readings = table.ReadingsOf(normalized);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var first = FirstLettersOf(normalized, readings);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (!Searchable(c))
            {
                continue;
            }

            grams.Add("1" + c);
            foreach (var reading in ChineseText.IsHan(c) ? readings[i] : [])
            {
                grams.Add("p" + reading);
            }

            if (i + 1 < normalized.Length && Searchable(normalized[i + 1]))
            {
                grams.Add(string.Concat("2", c.ToString(), normalized[i + 1].ToString()));
            }
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            grams.UnionWith(FirstLetterGrams(first, i));
        }

        return grams;
    }

    /// <summary>The grams that start at the text's first character: its literal unigram and bigram, the first-letter grams of its
    /// first one to three characters, and the readings of its first character (what <see cref="QueryAlternative.Lead"/> is
    /// looked up in, for texts a term begins).</summary>
    public static IReadOnlySet<string> OfTextStart(string text, PinyinTable? table = null)
    {
        table ??= PinyinTable.Default;
        var head = ChineseText.Normalize(text, table);
        var readings = table.ReadingsOf(head);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (head.Length == 0 || !Searchable(head[0]))
        {
            return grams;
        }

        grams.Add("1" + head[0]);
        if (head.Length > 1 && Searchable(head[1]))
        {
            grams.Add(string.Concat("2", head.AsSpan(0, 2)));
        }

        grams.UnionWith(ChineseText.IsHan(head[0]) ? readings[0].Select(r => "p" + r) : []);
        grams.UnionWith(FirstLetterGrams(FirstLettersOf(head, readings), 0));
        return grams;
    }

    /// <summary>For each term of the query, the alternatives (each a set of grams a matching text has all of, and the gram a
    /// text the term begins has at its first character); null when the query has no terms.</summary>
    public static IReadOnlyList<IReadOnlyList<QueryAlternative>>? OfQuery(string query, PinyinTable? table = null)
    {
        table ??= PinyinTable.Default;
        var terms = ChineseMatcher.Terms(query, table);
        return terms.Count == 0 ? null : [.. terms.Select(t => OfTerm(t, table))];
    }

    private static IReadOnlyList<QueryAlternative> OfTerm(string term, PinyinTable table)
    {
        if (!term.Any(char.IsAsciiLetter))
        {
            var literal = term.Length == 1 ? new HashSet<string>(StringComparer.Ordinal) { "1" + term }
                : [.. Enumerable.Range(0, term.Length - 1).Select(i => string.Concat("2", term.AsSpan(i, 2)))];
            return [new QueryAlternative(literal, term.Length == 1 ? "1" + term : string.Concat("2", term.AsSpan(0, 2)))];
        }

        // The Chinese characters of the term must be in the text whatever the cutting.
        var required = term.Where(ChineseText.IsHan).Select(c => "1" + c).ToHashSet(StringComparer.Ordinal);
        var alternatives = new HashSet<string>(StringComparer.Ordinal);
        Cut(term, 0, "", "", table, alternatives);
        return [.. alternatives.Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(a =>
        {
            // A syllable marked ^ is the first unit's: a text the term begins has that reading at its first character.
            var syllables = a.Skip(1).Select(s => "p" + s.TrimStart('^')).ToList();
            var first = a.Skip(1).FirstOrDefault(s => s[0] == '^');
            // A term that starts with a Chinese character begins only texts that start with that character.
            var lead = ChineseText.IsHan(term[0]) ? "1" + term[0] : first is null ? "f" + a[0] : "p" + first[1..];
            return new QueryAlternative(new HashSet<string>(required.Append("f" + a[0]).Concat(syllables), StringComparer.Ordinal), lead);
        })];
    }

    /// <summary>Adds, for every cutting of <paramref name="term"/> from <paramref name="at"/>, the first letters of its first three
    /// units and the whole syllables among them (space-separated after the letters; <paramref name="letters"/> and
    /// <paramref name="syllables"/> are those of the units before). A syllable is kept only when a unit follows it: the last
    /// unit may be the start of a longer one.</summary>
    private static void Cut(string term, int at, string letters, string syllables, PinyinTable table, HashSet<string> found)
    {
        if (at == term.Length || letters.Length == 3)
        {
            found.Add(letters + syllables);
            return;
        }

        var c = term[at];
        if (ChineseText.IsHan(c))
        {
            // A Chinese character matches itself, whose first letter in the text is one of its readings' anywhere.
            foreach (var f in table.AnyReading(c).Select(r => r[0]).Distinct())
            {
                Cut(term, at + 1, letters + f, syllables, table, found);
            }

            return;
        }

        if (!char.IsAsciiLetter(c))
        {
            Cut(term, at + 1, letters + c, syllables, table, found);
            return;
        }

        // A letter on its own (a Latin letter, or an initial), zh/ch/sh, a whole syllable, or the start of one at the end.
        var lengths = new HashSet<int> { 1 };
        for (var length = 2; at + length <= term.Length && length <= 6; length++)
        {
            var unit = term.Substring(at, length);
            if (table.Syllables.Contains(unit) || unit is "zh" or "ch" or "sh"
                || (at + length == term.Length && table.Syllables.Any(s => s.StartsWith(unit, StringComparison.Ordinal))))
            {
                lengths.Add(length);
            }
        }

        foreach (var length in lengths)
        {
            var unit = term.Substring(at, length);
            var whole = length > 1 && at + length < term.Length && table.Syllables.Contains(unit);
            Cut(term, at + length, letters + c, whole ? syllables + (at == 0 ? " ^" : " ") + unit : syllables, table, found);
        }
    }

    /// <summary>Each character's first letters: a letter or digit itself, a Chinese character the first letter of each of its
    /// readings there; none for anything else.</summary>
    private static string[][] FirstLettersOf(string normalized, IReadOnlyList<string>[] readings) =>
        [.. normalized.Select((c, i) => ChineseText.IsHan(c) ? [.. readings[i].Select(r => r[..1]).Distinct()]
            : char.IsAsciiLetterOrDigit(c) ? [c.ToString()] : Array.Empty<string>())];

    /// <summary>The first-letter grams (<c>f</c> + one to three letters) of the characters from <paramref name="at"/>.</summary>
    private static IEnumerable<string> FirstLetterGrams(string[][] first, int at)
    {
        var prefixes = new List<string> { "" };
        for (var n = 0; n < 3 && at + n < first.Length && first[at + n].Length > 0; n++)
        {
            prefixes = [.. prefixes.SelectMany(p => first[at + n].Select(f => p + f))];
            foreach (var p in prefixes)
            {
                yield return "f" + p;
            }
        }
    }

    private static bool Searchable(char c) => ChineseText.IsHan(c) || char.IsAsciiLetterOrDigit(c);
}

/// <summary>One way a query term may match: the grams a matching text has somewhere, and <paramref name="Lead"/>, the gram (one of
/// them, or the reading of the first character) that a text the term begins has at its first character.</summary>
public sealed record QueryAlternative(IReadOnlySet<string> Grams, string Lead);
