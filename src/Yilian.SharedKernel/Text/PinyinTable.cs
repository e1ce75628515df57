using System.Collections.Frozen;
using System.Reflection;

namespace Yilian.SharedKernel.Text;

/// <summary>
/// Readings and variants from Unicode's Unihan data (kMandarin without tones, the first simplified variant; see
/// <c>tools/unihan/generate.py</c>), and a short list of words whose polyphonic characters read otherwise in place and service
/// names (银行 yin hang, 重庆 chong qing, 会计 kuai ji), kept as data in <c>pinyin-phrases.tsv</c>: within such a word only
/// its listed readings count.
/// </summary>
public sealed class PinyinTable
{
    private static readonly Lazy<PinyinTable> Loaded = new(Load);

    private readonly FrozenDictionary<char, string[]> _readings;
    private readonly FrozenDictionary<char, char> _simplified;
    private readonly (string Word, string[] Readings)[] _phrases;

    private PinyinTable(FrozenDictionary<char, string[]> readings, FrozenDictionary<char, char> simplified,
        (string Word, string[] Readings)[] phrases)
    {
        (_readings, _simplified, _phrases) = (readings, simplified, phrases);
        Syllables = readings.Values.SelectMany(r => r).Concat(phrases.SelectMany(p => p.Readings)).ToFrozenSet(StringComparer.Ordinal);
        var all = readings.ToDictionary(r => r.Key, r => r.Value.AsEnumerable());
        foreach (var (word, read) in phrases)
        {
            for (var k = 0; k < word.Length; k++)
            {
                all[word[k]] = all.TryGetValue(word[k], out var own) ? own.Append(read[k]) : [read[k]];
            }
        }

        _anyReading = all.ToFrozenDictionary(r => r.Key, r => r.Value.Distinct().ToArray());
    }

    private readonly FrozenDictionary<char, string[]> _anyReading;

    /// <summary>Every syllable some character reads as.</summary>
    public FrozenSet<string> Syllables { get; }

    /// <summary>Every reading the character has anywhere: its own and those the listed words give it.</summary>
    public IReadOnlyList<string> AnyReading(char c) => _anyReading.TryGetValue(c, out var r) ? r : [];

    public static PinyinTable Default => Loaded.Value;

    /// <summary>The character's readings without tones (ü as v), most common first; none for a character that is not Han.</summary>
    public IReadOnlyList<string> Readings(char c) => _readings.TryGetValue(c, out var r) ? r : [];

    /// <summary>The simplified form of a traditional character; any other character as it is.</summary>
    public char Simplified(char c) => _simplified.TryGetValue(c, out var s) ? s : c;

    /// <summary>The readings of each character of a normalized text, the listed words' readings replacing the characters' own
    /// where a word occurs.</summary>
    public IReadOnlyList<string>[] ReadingsOf(string normalized)
    {
        var result = new IReadOnlyList<string>[normalized.Length];
        for (var i = 0; i < normalized.Length; i++)
        {
            result[i] = Readings(normalized[i]);
        }

        // Where two listed words overlap, a character keeps the readings of both.
        var listed = new bool[normalized.Length];
        foreach (var (word, readings) in _phrases)
        {
            for (var at = normalized.IndexOf(word, StringComparison.Ordinal); at >= 0;
                at = normalized.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                for (var k = 0; k < word.Length; k++)
                {
                    result[at + k] = listed[at + k] ? [.. result[at + k].Union([readings[k]])] : [readings[k]];
                    listed[at + k] = true;
                }
            }
        }

        return result;
    }

    private static PinyinTable Load()
    {
        var readings = Rows("unihan-pinyin.tsv").ToFrozenDictionary(r => r[0][0], r => r[1].Split(' '));
        var simplified = Rows("unihan-simplified.tsv").ToFrozenDictionary(r => r[0][0], r => r[1][0]);
        var phrases = Rows("pinyin-phrases.tsv").Select(r => (r[0], r[1].Split(' '))).ToArray();
        foreach (var (word, read) in phrases)
        {
            if (word.Length != read.Length)
            {
                throw new InvalidDataException($"pinyin-phrases.tsv: {word} has {word.Length} characters but {read.Length} readings.");
            }
        }

        return new PinyinTable(readings, simplified, phrases);
    }

    private static List<string[]> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Yilian.SharedKernel.Text." + name)
            ?? throw new InvalidOperationException($"The embedded table {name} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
