namespace Yilian.Discovery.Search;

/// <summary>A posting block's bytes: ascending document numbers as unsigned LEB128 varints of their differences.</summary>
internal static class PostingCodec
{
    /// <summary>Numbers per block: a block is read whole (about 1–2 KB), and a long list is skipped block by block.</summary>
    public const int BlockSize = 1024;

    /// <summary>Appends ascending numbers, all above <paramref name="last"/> (0 for an empty block).</summary>
    public static byte[] Append(byte[] data, long last, IReadOnlyList<long> seqs)
    {
        var buffer = new List<byte>(data.Length + (seqs.Count * 2));
        buffer.AddRange(data);
        foreach (var seq in seqs)
        {
            if (seq <= last)
            {
                throw new ArgumentException("Document numbers are appended in ascending order.", nameof(seqs));
            }

            var delta = (ulong)(seq - last);
            while (delta >= 0x80)
            {
                buffer.Add((byte)(delta | 0x80));
                delta >>= 7;
            }

            buffer.Add((byte)delta);
            last = seq;
        }

        return [.. buffer];
    }

    /// <summary>The numbers of a block, ascending.</summary>
    public static long[] Decode(byte[] data, int count)
    {
        var seqs = new long[count];
        long last = 0;
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            ulong delta = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                delta |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            last += (long)delta;
            seqs[i] = last;
        }

        return seqs;
    }
}
