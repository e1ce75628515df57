using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Search;

/// <summary>
/// Where a document stands for a query, by the matching rules alone (decision 032): null when some term matches nowhere in its
/// text; else exact or prefix when the whole query matches its name so, else inside. Search orders by this, then by recency;
/// the index's answers are tested against this applied to every document.
/// </summary>
internal static class SearchRanking
{
    /// <summary>What stands between a name and its keywords in the indexed text: no term matches across it.</summary>
    public const string Separator = " | ";

    public static string TextOf(string name, string keywords) => keywords.Length == 0 ? name : name + Separator + keywords;

    public static MatchPlace? Rank(string name, string text, string query)
    {
        if (ChineseMatcher.Find(text, query).Count == 0)
        {
            return null;
        }

        var place = ChineseMatcher.Place(name, query);
        return place is MatchPlace.Exact or MatchPlace.Prefix ? place : MatchPlace.Inside;
    }
}
