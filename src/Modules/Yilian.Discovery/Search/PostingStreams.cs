using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Data;

namespace Yilian.Discovery.Search;

/// <summary>
/// Document numbers in descending order (most recent first), read lazily. <see cref="SeekAsync"/> answers the greatest number not
/// above <c>atMost</c>, or 0 when there is none; successive calls never ask for more than before, so a stream only moves on.
/// </summary>
internal abstract class SeqStream
{
    public abstract ValueTask<long> SeekAsync(long atMost, CancellationToken ct);

    public static SeqStream Union(IReadOnlyList<SeqStream> streams) => streams.Count == 1 ? streams[0] : new UnionStream(streams);

    public static SeqStream Intersect(IReadOnlyList<SeqStream> streams) =>
        streams.Count == 1 ? streams[0] : new IntersectStream(streams);

    private sealed class UnionStream(IReadOnlyList<SeqStream> streams) : SeqStream
    {
        public override async ValueTask<long> SeekAsync(long atMost, CancellationToken ct)
        {
            long best = 0;
            foreach (var stream in streams)
            {
                best = Math.Max(best, await stream.SeekAsync(atMost, ct));
            }

            return best;
        }
    }

    /// <summary>Leapfrog: every stream seeks to the smallest answer so far until all agree.</summary>
    private sealed class IntersectStream(IReadOnlyList<SeqStream> streams) : SeqStream
    {
        public override async ValueTask<long> SeekAsync(long atMost, CancellationToken ct)
        {
            var target = atMost;
            var agreed = 0;
            var i = 0;
            while (agreed < streams.Count)
            {
                var found = await streams[i].SeekAsync(target, ct);
                if (found == 0)
                {
                    return 0;
                }

                agreed = found == target ? agreed + 1 : 1;
                target = found;
                i = (i + 1) % streams.Count;
            }

            return target;
        }
    }
}

/// <summary>The postings of one gram of one kind, read a few blocks at a time from the newest down.</summary>
internal sealed class PostingCursor(DiscoveryDbContext db, string kind, string gram) : SeqStream
{
    private const int BlocksPerRead = 8;
    private readonly Queue<long[]> blocks = new();
    private long[]? current;
    private int index;
    private long readBelow = long.MaxValue;
    private bool exhausted;

    /// <summary>Blocks read from the database (for the benchmark's account of work).</summary>
    public int BlocksRead { get; private set; }

    public override async ValueTask<long> SeekAsync(long atMost, CancellationToken ct)
    {
        while (true)
        {
            if (current is not null)
            {
                while (index >= 0 && current[index] > atMost)
                {
                    index--;
                }

                if (index >= 0)
                {
                    return current[index];
                }

                current = null;
            }

            if (blocks.Count > 0)
            {
                current = blocks.Dequeue();
                index = current.Length - 1;
                if (current[0] > atMost)
                {
                    current = null;
                }

                continue;
            }

            if (exhausted)
            {
                return 0;
            }

            await ReadAsync(atMost, ct);
        }
    }

    private async Task ReadAsync(long atMost, CancellationToken ct)
    {
        var below = Math.Min(atMost, readBelow - 1);
        var rows = await db.PostingBlocks.AsNoTracking()
            .Where(b => b.Kind == kind && b.Gram == gram && b.MinSeq <= below)
            .OrderByDescending(b => b.MinSeq).Take(BlocksPerRead)
            .Select(b => new { b.MinSeq, b.Count, b.Data }).ToListAsync(ct);
        BlocksRead += rows.Count;
        foreach (var row in rows)
        {
            blocks.Enqueue(PostingCodec.Decode(row.Data, row.Count));
            readBelow = row.MinSeq;
        }

        exhausted = rows.Count < BlocksPerRead;
    }
}
