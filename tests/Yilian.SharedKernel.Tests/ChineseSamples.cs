using Yilian.SharedKernel.Text;

namespace Yilian.SharedKernel.Tests;

/// <summary>
/// Random documents and queries for the search tests (the grams here, the stored index in the web tests): words with polyphones,
/// homophones, traditional and full-width forms; queries as residents type them — characters, full pinyin with or without
/// spaces, initials, mixed, a syllable being typed, Latin noise, two terms.
/// </summary>
internal static class ChineseSamples
{
    public static readonly string[] Words =
    [
        "养老", "服务", "中心", "银行", "会计", "景点", "经典", "重庆", "重阳", "长者", "长江", "社区", "儿童", "助餐", "志愿者", "绿色",
        "家园", "成都", "音乐", "快乐", "培训", "中国", "行业", "步行", "會計", "養老", "長者", "ＡＢＣ", "WiFi", "24小时", "便民",
        "调解", "单位", "日间照料", "康复", "驿站", "学堂", "法律", "援助", "女性", "就业", "残疾人", "退役军人", "万家", "沈阳", "适老化",
        "河堤",
    ];

    public static string Document(Random random) => string.Concat(Enumerable.Range(0, random.Next(2, 7)).Select(_ =>
        random.Next(6) == 0 ? " " : Words[random.Next(Words.Length)]));

    /// <summary>A part of a random document as typed in one of the ways a resident types, or something absent.</summary>
    public static string Query(Random random, List<string> documents, bool fromStart = false)
    {
        var text = ChineseText.Normalize(documents[random.Next(documents.Count)]).Replace(" ", "", StringComparison.Ordinal);
        var start = fromStart ? 0 : random.Next(text.Length);
        var part = text.Substring(start, Math.Min(text.Length - start, random.Next(1, 6)));
        var readings = PinyinTable.Default.ReadingsOf(part);
        string Read(int i, bool initial) => readings[i].Count == 0 ? part[i].ToString()
            : initial ? readings[i][random.Next(readings[i].Count)][..1] : readings[i][random.Next(readings[i].Count)];
        return random.Next(8) switch
        {
            0 => part,
            1 => string.Concat(part.Select((_, i) => Read(i, false))),
            2 => string.Concat(part.Select((_, i) => Read(i, true))),
            3 => string.Concat(part.Select((c, i) => random.Next(2) == 0 ? c.ToString() : Read(i, random.Next(2) == 0))),
            4 => string.Join(' ', part.Select((_, i) => Read(i, false))),
            5 => Read(0, false)[..Math.Max(1, Read(0, false).Length - 1)],
            6 => new string([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (char)('a' + random.Next(26)))]),
            _ => part + " " + Words[random.Next(Words.Length)],
        };
    }
}
