using Yilian.SharedKernel.Text;

namespace Yilian.SharedKernel.Tests;

/// <summary>
/// The grams an index keeps lose no match: on random documents and random queries (Chinese substrings, their pinyin in full,
/// as initials and mixed, traditional and full-width forms, Latin words, noise), the documents found through the grams and
/// then checked by the matcher are exactly those the matcher finds by reading every document.
/// </summary>
public class ChineseGramsTests
{
    private static readonly string[] Words =
    [
        "养老", "服务", "中心", "银行", "会计", "景点", "经典", "重庆", "重阳", "长者", "长江", "社区", "儿童", "助餐", "志愿者", "绿色",
        "家园", "成都", "音乐", "快乐", "培训", "中国", "行业", "步行", "會計", "養老", "長者", "ＡＢＣ", "WiFi", "24小时", "便民",
        "调解", "单位", "日间照料", "康复", "驿站", "学堂", "法律", "援助", "女性", "就业", "残疾人", "退役军人", "万家", "沈阳", "适老化",
        "河堤",
    ];

    [Fact]
    public void Grams_Find_Exactly_What_The_Matcher_Finds()
    {
        var random = new Random(20261204);
        var documents = Enumerable.Range(0, 400).Select(_ => Document(random)).ToList();
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var gram in ChineseGrams.OfText(documents[d]))
            {
                (index.TryGetValue(gram, out var set) ? set : index[gram] = []).Add(d);
            }
        }

        var checkedQueries = 0;
        foreach (var query in Enumerable.Range(0, 600).Select(_ => Query(random, documents)))
        {
            var expected = Enumerable.Range(0, documents.Count).Where(d => ChineseMatcher.Find(documents[d], query).Count > 0).ToList();
            var alternatives = ChineseGrams.OfQuery(query);
            if (alternatives is null)
            {
                expected.ShouldBeEmpty(query);
                continue;
            }

            // A document is a candidate when, for every term, it has all the grams of one of the term's alternatives.
            var candidates = Enumerable.Range(0, documents.Count).Where(d => alternatives.All(term => term.Any(grams =>
                grams.All(g => index.TryGetValue(g, out var set) && set.Contains(d))))).ToList();
            candidates.Where(d => ChineseMatcher.Find(documents[d], query).Count > 0).ShouldBe(expected, query);
            checkedQueries += expected.Count > 0 ? 1 : 0;
        }

        checkedQueries.ShouldBeGreaterThan(300, "most random queries should find something");
    }

    [Theory]
    [InlineData("养老", "yanglao")]
    [InlineData("会计", "kuaiji")]
    [InlineData("银行网点", "yhwd")]
    [InlineData("中国", "zhg")]
    public void Known_Matches_Keep_Their_Grams(string text, string query)
    {
        var grams = ChineseGrams.OfText(text);
        ChineseGrams.OfQuery(query)!.Single().ShouldContain(a => a.All(grams.Contains), query);
    }

    private static string Document(Random random) => string.Concat(Enumerable.Range(0, random.Next(2, 7)).Select(_ =>
        random.Next(6) == 0 ? " " : Words[random.Next(Words.Length)]));

    /// <summary>A part of a random document as typed in one of the ways a resident types, or something absent.</summary>
    private static string Query(Random random, List<string> documents)
    {
        var text = ChineseText.Normalize(documents[random.Next(documents.Count)]).Replace(" ", "", StringComparison.Ordinal);
        var start = random.Next(text.Length);
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
