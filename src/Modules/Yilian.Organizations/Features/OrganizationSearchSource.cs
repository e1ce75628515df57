using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;

namespace Yilian.Organizations.Features;

/// <summary>Registered organizations in the search box (their published facts: name, legal form, address); deregistered ones
/// are not found. Called by the search indexer in the system scope.</summary>
internal sealed class OrganizationSearchSource(OrganizationsDbContext db) : ISearchSource
{
    public string Kind => "organization";

    public IReadOnlyCollection<string> Watches { get; } = [nameof(Organization)];

    public async Task<IReadOnlyDictionary<string, SearchDocument?>> AffectedAsync(string entityType, IReadOnlyCollection<string> entityIds,
        CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var found = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return ids.ToDictionary(i => i.ToString(), i => found.TryGetValue(i, out var o) ? DocumentOf(o) : null);
    }

    public async Task<IReadOnlyList<SearchDocument>> PageAsync(string? after, int take, CancellationToken ct)
    {
        var from = Guid.TryParse(after, out var id) ? id : Guid.Empty;
        var page = await db.Organizations.AsNoTracking().Where(o => o.Id.CompareTo(from) > 0).OrderBy(o => o.Id).Take(take).ToListAsync(ct);
        return [.. page.Select(DocumentOf).OfType<SearchDocument>()];
    }

    private static SearchDocument? DocumentOf(Organization o)
    {
        if (o.Status == OrganizationStatus.Deregistered)
        {
            return null;
        }

        var type = OrgText.Get("Type_" + o.Type);
        var summary = o.Grade != EvaluationGrade.None ? $"{type} · {OrgText.Get("Grade_" + o.Grade)}" : type;
        return new SearchDocument(o.Id.ToString(), o.Name, string.Join(' ', type, o.Address), string.Join(" · ", summary, o.Address),
            $"/services?organizationId={o.Id}", SearchAudience.Public, o.CreatedAt, MapPlace.Of(o.Latitude, o.Longitude, o.RegionCode));
    }
}
