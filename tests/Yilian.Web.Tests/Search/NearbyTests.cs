using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Discovery.Data;
using Yilian.Discovery.Map;
using Yilian.Discovery.Search;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests.Search;

/// <summary>
/// The charity map's nearest points equal measuring every point (decision 034), on every configured provider: random places
/// (many sharing one venue's coordinates) written change by change — added, moved, renamed in place, removed — then rebuilt in
/// bulk; random centres, kinds, categories, audiences, activity windows and limits. Through the API: a centre by coordinates or
/// by community, and bad input answered by field.
/// </summary>
public sealed class NearbyTests
{
    private const string Other = "test-place";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Nearest_Points_Equal_Measuring_Every_Point(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await app.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        var random = new Random(20261205);
        var now = DateTimeOffset.UtcNow;
        var venues = Enumerable.Range(0, 40).Select(_ => Spot(random)).ToList();
        var current = new Dictionary<(string Kind, string Id), SearchDocument>();
        var tick = 0;
        SearchDocument Make(string kind, string id)
        {
            var (lat, lng) = random.Next(4) == 0 ? venues[random.Next(venues.Count)] : Spot(random);
            var audience = random.Next(5) == 0 ? SearchAudience.Staff : SearchAudience.Public;
            return new SearchDocument(id, "地点" + id, "", "说明", "/x/" + id, audience,
                now.AddDays(random.Next(-20, 40)).AddSeconds(++tick), new MapPlace(lat, lng, "320508001001"),
                random.Next(3) == 0 ? null : ServiceCategoriesUsed[random.Next(ServiceCategoriesUsed.Length)]);
        }

        for (var batch = 0; batch < 5; batch++)
        {
            var changes = Enumerable.Range(0, 400).Select(i => (Kind: i % 2 == 0 ? "activity" : Other, Id: $"p{batch}-{i}"))
                .Select(k => new IndexChange(k.Kind, k.Id, current[k] = Make(k.Kind, k.Id))).ToList();
            await SearchIndexTests.WriteAsync(app, w => w.ApplyAsync(changes, null, CancellationToken.None));
        }

        var edits = current.Keys.OrderBy(_ => random.Next()).Take(300).Select((k, i) =>
        {
            if (i % 3 == 0)
            {
                current.Remove(k);
                return new IndexChange(k.Kind, k.Id, null);
            }

            // Moved (a new place), or only its text changed (the point keeps its place).
            return new IndexChange(k.Kind, k.Id, current[k] = i % 3 == 1 ? Make(k.Kind, k.Id) : current[k] with { Summary = "改了说明" });
        }).ToList();
        await SearchIndexTests.WriteAsync(app, w => w.ApplyAsync(edits, null, CancellationToken.None));
        await CompareAsync(app, current, random, now, "written change by change");

        await SearchIndexTests.WriteAsync(app, w => w.RebuildAsync(current.Select(c => (c.Key.Kind, c.Value)).ToAsyncEnumerable(), 0,
            CancellationToken.None));
        await CompareAsync(app, current, random, now, "rebuilt in bulk");
    }

