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

using var server = Run("--urls", Url);
using var http = new HttpClient { BaseAddress = new Uri(Url) };
for (var i = 0; ; i++)
{
    try
    {
        if ((await http.GetAsync("/healthz/ready")).IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException) when (i < 120)
    {
    }

    await Task.Delay(500);
}

var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "perf.regulator", password = Password })).Content.ReadFromJsonAsync<JsonElement>())
    .GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var targets = new (string Name, string Path)[]
{
    ("organization list, filtered", "/api/v1/organizations?type=SocialServiceAgency&status=Active&q=%E5%9B%AD%E5%8C%BA&page=3&pageSize=20"),
    ("organization list, street", "/api/v1/organizations?street=320571002000&page=1&pageSize=20"),
    ("project board", "/api/v1/projects/board"),
    ("project board, search", "/api/v1/projects/board?q=%E5%8A%A9%E9%A4%90"),
};

Console.WriteLine($"{requests} requests per target, concurrency {concurrency}, data {data}");
Console.WriteLine("| target | p50 ms | p95 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, path) in targets)
{
    for (var w = 0; w < 20; w++)
    {
        (await http.GetAsync(path)).EnsureSuccessStatusCode();
    }

    var times = new List<double>();
    var gate = new SemaphoreSlim(concurrency);
    await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
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
