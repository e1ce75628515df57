namespace Yilian.SharedKernel.Text;

/// <summary>Where a query matched in a text: the characters from <paramref name="Start"/>, <paramref name="Length"/> long.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>How a text matched: the whole of it, its beginning, or somewhere inside (search ranks in this order).</summary>
public enum MatchPlace
{
    Exact = 0,
    Prefix = 1,
    Inside = 2,
}

/// <summary>
/// Yilian's matching rules, applied by reading the text (the reference every index is checked against). A query is cleaned
/// (<see cref="ChineseText.CleanQuery"/>) and split into terms at spaces — except that a query of Latin letters only is one
/// pinyin run (<c>yang lao</c> is <c>yanglao</c>); every term must match. A term matches a run of consecutive characters
/// where each query character is the text's character (Chinese characters only ever match themselves, so 景点 never finds
/// 经典), or where Latin letters are read off Chinese characters: each character takes its whole syllable (<c>yang</c>), its
/// initial (<c>y</c>, or <c>zh</c>/<c>ch</c>/<c>sh</c>), or — for the query's last letters only — the start of a syllable
/// (<c>yangl</c> while typing 养老). Readings are the characters' own, or a listed word's (<see cref="PinyinTable"/>).
/// </summary>
public static class ChineseMatcher
{
    /// <summary>The terms of a query after cleaning; empty when nothing searchable is left (only spaces or punctuation).</summary>
    public static IReadOnlyList<string> Terms(string query, PinyinTable? table = null)
    {
        var cleaned = ChineseText.CleanQuery(query, table);
        var words = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsLetterOrDigit(c) || ChineseText.IsHan(c)) ])).Where(w => w.Length > 0)
            .ToList();
        return words.Count > 1 && words.All(w => w.All(char.IsAsciiLetter)) ? [string.Concat(words)] : words;
    }

    /// <summary>Every place each term matches in the text, in text order; empty unless every term matches somewhere.</summary>
    public static IReadOnlyList<TextSpan> Find(string text, string query, PinyinTable? table = null)
    {
        table ??= PinyinTable.Default;
        var terms = Terms(query, table);
        if (terms.Count == 0)
        {
            return [];
        }

        var normalized = ChineseText.Normalize(text, table);
        var readings = table.ReadingsOf(normalized);
        var spans = new List<TextSpan>();
        foreach (var term in terms)
        {
            var found = false;
            for (var start = 0; start < normalized.Length; start++)
            {
                if (End(normalized, readings, term, start) is { } end)
                {
                    spans.Add(new TextSpan(start, end - start));
                    found = true;
                }
            }

            if (!found)
            {
                return [];
            }
        }

        return [.. spans.OrderBy(s => s.Start).ThenBy(s => s.Length)];
    }

    /// <summary>Where the query matches the text: the whole text, its start, or inside; null when it does not match.</summary>
    public static MatchPlace? Place(string text, string query, PinyinTable? table = null)
    {
        var spans = Find(text, query, table);
        return spans.Count == 0 ? null
            : spans.Any(s => s.Start == 0 && s.Length == text.Length) && Terms(query, table).Count == 1 ? MatchPlace.Exact
            : spans.Any(s => s.Start == 0) ? MatchPlace.Prefix : MatchPlace.Inside;
    }

    /// <summary>The first end (exclusive) of a run from <paramref name="start"/> that the whole term matches, or null.</summary>
    private static int? End(string text, IReadOnlyList<string>[] readings, string term, int start)
    {
        // The query positions reachable after each text character, breadth first: a small set (a term is short).
        var positions = new HashSet<int> { 0 };
        for (var k = start; k < text.Length && positions.Count > 0; k++)
        {
            var next = new HashSet<int>();
            foreach (var j in positions)
            {
                foreach (var to in Steps(text[k], readings[k], term, j))
                {
                    if (to == term.Length)
                    {
                        return k + 1;
                    }

                    next.Add(to);
                }
            }

            positions = next;
        }

        return null;
    }

    /// <summary>The query positions one text character can take the query from <paramref name="j"/> to.</summary>
    private static IEnumerable<int> Steps(char c, IReadOnlyList<string> readings, string term, int j)
    {
        if (term[j] == c)
        {
            yield return j + 1;
        }

        if (!ChineseText.IsHan(c) || !char.IsAsciiLetter(term[j]))
        {
            yield break;
        }

        var rest = term.Length - j;
        foreach (var reading in readings)
        {
            var initial = reading.Length > 1 && reading[1] == 'h' && reading[0] is 'z' or 'c' or 's' ? 2 : 1;
            foreach (var length in new[] { 1, initial, reading.Length }.Distinct())
            {
                if (length <= rest && string.CompareOrdinal(term, j, reading, 0, length) == 0)
                {
                    yield return j + length;
                }
            }

            // The query's last letters may be the start of a syllable still being typed.
            if (rest < reading.Length && string.CompareOrdinal(term, j, reading, 0, rest) == 0)
            {
                yield return term.Length;
            }
        }
    }
}