    [Fact]
    public async Task A_Resident_Finds_What_Is_Near_Them_Or_Their_Community()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        await app.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        using var anyone = app.CreateClient();
        var services = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/services?pageSize=50");
        var placed = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("latitude").ValueKind == JsonValueKind.Number);
        var (lat, lng) = (placed.GetProperty("latitude").GetDouble(), placed.GetProperty("longitude").GetDouble());

        var near = await anyone.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/v1/nearby?lat={lat}&lng={lng}&limit=10"));
        var items = near.GetProperty("items").EnumerateArray().ToList();
        items[0].GetProperty("meters").GetInt32().ShouldBe(0);
        items.Select(i => i.GetProperty("meters").GetInt32()).ShouldBeInOrder();
        items.Select(i => i.GetProperty("kind").GetString()).ShouldContain("service");
        items.Count.ShouldBe(10);

        var community = placed.GetProperty("regionCode").GetString();
        var byCommunity = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/nearby?community={community}&kind=service,activity");
        byCommunity.GetProperty("community").GetString().ShouldNotBeNullOrEmpty();
        byCommunity.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ShouldAllBe(k =>
            k == "service" || k == "activity");
        var elderly = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/nearby?community={community}&category=elderly&kind=service");
        elderly.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("category").GetString() == "elderly");

        // Bad input: each field named with its message; nothing is a 5xx.
        foreach (var (query, field, message) in new[]
        {
            ("", "lat", "请允许使用您的位置"),
            ("lat=abc&lng=120.6", "lat", "纬度须是"),
            ("lat=31.3", "lng", "要一起给出"),
            ("lat=91&lng=500", "lng", "经度须是"),
            ("lat=31.3&lng=120.6&kind=planet", "kind", "没有这一类"),
            ("lat=31.3&lng=120.6&category=pets", "category", "没有这个服务类别"),
            ("lat=31.3&lng=120.6&when=yesterday", "when", "today"),
            ("lat=31.3&lng=120.6&limit=5000", "limit", "条数须在"),
            ("community=" + new string('9', 5000), "community", "没有这个社区"),
            ("community=%3Cscript%3E", "community", "没有这个社区"),
        })
        {
            var problem = await ProblemAsync(await anyone.GetAsync("/api/v1/nearby?" + query), HttpStatusCode.BadRequest);
            problem.ShouldContain($"\"{field}\"", customMessage: query);
            problem.ShouldContain(message, customMessage: query);
        }
    }

    private static readonly string[] ServiceCategoriesUsed = ["elderly", "children", "health"];

    /// <summary>A place in a district-sized area (about 20 km across) far from the demo district.</summary>
    private static (double, double) Spot(Random random) => (30.5 + (random.NextDouble() * 0.18), 114.2 + (random.NextDouble() * 0.2));

    private static async Task CompareAsync(YilianApp app, Dictionary<(string Kind, string Id), SearchDocument> current, Random random,
        DateTimeOffset now, string phase)
    {
        await using var scope = SystemScope.Begin(app.Services);
        var db = scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<NearbyEngine>();
        var all = await db.MapPoints.AsNoTracking().ToListAsync();

        // The table holds exactly the test's current places (besides the demo district's own).
        var mine = all.Where(p => p.SourceId.StartsWith('p') && (p.Kind == Other || p.Kind == "activity"))
            .ToDictionary(p => (p.Kind, p.SourceId));
        mine.Count.ShouldBe(current.Count, phase);
        foreach (var (key, document) in current)
        {
            var point = mine[key];
            (point.Latitude, point.Longitude, point.Summary, point.Category, point.Audience).ShouldBe((document.Place!.Latitude,
                document.Place.Longitude, document.Summary, document.Category, document.Audience), $"{phase}: {key}");
        }

        for (var q = 0; q < 150; q++)
        {
            var (lat, lng) = q % 10 == 0 ? (30.0, 113.7) : Spot(random); // some centres at the area's edge or outside it
            var kinds = (q % 4) switch { 0 => [], 1 => ["activity"], 2 => [Other], _ => new[] { "activity", Other } };
            var filter = new NearbyFilter(kinds, random.Next(3) == 0 ? "elderly" : null, q % 5 == 0 ? now : null,
                q % 5 == 0 ? now.AddDays(7) : null, random.Next(2) == 0 ? SearchAudience.Public : SearchAudience.Staff,
                q % 7 == 0 ? 50 : random.Next(1, 25));
            var ranked = all.Where(p => p.Audience <= filter.Audience && (kinds.Length == 0 || kinds.Contains(p.Kind))
                    && (filter.Category is null || p.Category == filter.Category)
                    && (filter.From is null || p.Kind != "activity" || (p.Recent >= filter.From && p.Recent < filter.To)))
                .Select(p => (Point: p, Meters: NearbyEngine.Metres(lat, lng, p.Latitude, p.Longitude)))
                .Where(h => h.Meters <= NearbyEngine.MaxKilometres * 1000)
                .OrderBy(h => h.Meters).ThenByDescending(h => h.Point.Recent).ToList();
            var found = await engine.NearestAsync(lat, lng, filter, CancellationToken.None);
            var context = $"{phase}, query {q} at ({lat}, {lng}) {string.Join(',', kinds)} {filter.Category} {filter.Limit}";
            found.Count.ShouldBe(Math.Min(filter.Limit, ranked.Count), context);
            for (var i = 0; i < found.Count; i++)
            {
                found[i].Meters.ShouldBe(ranked[i].Meters, 0.01, context);

                // Points at one place go newest first; two different places within a centimetre of the same distance may swap.
                var (at, metres) = (ranked[i].Point, ranked[i].Meters);
                if (!ranked.Any(o => Math.Abs(o.Meters - metres) <= 0.01
                    && (o.Point.Latitude, o.Point.Longitude) != (at.Latitude, at.Longitude)))
                {
                    found[i].Point.SourceId.ShouldBe(at.SourceId, context);
                }
            }
        }
    }
}
