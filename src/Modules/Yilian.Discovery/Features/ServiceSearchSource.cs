using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Data;
using Yilian.Discovery.Domain;
using Yilian.Platform.Contracts;

namespace Yilian.Discovery.Features;

/// <summary>The service catalogue in the search box: a listed service by its name, then its category, keywords, provider, place
/// and address. Called by the indexer in the system scope.</summary>
internal sealed class ServiceSearchSource(DiscoveryDbContext db) : ISearchSource
{
    public string Kind => "service";

    public IReadOnlyCollection<string> Watches { get; } = [nameof(ServiceEntry)];

    public async Task<IReadOnlyDictionary<string, SearchDocument?>> AffectedAsync(string entityType, IReadOnlyCollection<string> entityIds,
        CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var found = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return ids.ToDictionary(i => i.ToString(), i => found.TryGetValue(i, out var s) ? DocumentOf(s) : null);
    }

    public async Task<IReadOnlyList<SearchDocument>> PageAsync(string? after, int take, CancellationToken ct)
    {
        var from = Guid.TryParse(after, out var id) ? id : Guid.Empty;
        var page = await db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Listed && s.Id.CompareTo(from) > 0)
            .OrderBy(s => s.Id).Take(take).ToListAsync(ct);
        return [.. page.Select(DocumentOf).OfType<SearchDocument>()];
    }

    private static SearchDocument? DocumentOf(ServiceEntry s) => s.Status != ServiceStatus.Listed ? null : new SearchDocument(
        s.Id.ToString(), s.Name, string.Join(' ', Services.CategoryName(s.Category), s.Keywords, s.Provider, s.RegionName, s.Address),
        string.Join(" · ", Services.CategoryName(s.Category), s.Provider, s.RegionName), $"/services/{s.Id}", SearchAudience.Public,
        s.UpdatedAt, MapPlace.Of(s.Latitude, s.Longitude, s.RegionCode), s.Category);
}
