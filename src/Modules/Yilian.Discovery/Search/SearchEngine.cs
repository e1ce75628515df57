using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Data;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Search;

/// <summary>One document found: its place (exact name, name prefix, inside) and where the query lands in its name.</summary>
internal sealed record SearchHit(long Seq, string Kind, string SourceId, string Name, string Summary, string Url, MatchPlace Place,
    IReadOnlyList<TextSpan> NameSpans, DateTimeOffset Recent);

/// <summary>The best documents of one kind, and whether more match than were read.</summary>
internal sealed record KindHits(string Kind, IReadOnlyList<SearchHit> Hits, bool More);

/// <summary>
/// Answers a query from the stored index (decision 033), per kind: names equal to a literal query by key, then the names the
/// query begins (read from the <c>^</c> postings, newest first), then the rest (the rarest grams' postings intersected across
/// terms, newest first); every candidate is checked by <see cref="SearchRanking"/>, so the index only narrows and never decides.
/// Each kind reads at most <see cref="MaxCandidates"/> candidates: a query is bounded in time whatever it is.
/// </summary>
internal sealed class SearchEngine(DiscoveryDbContext db)
{
    /// <summary>Candidates checked per kind and phase before the answer says "more" without reading on.</summary>
    public const int MaxCandidates = 1500;

    private const int FetchBatch = 256;

    public async Task<IReadOnlyList<KindHits>> SearchAsync(string query, IReadOnlyCollection<string> kinds, SearchAudience audience,
        int limit, CancellationToken ct)
    {
        var terms = ChineseMatcher.Terms(query);
        var perTerm = ChineseGrams.OfQuery(query);
        if (perTerm is null || kinds.Count == 0)
        {
            return [];
        }

        var wanted = perTerm.SelectMany(alternatives => alternatives.SelectMany(a => a.Grams.Append(IndexGrams.PrefixMark + a.Lead)))
            .Distinct().ToList();
        var counts = await CountsAsync(kinds, wanted, ct);
        var answer = new List<KindHits>();
        foreach (var kind in kinds)
        {
            answer.Add(await SearchKindAsync(kind, query, terms, perTerm, counts, audience, limit, ct));
        }

        return answer;
    }

    private async Task<KindHits> SearchKindAsync(string kind, string query, IReadOnlyList<string> terms,
        IReadOnlyList<IReadOnlyList<QueryAlternative>> perTerm, IReadOnlyDictionary<(string Kind, string Gram), long> counts,
        SearchAudience audience, int limit, CancellationToken ct)
    {
        long Count(string gram) => counts.GetValueOrDefault((kind, gram));

        // An alternative whose grams are not all present cannot match; a term with no alternative left, nothing can.
        var possible = perTerm.Select(alternatives => alternatives.Where(a => a.Grams.All(g => Count(g) > 0)).ToList()).ToList();
        if (possible.Any(a => a.Count == 0))
        {
            return new KindHits(kind, [], false);
        }

        var found = new Dictionary<long, SearchHit>();
        if (terms.Count == 1 && !terms[0].Any(char.IsAsciiLetter))
        {
            var key = terms[0];
            var exact = await db.SearchEntries.AsNoTracking()
                .Where(e => e.Kind == kind && e.NameKey == key && (audience == SearchAudience.Staff || e.Audience == SearchAudience.Public))
                .OrderByDescending(e => e.Seq).Take(limit + 1).ToListAsync(ct);
            Check(exact, query, audience, found);
        }

        // A name the query begins has the alternative's leading gram at its start and all its other grams somewhere.
        // A name the query begins has the alternative's lead at its start and all its other grams somewhere.
        var prefixStreams = possible.SelectMany(alternatives => alternatives).Where(a => Count(IndexGrams.PrefixMark + a.Lead) > 0)
            .DistinctBy(a => (a.Lead, string.Join(' ', a.Grams.Order(StringComparer.Ordinal))))
            .Select(a => SeqStream.Intersect([new PostingCursor(db, kind, IndexGrams.PrefixMark + a.Lead),
                .. a.Grams.Where(g => g != a.Lead).OrderBy(Count).Take(1).Select(g => (SeqStream)new PostingCursor(db, kind, g))]))
            .ToList();
        // Each phase reads until one more than asked for is found, so "more" is known, not guessed.
        var truncated = prefixStreams.Count > 0
            && await ScanAsync(SeqStream.Union(prefixStreams), query, audience, found, limit, onlyNames: true, ct);
        if (found.Count <= limit)
        {
            truncated |= await ScanAsync(InsideStream(kind, possible, Count), query, audience, found, limit, onlyNames: false, ct);
        }

        var hits = found.Values.OrderBy(h => h.Place).ThenByDescending(h => h.Seq).Take(limit).ToList();
        return new KindHits(kind, hits, truncated || found.Count > limit);
    }

