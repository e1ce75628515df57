using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// HTTP latency benchmark at city scale (10,000 organizations, 100,000 projects), against the real
// release build on SQLite (or PostgreSQL through the usual environment variables).
// Usage: bench/run.sh [--data DIR] [--requests N] [--concurrency C] [--seed]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "true");
var data = Path.GetFullPath(options.GetValueOrDefault("data") ?? Path.Combine(Path.GetTempPath(), "yilian-bench"));
var requests = int.Parse(options.GetValueOrDefault("requests") ?? "300", CultureInfo.InvariantCulture);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency") ?? "1", CultureInfo.InvariantCulture);
var web = Path.GetFullPath(options.GetValueOrDefault("web") ?? "src/Yilian.Web/bin/Release/net10.0/Yilian.Web.dll");
const string Password = "Gx7-tree-lamp";
const string Url = "http://127.0.0.1:5099";

Process Run(params string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(web);
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    start.Environment["Database__DataDirectory"] = data;
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Security__LoginAttemptsPerIpPerMinute"] = "1000";
    return Process.Start(start)!;
}

async Task<int> RunToEndAsync(params string[] arguments)
{
    using var p = Run(arguments);
    var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
    await p.WaitForExitAsync();
    Console.WriteLine(output.Trim());
    return p.ExitCode;
}

// SQLite: seeded once into the scratch directory. PostgreSQL: pass --seed for an empty database.
if (options.ContainsKey("seed") || (!File.Exists(Path.Combine(data, "yilian.db")) && Environment.GetEnvironmentVariable("Database__Provider") is not "Postgres"))
{
    var seeding = Stopwatch.StartNew();
    await RunToEndAsync("seed", "--size", "district");
    Console.WriteLine($"district seed: {seeding.Elapsed.TotalSeconds:F1} s");
}

// A district-wide regulator: the widest scope, so the most rows behind every query. Fails harmlessly if it exists.
await RunToEndAsync("create-admin", "--user", "perf.regulator", "--password", Password, "--role", "Regulator");

var server = Run("--urls", Url);
using var http = new HttpClient { BaseAddress = new Uri(Url) };
async Task<bool> TryReadyAsync()
{
    try
    {
        return (await http.GetAsync("/healthz/ready")).IsSuccessStatusCode;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

for (var i = 0; !(await TryReadyAsync()); i++)
{
    if (i > 240)
    {
        throw new TimeoutException("The server did not become ready.");
    }

    await Task.Delay(500);
}

var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "perf.regulator", password = Password })).Content.ReadFromJsonAsync<JsonElement>())
    .GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
var targets = new List<(string Name, Func<Random, HttpRequestMessage> Make)>
{
    ("organization list, filtered", _ => Get("/api/v1/organizations?type=SocialServiceAgency&status=Active&q=%E5%9B%AD%E5%8C%BA&page=3&pageSize=20")),
    ("organization list, street", _ => Get("/api/v1/organizations?street=320571002000&page=1&pageSize=20")),
    ("project board", _ => Get("/api/v1/projects/board")),
    ("project board, search", _ => Get("/api/v1/projects/board?q=%E5%8A%A9%E9%A4%90")),
};

if (options.ContainsKey("calendar"))
{
    // 1,000,000 bookings across 3,000 venues (a year from 2027-01-04), generated once into the same database.
    var seeding = Stopwatch.StartNew();
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    await RunToEndAsync("seed-calendar", "--venues", options.GetValueOrDefault("venues") ?? "3000", "--bookings", options.GetValueOrDefault("bookings") ?? "1000000");
    Console.WriteLine($"calendar data ready in {seeding.Elapsed.TotalSeconds:F1} s");
    server = Run("--urls", Url);
    while (!await TryReadyAsync())
    {
        await Task.Delay(500);
    }

    var venues = (await http.GetFromJsonAsync<JsonElement>("/api/v1/venues")).EnumerateArray()
        .Select(v => (Id: v.GetProperty("id").GetString()!, Region: v.GetProperty("regionCode").GetString()!)).ToList();
    var street = venues.GroupBy(v => v.Region[..9]).OrderByDescending(g => g.Count()).First();
    Console.WriteLine($"{venues.Count} venues; week view of street {street.Key}000 with {street.Count()} venues");
    var first = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(8));
    string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    targets =
    [
        ("conflict check (one booking)", r =>
        {
            var start = first.AddDays(r.Next(0, 360)).AddHours(8 + r.Next(0, 12)).AddMinutes(15 * r.Next(0, 4));
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities/check")
            {
                Content = JsonContent.Create(new { title = "bench", venueId = venues[r.Next(venues.Count)].Id, start = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    end = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), expectedParticipants = 10 }),
            };
        }),
        ("week view, one street", r =>
        {
            var week = first.AddDays(7 * r.Next(0, 50));
            return Get($"/api/v1/calendar?street={street.Key}000&from={Iso(week)}&to={Iso(week.AddDays(7))}");
        }),
        ("free slots, 90 min in a week", r =>
        {
            var day = first.AddDays(r.Next(0, 350));
            return Get($"/api/v1/venues/{venues[r.Next(venues.Count)].Id}/free-slots?duration=90&from={Iso(day)}&to={Iso(day.AddDays(7))}");
        }),
    ];
}

Console.WriteLine($"{requests} requests per target, concurrency {concurrency}, data {data}");
Console.WriteLine("| target | p50 ms | p95 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|");
var random = new Random(7);
foreach (var (name, make) in targets)
{
    for (var w = 0; w < 20; w++)
    {
        using var warm = await http.SendAsync(make(random));
        warm.EnsureSuccessStatusCode();
    }

    var times = new List<double>();
    var gate = new SemaphoreSlim(concurrency);
    await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            HttpRequestMessage request;
            lock (random)
            {
                request = make(random);
            }

            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            lock (times)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            gate.Release();
        }
    }));
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine($"| {name} | {P(0.5):F1} | {P(0.95):F1} | {P(0.99):F1} | {times[^1]:F1} |");
}

server.Kill(entireProcessTree: true);
