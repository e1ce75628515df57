using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using Yilian.Discovery.Data;
using Yilian.Platform.Contracts;

namespace Yilian.Discovery.Map;

/// <summary>What a nearby search asks for, besides the centre: kinds (empty: all), a category, the window an activity must start
/// in, who is asking and how many.</summary>
internal sealed record NearbyFilter(IReadOnlyCollection<string> Kinds, string? Category, DateTimeOffset? From, DateTimeOffset? To,
    SearchAudience Audience, int Limit);

/// <summary>A point found, with its great-circle distance from the centre.</summary>
internal sealed record NearbyHit(MapPoint Point, double Meters);

/// <summary>
/// The nearest map points to a centre (decision 034). PostgreSQL orders by the GiST index on the generated geography column
/// (<c>&lt;-&gt;</c>, the sphere's distance), SQLite reads its R*Tree in boxes that grow until the circle inside the box holds
/// enough points — every point outside a box is farther than that circle, so what the circle holds is exactly the nearest.
/// Equal distances (activities at one venue) go newest first. Nothing farther than <see cref="MaxKilometres"/> is "near".
/// </summary>
internal sealed class NearbyEngine(DiscoveryDbContext db)
{
    public const double MaxKilometres = 50;

    /// <summary>The mean Earth radius PostGIS measures a sphere's distance with.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    private const double FirstKilometres = 0.1;

    /// <summary>How many points sharing one place (activities at one venue) are read to order them newest first.</summary>
    private const int TiesRead = 200;

    private const double MetresPerDegree = Math.PI * EarthRadiusMetres / 180;

    public async Task<IReadOnlyList<NearbyHit>> NearestAsync(double latitude, double longitude, NearbyFilter filter, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return await PostgresAsync(latitude, longitude, filter, ct);
        }

