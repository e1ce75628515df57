namespace Yilian.Platform.Contracts;

/// <summary>Who may find a searchable record: anyone (the resident portal) or back-office staff only.</summary>
public enum SearchAudience
{
    Public = 0,
    Staff = 1,
}

/// <summary>
/// One thing the search box can find, as its module describes it now: what the query must match (<paramref name="Name"/>, then
/// <paramref name="Keywords"/>: category, provider, place…), a line to show under the name, and the page it opens.
/// </summary>
/// <param name="SourceId">The record's id in its module (the audit trail's entity id).</param>
/// <param name="Recent">When it happened or was last published: the tie-break after the match's place.</param>
/// <param name="Place">Where it is, when it has a place on the charity map.</param>
/// <param name="Category">What the map filters it by (a service's category), when it has one.</param>
public sealed record SearchDocument(string SourceId, string Name, string Keywords, string Summary, string Url, SearchAudience Audience,
    DateTimeOffset Recent, MapPlace? Place = null, string? Category = null);

/// <summary>A point on the charity map (GCJ-02, as Chinese map tiles and phones' map apps use) and the community it is in.</summary>
public sealed record MapPlace(double Latitude, double Longitude, string RegionCode)
{
    /// <summary>The place when both coordinates are known and inside the range China's maps cover; otherwise null.</summary>
    public static MapPlace? Of(double? latitude, double? longitude, string regionCode) =>
        latitude is { } lat && longitude is { } lng && Covers(lat, lng) ? new MapPlace(lat, lng, regionCode) : null;

    /// <summary>Whether a latitude (3–54) and a longitude (73–136) lie in the range China's maps cover.</summary>
    public static bool CoversLatitude(double latitude) => latitude is >= 3 and <= 54;

    public static bool CoversLongitude(double longitude) => longitude is >= 73 and <= 136;

    public static bool Covers(double latitude, double longitude) => CoversLatitude(latitude) && CoversLongitude(longitude);
}

/// <summary>
/// Implemented by each module that has things to find (services, public activities, organizations, policies…). The search index
/// follows the audit trail: when a record of one of <see cref="Watches"/> is written, it asks the source for the documents of the
/// records that change touches, and keeps them within a second (decision 033).
/// </summary>
public interface ISearchSource
{
    /// <summary>Short and stable: <c>service</c>, <c>activity</c>, <c>organization</c>, <c>policy</c>.</summary>
    string Kind { get; }

    /// <summary>The entity types (as the audit trail names them) whose writes may change this source's documents.</summary>
    IReadOnlyCollection<string> Watches { get; }

    /// <summary>For records written (entity type and ids from the audit trail), each affected document's source id with its
    /// document now, or null when it is no longer to be found (withdrawn, unpublished, deleted).</summary>
    Task<IReadOnlyDictionary<string, SearchDocument?>> AffectedAsync(string entityType, IReadOnlyCollection<string> entityIds,
        CancellationToken ct);

    /// <summary>Every document, in pages after <paramref name="after"/> (null: from the start), by source id; for a rebuild.</summary>
    Task<IReadOnlyList<SearchDocument>> PageAsync(string? after, int take, CancellationToken ct);
}

/// <summary>What search sources share.</summary>
public static class SearchSourceIds
{
    /// <summary>The audit trail's entity ids that are GUIDs (a source's records), others left out.</summary>
    public static List<Guid> Guids(IReadOnlyCollection<string> entityIds) =>
        [.. entityIds.Select(i => Guid.TryParse(i, out var id) ? id : Guid.Empty).Where(i => i != Guid.Empty)];
}