    /// <summary>Terms intersected, the rarest three; each term a union of its alternatives, each the intersection of its rarest
    /// two grams (the matcher checks the rest).</summary>
    private SeqStream InsideStream(string kind, List<List<QueryAlternative>> possible, Func<string, long> count)
    {
        var perTerm = possible
            .Select(alternatives => (Cost: alternatives.Sum(a => a.Grams.Min(count)), Alternatives: alternatives))
            .OrderBy(t => t.Cost).Take(3)
            .Select(t => SeqStream.Union([.. t.Alternatives.Select(a => SeqStream.Intersect(
                [.. a.Grams.OrderBy(count).Take(2).Select(g => (SeqStream)new PostingCursor(db, kind, g))]))]))
            .ToList();
        return SeqStream.Intersect(perTerm);
    }

    /// <summary>Reads candidates newest first and keeps those that match (with <paramref name="onlyNames"/>, those whose name
    /// the query begins) until more than <paramref name="limit"/> are found; true when it stopped at the reading bound instead.
    /// </summary>
    private async Task<bool> ScanAsync(SeqStream stream, string query, SearchAudience audience, Dictionary<long, SearchHit> found,
        int limit, bool onlyNames, CancellationToken ct)
    {
        var at = long.MaxValue;
        var read = 0;
        // Most candidates match: the first read asks for a few more than are wanted, later ones for more each time.
        var size = Math.Min(limit + 2, FetchBatch);
        while (true)
        {
            var batch = new List<long>(size);
            while (batch.Count < size && (at = await stream.SeekAsync(at, ct)) > 0)
            {
                if (!found.ContainsKey(at))
                {
                    batch.Add(at);
                }

                at--;
            }

            size = Math.Min(size * 2, FetchBatch);
            if (batch.Count > 0)
            {
                read += batch.Count;
                var entries = await db.SearchEntries.AsNoTracking().Where(e => batch.Contains(e.Seq)).ToListAsync(ct);
                Check(entries.OrderByDescending(e => e.Seq), query, audience, found, onlyNames);
            }

            if (at <= 0)
            {
                return false;
            }

            if (found.Count(h => !onlyNames || h.Value.Place != MatchPlace.Inside) > limit)
            {
                return false;
            }

            if (read >= MaxCandidates)
            {
                return true;
            }
        }
    }

    private static void Check(IEnumerable<SearchEntry> entries, string query, SearchAudience audience, Dictionary<long, SearchHit> found,
        bool onlyNames = false)
    {
        foreach (var e in entries)
        {
            if ((e.Audience == SearchAudience.Staff && audience == SearchAudience.Public) || found.ContainsKey(e.Seq))
            {
                continue;
            }

            var place = SearchRanking.Rank(e.Name, e.Text, query);
            if (place is null || (onlyNames && place == MatchPlace.Inside))
            {
                continue;
            }

            found[e.Seq] = new SearchHit(e.Seq, e.Kind, e.SourceId, e.Name, e.Summary, e.Url, place.Value, Highlights(e.Name, query),
                e.Recent);
        }
    }

    /// <summary>Where each term of the query lands in the name, in order (a term that matches only the keywords marks nothing).</summary>
    public static IReadOnlyList<TextSpan> Highlights(string name, string query) =>
        [.. ChineseMatcher.Terms(query).SelectMany(t => ChineseMatcher.Find(name, t)).Distinct().OrderBy(s => s.Start)];

    private async Task<IReadOnlyDictionary<(string Kind, string Gram), long>> CountsAsync(IReadOnlyCollection<string> kinds,
        IReadOnlyCollection<string> grams, CancellationToken ct)
    {
        var rows = await db.PostingBlocks.AsNoTracking().Where(b => kinds.Contains(b.Kind) && grams.Contains(b.Gram))
            .GroupBy(b => new { b.Kind, b.Gram }).Select(g => new { g.Key.Kind, g.Key.Gram, Count = g.Sum(b => (long)b.Count) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.Kind, r.Gram), r => r.Count);
    }
}