        for (var km = FirstKilometres; ; km = Math.Min(km * 2, MaxKilometres))
        {
            var dLat = km * 1000 / MetresPerDegree;
            var dLng = dLat / Math.Max(Math.Cos(double.DegreesToRadians(Math.Min(Math.Abs(latitude) + dLat, 89))), 0.01);
            var inBox = new List<MapPoint>();
            foreach (var range in MapClasses.Ranges(filter.Kinds, filter.Category))
            {
                // One box per class range: the R*Tree prunes other kinds and categories as it prunes distance.
                var parameters = new List<object>();
                var sql = new StringBuilder("SELECT p.* FROM dis_map_rtree r JOIN dis_map_points p ON p.\"Id\" = r.id WHERE ")
                    .Append($"r.min_lat <= {{{Add(parameters, latitude + dLat)}}} ")
                    .Append($"AND r.max_lat >= {{{Add(parameters, latitude - dLat)}}} ")
                    .Append($"AND r.min_lng <= {{{Add(parameters, longitude + dLng)}}} ")
                    .Append($"AND r.max_lng >= {{{Add(parameters, longitude - dLng)}}}");
                if (range is var (from, to))
                {
                    sql.Append($" AND r.min_class <= {{{Add(parameters, to)}}} AND r.max_class >= {{{Add(parameters, from)}}}");
                }

                Where(sql, parameters, filter);
                inBox.AddRange(await db.MapPoints.FromSqlRaw(sql.ToString(), [.. parameters]).AsNoTracking().ToListAsync(ct));
            }

            var inCircle = inBox.Select(p => new NearbyHit(p, Metres(latitude, longitude, p.Latitude, p.Longitude)))
                .Where(h => h.Meters <= km * 1000).ToList();
            if (inCircle.Count >= filter.Limit || km >= MaxKilometres)
            {
                return [.. inCircle.OrderBy(h => h.Meters).ThenByDescending(h => h.Point.Recent).ThenBy(h => h.Point.Id)
                    .Take(filter.Limit)];
            }
        }
    }

    /// <summary>The great-circle distance in metres on the sphere PostGIS uses (haversine).</summary>
    public static double Metres(double lat1, double lng1, double lat2, double lng2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLng = double.DegreesToRadians(lng2 - lng1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The index's own order (<c>&lt;-&gt;</c>, no radius in SQL: <c>ST_DWithin</c>'s cost estimate turned the plan into a JIT-compiled
    /// sequential scan, 1.3 s at a million points), then the points sharing the last one's place — equal distances, which the
    /// index orders arbitrarily, go newest first — when they cross the limit, and nothing past <see cref="MaxKilometres"/>.
    /// </summary>
    private async Task<IReadOnlyList<NearbyHit>> PostgresAsync(double latitude, double longitude, NearbyFilter filter, CancellationToken ct)
    {
        // One more than asked: when it shares the last one's place, equal distances cross the limit and are all read.
        var found = await KnnAsync(longitude, latitude, filter, filter.Limit + 1, ct);
        if (found.Count > filter.Limit && (found[^1].Latitude, found[^1].Longitude) == (found[^2].Latitude, found[^2].Longitude))
        {
            var last = found[^1];
            var atLast = await KnnAsync(last.Longitude, last.Latitude, filter, TiesRead, ct);
            found = [.. found.Concat(atLast.Where(p => p.Latitude == last.Latitude && p.Longitude == last.Longitude))
                .DistinctBy(p => p.Id)];
        }

        return [.. found.Select(p => new NearbyHit(p, Metres(latitude, longitude, p.Latitude, p.Longitude)))
            .Where(h => h.Meters <= MaxKilometres * 1000).OrderBy(h => h.Meters).ThenByDescending(h => h.Point.Recent)
            .ThenBy(h => h.Point.Id).Take(filter.Limit)];
    }

    private async Task<List<MapPoint>> KnnAsync(double longitude, double latitude, NearbyFilter filter, int take, CancellationToken ct)
    {
        var parameters = new List<object>();
        var centre = $"ST_SetSRID(ST_MakePoint({{{Add(parameters, longitude)}}}, {{{Add(parameters, latitude)}}}), 4326)::geography";
        var sql = new StringBuilder("SELECT p.\"Id\", p.\"Kind\", p.\"SourceId\", p.\"Name\", p.\"Summary\", p.\"Url\", p.\"Category\", ")
            .Append("p.\"RegionCode\", p.\"Audience\", p.\"Recent\", p.\"Latitude\", p.\"Longitude\", p.\"Class\" FROM dis_map_points p ")
            .Append("WHERE TRUE");
        Where(sql, parameters, filter);
        sql.Append($" ORDER BY p.geog <-> {centre} LIMIT {{{Add(parameters, take)}}}");
        return await db.MapPoints.FromSqlRaw(sql.ToString(), [.. parameters]).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The filter's conditions on <c>p</c>, the same on both databases; dates as each stores them.</summary>
    private void Where(StringBuilder sql, List<object> parameters, NearbyFilter filter)
    {
        sql.Append($" AND p.\"Audience\" <= {{{Add(parameters, (int)filter.Audience)}}}");
        if (filter.Kinds.Count > 0)
        {
            sql.Append(" AND p.\"Kind\" IN (").AppendJoin(", ", filter.Kinds.Select(k => $"{{{Add(parameters, k)}}}")).Append(')');
        }

        if (filter.Category is { } category)
        {
            sql.Append($" AND p.\"Category\" = {{{Add(parameters, category)}}}");
        }

        if (filter.From is { } from && filter.To is { } to)
        {
            sql.Append($" AND (p.\"Kind\" <> 'activity' OR (p.\"Recent\" >= {{{Add(parameters, Stored(from))}}} ")
                .Append($"AND p.\"Recent\" < {{{Add(parameters, Stored(to))}}}))");
        }
    }

    private object Stored(DateTimeOffset at) =>
        !db.Database.IsSqlite() ? at.ToUniversalTime() : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at.ToUniversalTime())!;

    private static int Add(List<object> parameters, object value)
    {
        parameters.Add(value);
        return parameters.Count - 1;
    }
}
