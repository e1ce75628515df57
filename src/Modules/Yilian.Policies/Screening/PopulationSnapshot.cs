using System.Runtime.InteropServices;
using System.Text;

using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Rules;

namespace Yilian.Policies.Screening;

/// <summary>
/// The whole population as it was last read, kept as one binary file of its columns so that the next full screening
/// reads a few hundred megabytes of arrays instead of parsing 1.3 million rows (decision 024). The file is named by a key
/// every change to what screening reads moves: the last import's sequence number (each import stamps the households it
/// touches), the number of residents and of imports, the data dictionary's version, and — when a declared fact expires —
/// the screening date. A snapshot whose key is not current is never read; the loader then reads the database and writes a
/// new one, removing the old.
/// </summary>
internal static class PopulationSnapshot
{
    private const int Format = 1;
    private const int Magic = 0x59504F50; // "POPY"

    /// <summary>What names a snapshot: the data it was read from (see the class summary).</summary>
    public sealed record Key(long Seq, long Residents, long Imports, int Dictionary, int? Day)
    {
        public override string ToString() => $"{Format}-{Seq}-{Residents}-{Imports}-{Dictionary}{(Day is { } d ? $"-{d}" : "")}";

        /// <summary>The key a snapshot's file name carries; null for a file of another format or name.</summary>
        public static Key? FromPath(string path)
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            var parts = name.StartsWith("population-", StringComparison.Ordinal) ? name["population-".Length..].Split('-') : [];
            var numbers = new List<long>();
            foreach (var part in parts)
            {
                if (!long.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                numbers.Add(number);
            }

            return numbers is [Format, var seq, var residents, var imports, var dictionary, .. var day] && day.Count <= 1
                ? new Key(seq, residents, imports, (int)dictionary, day.Count == 1 ? (int)day[0] : null)
                : null;
        }
    }

    /// <summary>The key of the data as it is now (three small queries over indexed columns).</summary>
    public static async Task<Key> KeyAsync(
        PoliciesDbContext db, FactCatalog facts, int dictionaryVersion, DateOnly? on, CancellationToken ct)
    {
        var seq = await db.Households.MaxAsync(h => (long?)h.ChangeSeq, ct) ?? 0;
        var residents = await db.Residents.LongCountAsync(ct);
        var imports = await db.Imports.LongCountAsync(ct);
        var dated = facts.Reported.Any(f => f.ValidDays is not null) && on is { } day ? day.DayNumber : (int?)null;
        return new Key(seq, residents, imports, dictionaryVersion, dated);
    }

    public static string PathFor(string directory, Key key) => PathFor(directory, key.ToString());

    public static string PathFor(string directory, string key) => System.IO.Path.Combine(directory, $"population-{key}.bin");

    /// <summary>
    /// The newest snapshot an incremental read can bring up to <paramref name="current"/>: same dictionary and date, taken
    /// at an earlier import sequence number; null when there is none.
    /// </summary>
    public static (Key Key, string Path)? Before(string directory, Key current) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "population-*.bin")
                .Select(f => (Key: Key.FromPath(f), Path: f))
                .Where(f => f.Key is { } k && k != current && k.Seq <= current.Seq
                    && (k.Dictionary, k.Day) == (current.Dictionary, current.Day))
                .OrderByDescending(f => f.Key!.Seq).Select(f => ((Key, string)?)(f.Key!, f.Path)).FirstOrDefault()
            : null;

    /// <summary>The population saved under this key, or null when there is none (or it cannot be read: it is then rebuilt).</summary>
    public static Population? TryRead(string path, FactCatalog facts)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Format)
            {
                return null;
            }

            var population = new Population(reader.ReadInt32(), reader.ReadInt32());
            Fill(stream, population.Household);
            Fill(stream, population.IsHead);
            Fill(stream, population.ResidentIds);
            Fill(stream, population.HouseholdIds);
            ReadStrings(reader, population.Receiving);
            var columns = reader.ReadInt32();
            for (var c = 0; c < columns; c++)
            {
                var name = reader.ReadString();
                if (population.Find(name) is null)
                {
                    population.Declare(facts.Find(name) ?? throw new InvalidDataException($"Unknown fact {name}."));
                }

                switch (population.Find(name))
                {
                    case Population.NumberColumn n: Fill(stream, n.Data); break;
                    case Population.BooleanColumn b: Fill(stream, b.Data); break;
                    case Population.ChoiceColumn ch: Fill(stream, ch.Data); break;
                    case Population.DateColumn d: Fill(stream, d.Data); break;
                    case Population.RegionColumn r: ReadStrings(reader, r.Data); break;
                }
            }

            return population;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the population under its key (to a temporary file first, so a reader never sees half a file) and removes older ones.
    /// </summary>
    public static void Write(string path, Population population, IEnumerable<string> columns)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = new BufferedStream(File.Create(temporary), 1 << 20))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(population.Count);
            writer.Write(population.HouseholdCount);
            writer.Flush();
            stream.Write(MemoryMarshal.AsBytes(population.Household.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(population.IsHead.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(population.ResidentIds.AsSpan()));
            stream.Write(MemoryMarshal.AsBytes(population.HouseholdIds.AsSpan()));
            WriteStrings(writer, population.Receiving);
            var names = columns.Where(n => population.Find(n) is not null).ToList();
            writer.Write(names.Count);
            foreach (var name in names)
            {
                writer.Write(name);
                writer.Flush();
                switch (population.Find(name))
                {
                    case Population.NumberColumn n: stream.Write(MemoryMarshal.AsBytes(n.Data.AsSpan())); break;
                    case Population.BooleanColumn b: stream.Write(MemoryMarshal.AsBytes(b.Data.AsSpan())); break;
                    case Population.ChoiceColumn ch: stream.Write(MemoryMarshal.AsBytes(ch.Data.AsSpan())); break;
                    case Population.DateColumn d: stream.Write(MemoryMarshal.AsBytes(d.Data.AsSpan())); break;
                    case Population.RegionColumn r: WriteStrings(writer, r.Data); break;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        foreach (var old in Directory.EnumerateFiles(directory, "population-*.bin").Where(f => f != path))
        {
            File.Delete(old);
        }
    }

    private static void Fill<T>(Stream stream, T[] array)
        where T : struct => stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));

    /// <summary>Strings repeat (regions, lists of benefits): a table of the distinct ones, then an index per row (−1 for none).</summary>
    private static void WriteStrings(BinaryWriter writer, string?[] values)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            indexes[i] = values[i] is { } v ? (table.TryGetValue(v, out var at) ? at : table[v] = table.Count) : -1;
        }

        writer.Write(table.Count);
        foreach (var value in table.OrderBy(t => t.Value).Select(t => t.Key))
        {
            writer.Write(value);
        }

        writer.Flush();
        writer.BaseStream.Write(MemoryMarshal.AsBytes(indexes.AsSpan()));
    }

    private static void ReadStrings(BinaryReader reader, string?[] values)
    {
        var table = new string[reader.ReadInt32()];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = reader.ReadString();
        }

        var indexes = new int[values.Length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(indexes.AsSpan()));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = indexes[i] < 0 ? null : table[indexes[i]];
        }
    }
}
