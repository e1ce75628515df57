using Yilian.SharedKernel.Text;

namespace Yilian.SharedKernel.Tests;

/// <summary>
/// The grams an index keeps lose no match: on random documents and random queries (Chinese substrings, their pinyin in full,
/// as initials and mixed, traditional and full-width forms, Latin words, noise), the documents found through the grams and
/// then checked by the matcher are exactly those the matcher finds by reading every document.
/// </summary>
public class ChineseGramsTests
{
    [Fact]
    public void Grams_Find_Exactly_What_The_Matcher_Finds()
    {
        var random = new Random(20261204);
        var documents = Enumerable.Range(0, 400).Select(_ => ChineseSamples.Document(random)).ToList();
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var gram in ChineseGrams.OfText(documents[d]))
            {
                (index.TryGetValue(gram, out var set) ? set : index[gram] = []).Add(d);
            }
        }

        var checkedQueries = 0;
        foreach (var query in Enumerable.Range(0, 900).Select(i => ChineseSamples.Query(random, documents, fromStart: i % 3 == 0)))
        {
            var expected = Enumerable.Range(0, documents.Count).Where(d => ChineseMatcher.Find(documents[d], query).Count > 0).ToList();
            var alternatives = ChineseGrams.OfQuery(query);
            if (alternatives is null)
            {
                expected.ShouldBeEmpty(query);
                continue;
            }

            // A document is a candidate when, for every term, it has all the grams of one of the term's alternatives.
            var candidates = Enumerable.Range(0, documents.Count).Where(d => alternatives.All(term => term.Any(a =>
                a.Grams.All(g => index.TryGetValue(g, out var set) && set.Contains(d))))).ToList();
            candidates.Where(d => ChineseMatcher.Find(documents[d], query).Count > 0).ShouldBe(expected, query);

            // A document a one-term query matches at its first character has, for some alternative, the lead at its start.
            var begun = expected.Where(d => alternatives.Count == 1 && ChineseMatcher.Find(documents[d], query).Any(x => x.Start == 0));
            foreach (var d in begun)
            {
                var start = ChineseGrams.OfTextStart(documents[d]);
                alternatives[0].Any(a => start.Contains(a.Lead) && a.Grams.All(g => index.GetValueOrDefault(g)?.Contains(d) == true))
                    .ShouldBeTrue($"{query} begins {documents[d]}");
            }

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
        ChineseGrams.OfQuery(query)!.Single().ShouldContain(a => a.Grams.All(grams.Contains), query);
    }
}
