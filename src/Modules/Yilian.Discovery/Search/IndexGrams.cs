using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Search;

/// <summary>
/// The grams a document is indexed under: <see cref="ChineseGrams.OfText"/> of its text, and its name's starting grams
/// (<see cref="ChineseGrams.OfTextStart"/>) marked <c>^</c>, so the names a query begins are read first and ranked before the rest.
/// </summary>
internal static class IndexGrams
{
    public const string PrefixMark = "^";

    public static IReadOnlySet<string> Of(string name, string text)
    {
        var grams = new HashSet<string>(ChineseGrams.OfText(text), StringComparer.Ordinal);
        grams.UnionWith(ChineseGrams.OfTextStart(name).Select(g => PrefixMark + g));
        return grams;
    }
}
