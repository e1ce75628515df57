using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Data;

namespace Yilian.Discovery.Map;

/// <summary>
/// A findable document that has a place: what the charity map and <c>/api/v1/nearby</c> show. Kept by the search index's writer
/// beside the document's entry (decision 034); on SQLite an R*Tree over (latitude, longitude) follows it by triggers, on
/// PostgreSQL a generated <c>geography</c> column with a GiST index.
/// </summary>
[Unscoped("What the map shows is what search sources publish: public pages' content, or content for all back-office staff.")]
[AuditIgnore]
internal sealed class MapPoint
{
    /// <summary>Given by the writer from the index's numbering; the R*Tree's row id on SQLite.</summary>
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public string SourceId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Url { get; set; } = "";

    public string? Category { get; set; }

    public string RegionCode { get; set; } = "";

    public SearchAudience Audience { get; set; }

    public DateTimeOffset Recent { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The kind and category as one number (<see cref="MapClasses"/>): the R*Tree's third dimension on SQLite, so a search
    /// for one kind or one category reads only those points.</summary>
    public int Class { get; set; }
}

/// <summary>
/// A map point's kind and category as one number, <c>kind × 64 + category</c>: kinds and categories the map knows get their own
/// codes (0 for any other, still filtered exactly by name); a search for a kind reads the range of its codes.
/// </summary>
internal static class MapClasses
{
    public const int Width = 64;

    private static readonly string[] Kinds = ["", "activity", "service", "organization"];

    public static int Of(string kind, string? category) => (KindCode(kind) * Width) + CategoryCode(category);

    private static int CategoryCode(string? category)
    {
        for (var i = 0; category is not null && i < Domain.ServiceCategories.All.Count; i++)
        {
            if (Domain.ServiceCategories.All[i] == category)
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static int KindCode(string kind) => Math.Max(0, Array.IndexOf(Kinds, kind));

    /// <summary>The classes a filter reads, as inclusive ranges, one per kind — with no filter too: the tree is partitioned by
    /// class as much as by place, so a box over every class reads more nodes than one box per kind (p95 54 ms against 9 ms
    /// at a million points).</summary>
    public static IReadOnlyList<(int From, int To)?> Ranges(IReadOnlyCollection<string> kinds, string? category)
    {
        var codes = kinds.Count == 0 ? Enumerable.Range(0, Kinds.Length) : kinds.Select(KindCode).Distinct();
        return [.. codes.Order().Select(code => category is null ? (code * Width, (code * Width) + Width - 1)
            : ((int, int)?)(Of(Kinds[code], category), Of(Kinds[code], category)))];
    }
}
