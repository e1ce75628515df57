using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Data;
using Yilian.Discovery.Map;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Search;

/// <summary>A document of one kind as it is now, or null when it is no longer to be found.</summary>
internal sealed record IndexChange(string Kind, string SourceId, SearchDocument? Document);

/// <summary>
/// Writes the index (decision 033): each change in one transaction that first claims the cursor row, so two instances never
/// write at once. A document whose text changed takes the next number and its grams' postings are appended to each gram's tail
/// block; its old number is left in the old postings, which point at nothing and are skipped. <see cref="RebuildAsync"/> writes
/// everything afresh in bulk (the first start, the nightly compaction, the benchmark).
/// </summary>
internal sealed class SearchIndexWriter(DiscoveryDbContext db, TimeProvider clock)
{
    public const int MaxText = 600;

    private const int RebuildChunk = 100_000;

    /// <summary>Applies the changes and moves the cursor to <paramref name="auditSequence"/> (null: where it is); false when
    /// another instance holds the cursor (nothing written; it will be done again).</summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<IndexChange> changes, long? auditSequence, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cursor = await ClaimAsync(ct);
        if (cursor is null)
        {
            return false;
        }

        var postings = new Dictionary<(string Kind, string Gram), List<long>>();
        foreach (var kind in changes.GroupBy(c => c.Kind))
        {
            var ids = kind.Select(c => c.SourceId).Distinct().ToList();
            var existing = await db.SearchEntries.Where(e => e.Kind == kind.Key && ids.Contains(e.SourceId)).ToDictionaryAsync(e =>
                e.SourceId, ct);
            var points = await db.MapPoints.Where(p => p.Kind == kind.Key && ids.Contains(p.SourceId)).ToDictionaryAsync(p =>
                p.SourceId, ct);
            foreach (var change in kind.GroupBy(c => c.SourceId).Select(g => g.Last()))
            {
                Place(kind.Key, change, points.GetValueOrDefault(change.SourceId), cursor);
                var entry = change.Document is { } document ? EntryOf(kind.Key, document) : null;
                var old = existing.GetValueOrDefault(change.SourceId);
                if (old is not null && entry is not null && old.TextHash == entry.TextHash)
                {
                    (old.Name, old.Summary, old.Url, old.Audience, old.Recent) = (entry.Name, entry.Summary, entry.Url, entry.Audience,
                        entry.Recent);
                    continue;
                }

                if (old is not null)
                {
                    db.SearchEntries.Remove(old);
                }

                if (entry is not null)
                {
                    entry.Seq = cursor.NextSeq++;
                    db.SearchEntries.Add(entry);
                    foreach (var gram in IndexGrams.Of(entry.Name, entry.Text))
                    {
                        (postings.TryGetValue((kind.Key, gram), out var list) ? list : postings[(kind.Key, gram)] = []).Add(entry.Seq);
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await AppendAsync(postings, ct);
        cursor.AuditSequence = auditSequence ?? cursor.AuditSequence;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Replaces the whole index with these documents, written in bulk, and sets the cursor to
    /// <paramref name="auditSequence"/>; false when another instance holds the cursor.</summary>
    public async Task<bool> RebuildAsync(IAsyncEnumerable<(string Kind, SearchDocument Document)> documents, long auditSequence,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cursor = await ClaimAsync(ct);
        if (cursor is null)
        {
            return false;
        }

        await db.PostingBlocks.ExecuteDeleteAsync(ct);
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        await db.MapPoints.ExecuteDeleteAsync(ct);
        var postings = new Dictionary<(string Kind, string Gram), List<long>>();
        var entries = new List<SearchEntry>();
        var points = new List<MapPoint>();
        var seen = new HashSet<(string, string)>();
        var pending = 0;
        await foreach (var (kind, document) in documents.WithCancellation(ct))
        {
            if (!seen.Add((kind, document.SourceId)))
            {
                continue;
            }

            var entry = EntryOf(kind, document);
            entry.Seq = cursor.NextSeq++;
            entries.Add(entry);
            foreach (var gram in IndexGrams.Of(entry.Name, entry.Text))
            {
                (postings.TryGetValue((kind, gram), out var list) ? list : postings[(kind, gram)] = []).Add(entry.Seq);
            }

            if (PointOf(kind, document) is { } point)
            {
                point.Id = cursor.NextSeq++;
                points.Add(point);
            }

            if (entries.Count == 5000)
            {
                await BulkWriter.InsertAsync(db, entries, ct);
                await BulkWriter.InsertAsync(db, points, ct);
                entries.Clear();
                points.Clear();
            }

            // Postings are written every so many documents (memory stays bounded); numbers only grow, so blocks never overlap.
            if (++pending == RebuildChunk)
            {
                await WriteBlocksAsync(postings, ct);
                pending = 0;
            }
        }

        await BulkWriter.InsertAsync(db, entries, ct);
        await BulkWriter.InsertAsync(db, points, ct);
        await WriteBlocksAsync(postings, ct);

        // Each chunk ended every gram's run with a tail: only the last of each gram stays one.
        await db.PostingBlocks.Where(b => b.Tail && db.PostingBlocks.Any(o => o.Kind == b.Kind && o.Gram == b.Gram && o.MinSeq > b.MinSeq))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Tail, false), ct);
        (cursor.AuditSequence, cursor.BuiltAt) = (auditSequence, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        // The planner's statistics, at once: a million rows copied in are otherwise unknown to it until autovacuum comes by.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? "ANALYZE dis_search_entries; ANALYZE dis_search_postings; ANALYZE dis_map_points"
            : "ANALYZE dis_search_entries, dis_search_postings, dis_map_points", ct);
        return true;
    }

    private async Task WriteBlocksAsync(Dictionary<(string Kind, string Gram), List<long>> postings, CancellationToken ct)
    {
        var blocks = new List<PostingBlock>();
        foreach (var ((kind, gram), seqs) in postings)
        {
            blocks.AddRange(BlocksOf(kind, gram, seqs));
            if (blocks.Count >= 5000)
            {
                await BulkWriter.InsertAsync(db, blocks, ct);
                blocks.Clear();
            }
        }

        await BulkWriter.InsertAsync(db, blocks, ct);
        postings.Clear();
    }

    /// <summary>Whole blocks of ascending numbers; the last one is the gram's tail.</summary>
    public static IEnumerable<PostingBlock> BlocksOf(string kind, string gram, IReadOnlyList<long> seqs)
    {
        for (var at = 0; at < seqs.Count; at += PostingCodec.BlockSize)
        {
            var take = seqs.Skip(at).Take(PostingCodec.BlockSize).ToList();
            yield return new PostingBlock
            {
                Kind = kind, Gram = gram, MinSeq = take[0], MaxSeq = take[^1], Count = take.Count, Data = PostingCodec.Append([], 0, take),
                Tail = at + PostingCodec.BlockSize >= seqs.Count,
            };
        }
    }

    public static SearchEntry EntryOf(string kind, SearchDocument document)
    {
        var name = Clip(document.Name.Trim(), 200);
        var text = Clip(SearchRanking.TextOf(name, document.Keywords.Trim()), MaxText);
        return new SearchEntry
        {
            Kind = kind, SourceId = document.SourceId, Name = name, Text = text, NameKey = ChineseText.Normalize(name),
            Summary = Clip(document.Summary, 300), Url = Clip(document.Url, 300), Audience = document.Audience,
            Recent = document.Recent.ToUniversalTime(),
            TextHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
    }

    /// <summary>The document's map point as it is now: added, moved or changed in place (its number kept), or removed.</summary>
    private void Place(string kind, IndexChange change, MapPoint? old, SearchCursor cursor)
    {
        var now = change.Document is { } document ? PointOf(kind, document) : null;
        if (now is null)
        {
            if (old is not null)
            {
                db.MapPoints.Remove(old);
            }

            return;
        }

        if (old is null)
        {
            now.Id = cursor.NextSeq++;
            db.MapPoints.Add(now);
            return;
        }

        now.Id = old.Id;
        db.Entry(old).CurrentValues.SetValues(now);
    }

    public static MapPoint? PointOf(string kind, SearchDocument document) => document.Place is not { } place ? null : new MapPoint
    {
        Kind = kind, SourceId = document.SourceId, Name = Clip(document.Name.Trim(), 200), Summary = Clip(document.Summary, 300),
        Url = Clip(document.Url, 300), Category = document.Category is { Length: > 0 and <= 20 } c ? c : null,
        RegionCode = Clip(place.RegionCode, 12), Audience = document.Audience, Recent = document.Recent.ToUniversalTime(),
        Latitude = place.Latitude, Longitude = place.Longitude,
        Class = MapClasses.Of(kind, document.Category is { Length: > 0 and <= 20 } k ? k : null),
    };

    /// <summary>The cursor row, its version moved on (created on first use); null when another transaction moved it first.</summary>
    private async Task<SearchCursor?> ClaimAsync(CancellationToken ct)
    {
        var cursor = await db.SearchCursors.FirstOrDefaultAsync(c => c.Id == SearchCursor.TheOne, ct);
        if (cursor is null)
        {
            cursor = new SearchCursor();
            db.SearchCursors.Add(cursor);
        }

        cursor.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return cursor;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task AppendAsync(Dictionary<(string Kind, string Gram), List<long>> postings, CancellationToken ct)
    {
        foreach (var kind in postings.GroupBy(p => p.Key.Kind))
        {
            foreach (var chunk in kind.Chunk(500))
            {
                var grams = chunk.Select(p => p.Key.Gram).ToList();
                var tails = await db.PostingBlocks.Where(b => b.Kind == kind.Key && b.Tail && grams.Contains(b.Gram))
                    .ToDictionaryAsync(b => b.Gram, StringComparer.Ordinal, ct);
                foreach (var ((_, gram), seqs) in chunk)
                {
                    var rest = seqs;
                    if (tails.TryGetValue(gram, out var tail) && tail.Count < PostingCodec.BlockSize)
                    {
                        var fits = rest.Take(PostingCodec.BlockSize - tail.Count).ToList();
                        (tail.Data, tail.MaxSeq, tail.Count) = (PostingCodec.Append(tail.Data, tail.MaxSeq, fits), fits[^1], tail.Count
                            + fits.Count);
                        rest = [.. rest.Skip(fits.Count)];
                    }

                    if (rest.Count > 0)
                    {
                        tail?.Tail = false;
                        db.PostingBlocks.AddRange(BlocksOf(kind.Key, gram, rest));
                    }
                }
            }
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
