using Yilian.Discovery.Domain;
using Yilian.Discovery.Resources;
using Yilian.Discovery.Search;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Text;

namespace Yilian.Discovery.Features;

/// <summary>Where a term landed in a hit's name (characters of the name as shown).</summary>
public sealed record HighlightDto(int Start, int Length);

/// <param name="Place">exact, prefix or inside: how the name matched (the rank before recency).</param>
public sealed record SearchHitDto(string Kind, string Id, string Name, string Summary, string Url, string Place,
    IReadOnlyList<HighlightDto> Highlights, DateTimeOffset Recent);

/// <param name="More">More of this kind match than are shown.</param>
public sealed record SearchGroupDto(string Kind, string Title, IReadOnlyList<SearchHitDto> Hits, bool More);

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchGroupDto> Groups)
{
    public int Count => Groups.Sum(g => g.Hits.Count);
}

/// <summary>
/// The one search box (一键搜索): services, public activities, organizations and policies at once, grouped by kind, in Chinese of
/// any length, pinyin (full, initials, mixed), traditional or full-width characters (decisions 032, 033). Back-office staff also
/// find what is for staff only.
/// </summary>
internal sealed class Searches(SearchEngine engine, IEnumerable<ISearchSource> sources, ICurrentUser user)
{
    /// <summary>Characters a query may have: a name or a few words, not a document.</summary>
    public const int MaxQuery = 50;

    public const int DefaultLimit = 5;

    public const int MaxLimit = 50;

    /// <summary>The groups' order on the page: what a resident most often looks for first; kinds not named come last.</summary>
    private static readonly List<string> Order = ["service", "activity", "policy", "organization"];

    public async Task<SearchAnswer> SearchAsync(string? q, string? kind, int? limit, CancellationToken ct)
    {
        var query = q?.Trim() ?? "";
        if (query.Length == 0)
        {
            throw InputValidationException.For("q", DiscoveryText.Get("Search_Empty"));
        }

        if (query.Length > MaxQuery)
        {
            throw InputValidationException.For("q", DiscoveryText.Get("Search_TooLong", MaxQuery));
        }

        if (ChineseMatcher.Terms(query).Count == 0)
        {
            throw InputValidationException.For("q", DiscoveryText.Get("Search_NothingToFind"));
        }

        var kinds = sources.Select(s => s.Kind).Distinct().OrderBy(k => Order.IndexOf(k) is >= 0 and var i ? i : int.MaxValue).ToList();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!kinds.Contains(kind.Trim()))
            {
                throw InputValidationException.For("kind", DiscoveryText.Get("Search_UnknownKind", string.Join(", ", kinds)));
            }

            kinds = [kind.Trim()];
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw InputValidationException.For("limit", DiscoveryText.Get("Search_BadLimit", MaxLimit));
        }

        var audience = DiscoveryPermissions.SearchesStaffContent(user) ? SearchAudience.Staff : SearchAudience.Public;
        var found = await engine.SearchAsync(query, kinds, audience, limit ?? DefaultLimit, ct);
        return new SearchAnswer(query, [.. found.Select(k => new SearchGroupDto(k.Kind, KindTitle(k.Kind),
            [.. k.Hits.Select(h => new SearchHitDto(h.Kind, h.SourceId, h.Name, h.Summary, h.Url, h.Place.ToString().ToLowerInvariant(),
                [.. h.NameSpans.Select(s => new HighlightDto(s.Start, s.Length))], h.Recent))], k.More))]);
    }

    public static string KindTitle(string kind) => DiscoveryText.Get("Kind_" + kind);
}
