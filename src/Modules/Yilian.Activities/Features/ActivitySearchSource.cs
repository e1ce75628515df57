using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;

namespace Yilian.Activities.Features;

/// <summary>Published activities in the search box, by title, then whom they are for, their venue and its address; found while
/// they are published (a cancelled or finished one leaves). Called by the search indexer in the system scope.</summary>
internal sealed class ActivitySearchSource(ActivitiesDbContext db) : ISearchSource
{
    public string Kind => "activity";

    public IReadOnlyCollection<string> Watches { get; } = [nameof(Activity), nameof(Venue)];

    public async Task<IReadOnlyDictionary<string, SearchDocument?>> AffectedAsync(string entityType, IReadOnlyCollection<string> entityIds,
        CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var activities = entityType == nameof(Venue)
            ? await db.Activities.AsNoTracking().Where(a => a.VenueId != null && ids.Contains(a.VenueId.Value)).ToListAsync(ct)
            : await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var documents = await DocumentsAsync(activities, ct);
        var answer = activities.ToDictionary(a => a.Id.ToString(), a => documents.GetValueOrDefault(a.Id));
        foreach (var gone in ids.Where(_ => entityType == nameof(Activity)).Select(i => i.ToString()).Where(i => !answer.ContainsKey(i)))
        {
            answer[gone] = null;
        }

        return answer;
    }

    public async Task<IReadOnlyList<SearchDocument>> PageAsync(string? after, int take, CancellationToken ct)
    {
        var from = Guid.TryParse(after, out var id) ? id : Guid.Empty;
        var page = await db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Published && a.Id.CompareTo(from) > 0)
            .OrderBy(a => a.Id).Take(take).ToListAsync(ct);
        var documents = await DocumentsAsync(page, ct);
        return [.. page.Select(a => documents.GetValueOrDefault(a.Id)).OfType<SearchDocument>()];
    }

    private async Task<Dictionary<Guid, SearchDocument>> DocumentsAsync(IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var shown = activities.Where(a => a.Status == ActivityStatus.Published).ToList();
        var venueIds = shown.Where(a => a.VenueId != null).Select(a => a.VenueId!.Value).Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        return shown.ToDictionary(a => a.Id, a =>
        {
            var venue = a.VenueId is { } v ? venues.GetValueOrDefault(v) : null;
            var place = a.Online ? ActivityText.Get("Search_Online") : venue?.Name ?? "";
            var when = ChinaTime.ToChina(a.Start).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            return new SearchDocument(a.Id.ToString(), a.Title, string.Join(' ', a.TargetGroup, place, venue?.Address),
                string.Join(" · ", when, place), $"/activities#a-{a.Id}", SearchAudience.Public, a.Start,
                a.Online || venue is null ? null : MapPlace.Of(venue.Latitude, venue.Longitude, a.RegionCode));
        });
    }
}
