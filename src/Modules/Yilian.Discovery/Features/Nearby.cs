using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Data;
using Yilian.Discovery.Domain;
using Yilian.Discovery.Map;
using Yilian.Discovery.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Discovery.Features;

/// <param name="Meters">Great-circle distance from the centre, rounded to the metre.</param>
public sealed record NearbyItemDto(string Kind, string Id, string Name, string Summary, string Url, string? Category, double Latitude,
    double Longitude, int Meters, DateTimeOffset Recent);

/// <param name="Community">The community the centre stands for, when the search was by community.</param>
public sealed record NearbyAnswer(double Latitude, double Longitude, string? Community, IReadOnlyList<NearbyItemDto> Items);

/// <summary>What a nearby search was asked, as typed (query string or form); every part optional but a centre.</summary>
public sealed record NearbyQuery(string? Lat, string? Lng, string? Community, string? Kind, string? Category, string? When, string? Limit);

/// <summary>
/// The charity map's search (公益地图): the activities, services and organizations nearest to where the resident is (the phone's
/// location, given for this search and not kept) or to a community they choose, by kind, category and when an activity starts.
/// </summary>
internal sealed class Nearby(NearbyEngine engine, DiscoveryDbContext db, IRegionDirectory regions, ICurrentUser user, TimeProvider clock,
    IEnumerable<ISearchSource> sources)
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 50;

    public static readonly IReadOnlyList<string> Whens = ["today", "week", "month"];

    /// <summary>The kinds that can have a place on the map, in the order the page offers them.</summary>
    public IReadOnlyList<string> Kinds { get; } = [.. sources.Select(s => s.Kind).Distinct().Where(k => k != "policy")
        .OrderBy(k => k == "activity" ? 0 : k == "service" ? 1 : 2)];

    public async Task<NearbyAnswer> FindAsync(NearbyQuery query, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string field, string key, params object[] args) => problems.TryAdd(field, [DiscoveryText.Get(key, args)]);

        var kinds = (query.Kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()
            .ToList();
        if (kinds.Any(k => !Kinds.Contains(k)))
        {
            Problem("kind", "Search_UnknownKind", string.Join(", ", Kinds));
        }

        var category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim();
        if (category is not null && !ServiceCategories.All.Contains(category))
        {
            Problem("category", "Nearby_UnknownCategory", string.Join(", ", ServiceCategories.All));
        }

        var when = string.IsNullOrWhiteSpace(query.When) ? null : query.When.Trim();
        if (when is not null && !Whens.Contains(when))
        {
            Problem("when", "Nearby_UnknownWhen", string.Join(", ", Whens));
        }

        var limit = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(query.Limit) && (!int.TryParse(query.Limit, NumberStyles.None, CultureInfo.InvariantCulture,
            out limit) || limit is < 1 or > MaxLimit))
        {
            Problem("limit", "Nearby_BadLimit", MaxLimit);
        }

        var centre = await CentreAsync(query, Problem, ct);
        if (problems.Count > 0 || centre is not var (latitude, longitude, community))
        {
            throw new InputValidationException(problems);
        }

        var (from, to) = Window(when);
        var audience = DiscoveryPermissions.SearchesStaffContent(user) ? SearchAudience.Staff : SearchAudience.Public;
        var hits = await engine.NearestAsync(latitude, longitude, new NearbyFilter(kinds, category, from, to, audience, limit), ct);
        return new NearbyAnswer(latitude, longitude, community, [.. hits.Select(h => new NearbyItemDto(h.Point.Kind, h.Point.SourceId,
            h.Point.Name, h.Point.Summary, h.Point.Url, h.Point.Category, h.Point.Latitude, h.Point.Longitude,
            (int)Math.Round(h.Meters), h.Point.Recent))]);
    }

    /// <summary>The centre: coordinates given (both, inside China's maps), or a community's centre — the mean of its places on the
    /// map; null with the problem added when neither can be had.</summary>
    private async Task<(double, double, string?)?> CentreAsync(NearbyQuery query, Action<string, string, object[]> problem,
        CancellationToken ct)
    {
        var hasLat = !string.IsNullOrWhiteSpace(query.Lat);
        var hasLng = !string.IsNullOrWhiteSpace(query.Lng);
        if (hasLat || hasLng)
        {
            var latOk = double.TryParse(query.Lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && MapPlace.CoversLatitude(lat);
            var lngOk = double.TryParse(query.Lng, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
                && MapPlace.CoversLongitude(lng);
            if (!latOk)
            {
                problem("lat", hasLat ? "Nearby_BadLatitude" : "Nearby_BothCoordinates", []);
            }

            if (!lngOk)
            {
                problem("lng", hasLng ? "Nearby_BadLongitude" : "Nearby_BothCoordinates", []);
            }

            return latOk && lngOk ? (lat, lng, null) : null;
        }

        if (string.IsNullOrWhiteSpace(query.Community))
        {
            problem("lat", "Nearby_NoCentre", []);
            return null;
        }

        var code = query.Community.Trim();
        var region = code.Length <= 12 ? await regions.FindAsync(code, ct) : null;
        if (region is null)
        {
            problem("community", "Nearby_UnknownCommunity", []);
            return null;
        }

        var places = await db.MapPoints.AsNoTracking().Where(p => p.RegionCode == code && p.Audience == SearchAudience.Public)
            .GroupBy(_ => 1).Select(g => new { Lat = g.Average(p => p.Latitude), Lng = g.Average(p => p.Longitude) })
            .FirstOrDefaultAsync(ct);
        if (places is null)
        {
            problem("community", "Nearby_CommunityNotOnMap", [region.Name]);
            return null;
        }

        return (places.Lat, places.Lng, region.Name);
    }

    /// <summary>When an activity must start to be shown: from now to the end of today, the next seven or thirty days.</summary>
    private (DateTimeOffset?, DateTimeOffset?) Window(string? when)
    {
        var now = clock.GetUtcNow();
        return when switch
        {
            "today" => (now, new DateTimeOffset(ChinaTime.Today(clock).AddDays(1), TimeOnly.MinValue, ChinaTime.Now(clock).Offset)),
            "week" => (now, now.AddDays(7)),
            "month" => (now, now.AddDays(30)),
            _ => (null, null),
        };
    }
}
