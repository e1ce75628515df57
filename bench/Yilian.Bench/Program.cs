using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// HTTP latency benchmark at city scale (10,000 organizations, 100,000 projects), against the real
// release build on SQLite (or PostgreSQL through the usual environment variables).
// Usage: bench/run.sh [--data DIR] [--requests N] [--concurrency C] [--seed]
//   [--day | --mixed | --calendar | --volunteers | --relief | --charity | --supply | --search]
// (bench/README.md). Without a mode: each target alone, with its first requests after the start reported apart (a restart's view).
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
    // The matching pool reloads only when this instance changes something (no 30-second refresh in the middle of a run).
    start.Environment["Volunteers__Matching__PoolSeconds"] = "3600";
    // The demo SMS sender logs the codes that volunteers register with (--day registers its volunteers as a person would).
    start.Environment["Logging__LogLevel__Yilian.Platform.Features.Notifications.LogSmsSender"] = "Information";
    start.Environment["Logging__Console__FormatterName"] = "simple";
    start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
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

if (options.ContainsKey("relief"))
{
    // The resident's self-check: one answer in, eligible / not eligible with reasons and the next question out,
    // at a random point of a typical questionnaire (after 0–12 answers). Screening itself: `screen` (docs/benchmarks.md).
    string[][] steps =
    [
        ["household.registration_region", "320571001001"], ["person.birth_date", "1950-03-01"], ["person.special_status", "veteran"],
        ["household.per_capita_income", "1600"], ["person.long_term_care_need", "true"], ["person.disability_type", "physical"], ["person.disability_grade", "2"],
        ["household.per_capita_assets", "20000"], ["household.owns_vehicle", "false"], ["person.has_supporter", "true"], ["person.severe_illness", "false"],
        ["household.housing_area_per_capita", "20"],
    ];
    targets =
    [
        ("self-check answer (28 policies)", r => new HttpRequestMessage(HttpMethod.Post, "/api/v1/policy-check")
        {
            Content = JsonContent.Create(new { answers = steps.Take(r.Next(0, steps.Length + 1)).ToDictionary(s => s[0], s => new[] { s[1] }) }),
        }),
    ];
}

Func<Task>? after = null;
if (options.ContainsKey("charity"))
{
    (targets, after) = await Charity.PrepareAsync(http, Url, RunToEndAsync, () => server.Kill(entireProcessTree: true), async () =>
    {
        server = Run("--urls", Url);
        while (!await TryReadyAsync())
        {
            await Task.Delay(500);
        }
    }, options);
}

if (options.ContainsKey("supply"))
{
    // 30,000 service projects of the district's 10,000 organizations and 5,000 open needs (once, into the same database).
    var seeding = Stopwatch.StartNew();
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    if (await RunToEndAsync("seed-supply", "--projects", options.GetValueOrDefault("projects") ?? "30000", "--needs",
            options.GetValueOrDefault("needs") ?? "5000") != 0)
    {
        throw new InvalidOperationException("Seeding the supply data failed.");
    }

    Console.WriteLine($"supply data ready in {seeding.Elapsed.TotalSeconds:F1} s");
    server = Run("--urls", Url);
    while (!await TryReadyAsync())
    {
        await Task.Delay(500);
    }

    var needIds = new List<string>();
    for (var page = 1; page <= 10; page++)
    {
        needIds.AddRange((await http.GetFromJsonAsync<JsonElement>($"/api/v1/needs?status=Open&page={page}&pageSize=100")).GetProperty("items")
            .EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
    }

    var fieldCodes = (await http.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field")).EnumerateArray()
        .Select(f => f.GetProperty("code").GetString()!).ToList();
    var organizationIds = (await http.GetFromJsonAsync<JsonElement>("/api/v1/service-projects/public?pageSize=100")).GetProperty("items")
        .EnumerateArray().Select(p => p.GetProperty("organizationId").GetString()!).Distinct().ToList();
    Console.WriteLine($"{needIds.Count} open needs sampled, {fieldCodes.Count} fields, {organizationIds.Count} organizations sampled");
    string[] words = ["", "", "社区", "服务", "需求 01"];
    targets =
    [
        ("rank organizations for one need (top 20)", r => Get($"/api/v1/needs/{needIds[r.Next(needIds.Count)]}/matches")),
        ("public needs list, field and words", r => Get($"/api/v1/needs/public?field={fieldCodes[r.Next(fieldCodes.Count)]}"
            + $"&q={Uri.EscapeDataString(words[r.Next(words.Length)])}&page={1 + r.Next(3)}")),
        ("public needs list, first page", _ => Get("/api/v1/needs/public")),
        ("open needs an organization fits", r => Get($"/api/v1/needs/fitting?organizationId={organizationIds[r.Next(organizationIds.Count)]}")),
    ];
}

if (options.ContainsKey("search"))
{
    // A million findable documents written straight into the index (once per data directory, or again with --reseed).
    var probe = await http.GetFromJsonAsync<JsonElement>("/api/v1/search?q=jinjihu&kind=activity");
    var placed = await http.GetFromJsonAsync<JsonElement>("/api/v1/nearby?lat=31.3&lng=120.7&kind=activity&limit=1");
    if (options.ContainsKey("reseed") || probe.GetProperty("count").GetInt32() == 0 || placed.GetProperty("items").GetArrayLength() == 0)
    {
        var seeding = Stopwatch.StartNew();
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        if (await RunToEndAsync("seed-search", "--documents", options.GetValueOrDefault("documents") ?? "1000000") != 0)
        {
            throw new InvalidOperationException("Seeding the search index failed.");
        }

        Console.WriteLine($"search data ready in {seeding.Elapsed.TotalSeconds:F1} s");
        server = Run("--urls", Url);
        while (!await TryReadyAsync())
        {
            await Task.Delay(500);
        }
    }

    Func<Random, HttpRequestMessage> Search(params string[] queries) =>
        r => Get("/api/v1/search?q=" + Uri.EscapeDataString(queries[r.Next(queries.Length)]));
    targets =
    [
        ("one character", Search("养", "社", "老", "湖", "课", "助")),
        ("two characters", Search("养老", "助餐", "社区", "讲座", "敬老", "义诊", "儿童")),
        ("a word or a name (3–6 characters)", Search("垃圾分类", "长者助餐点", "亲子阅读", "重阳节敬老", "智能手机教学", "法律援助")),
        ("full pinyin", Search("yanglao", "zhucan", "shequ", "lajifenlei", "jinjihu", "yang lao")),
        ("initials", Search("ylfw", "zcd", "sq", "ljfl", "jjh", "yl")),
        ("mixed, traditional, full-width", Search("养lao", "養老", "長者助餐", "垃圾fenlei", "ＹＡＮＧＬＡＯ")),
        ("two terms", Search("养老 金鸡湖", "讲座 独墅湖", "太极拳 唯亭", "儿童 第12期")),
        ("nothing matches", Search("量子计算", "xqzvk", "火星基地")),

        // The charity map: the 20 nearest of the million places to a random spot in the district.
        ("nearby: 20 nearest of every kind", r => Get(Nearby(r, ""))),
        ("nearby: services only (4 %)", r => Get(Nearby(r, "&kind=service"))),
        ("nearby: organizations only (2 %)", r => Get(Nearby(r, "&kind=organization"))),
        ("nearby: one service category (0.3 %)", r => Get(Nearby(r, "&kind=service&category=elderly"))),
    ];

    static string Nearby(Random r, string filter) => FormattableString.Invariant(
        $"/api/v1/nearby?lat={31.25 + (r.NextDouble() * 0.15):F6}&lng={120.60 + (r.NextDouble() * 0.2):F6}{filter}");
}

if (options.ContainsKey("volunteers"))
{
    // 30,000 volunteers (once) and 500 recruiting activities in the week of 2027-01-04 across 50 venues.
    var seeding = Stopwatch.StartNew();
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    if (await RunToEndAsync("seed-volunteers", "--volunteers", options.GetValueOrDefault("count") ?? "30000") != 0)
    {
        throw new InvalidOperationException("Seeding volunteers failed.");
    }

    await RunToEndAsync("create-admin", "--user", "perf.operator", "--password", Password, "--role", "PlatformOperator");
    Console.WriteLine($"volunteer data ready in {seeding.Elapsed.TotalSeconds:F1} s");
    server = Run("--urls", Url);
    while (!await TryReadyAsync())
    {
        await Task.Delay(500);
    }

    using var op = new HttpClient { BaseAddress = new Uri(Url) };
    var opToken = (await (await op.PostAsJsonAsync("/api/v1/auth/token", new { userName = "perf.operator", password = Password })).Content.ReadFromJsonAsync<JsonElement>())
        .GetProperty("accessToken").GetString();
    op.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", opToken);
    var monday = new DateOnly(2027, 1, 4);
    var organization = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1")).GetProperty("items")[0];
    var skills = (await op.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/skill")).EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
    string At(DateOnly day, int hour) => $"{day:yyyy-MM-dd}T{hour:00}:00:00+08:00";
    var poolLoad = Stopwatch.StartNew();
    var existing = await op.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/proposal?week={monday:yyyy-MM-dd}");
    Console.WriteLine($"first proposal, including loading the pool of volunteers: {poolLoad.Elapsed.TotalMilliseconds:F0} ms");
    if (existing.GetProperty("activities").GetInt32() < 500)
    {
        var make = Stopwatch.StartNew();
        var seedRandom = new Random(500);
        var benchVenues = new List<string>();
        for (var v = 0; v < 50; v++)
        {
            var created = await op.PostAsJsonAsync("/api/v1/venues", new
            {
                name = $"志愿服务站 {v + 1:00}", ownerKind = "Community", regionCode = organization.GetProperty("regionCode").GetString(), capacity = 60,
                latitude = 31.25 + seedRandom.NextDouble() * 0.15, longitude = 120.60 + seedRandom.NextDouble() * 0.25, followsWorkCalendar = false,
                openingHours = new { days = Enumerable.Repeat(new { open = "07:00:00", close = "22:00:00" }, 7).ToArray() },
            });
            created.EnsureSuccessStatusCode();
            benchVenues.Add(created.Headers.Location!.ToString().Split('/')[^1]);
        }

        for (var j = 0; j < 500; j++)
        {
            var k = j / 50;
            var day = monday.AddDays(k % 7);
            var hour = 8 + 4 * (k / 7);
            var needs = skills.OrderBy(_ => seedRandom.Next()).Take(seedRandom.Next(1, 3)).ToDictionary(c => c, _ => seedRandom.Next(1, 5));
            var created = await op.PostAsJsonAsync("/api/v1/activities", new
            {
                title = $"志愿服务 {j + 1:000}", type = "volunteering", organizationId = organization.GetProperty("id").GetString(), venueId = benchVenues[j % 50],
                start = At(day, hour), end = At(day, hour + 2), volunteerNeeds = needs, expectedParticipants = 20,
            });
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
            }

            (await op.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"500 activities created in {make.Elapsed.TotalSeconds:F1} s");
    }

    var proposalIds = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/proposal?week={monday:yyyy-MM-dd}")).GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("activityId").GetString()!).ToList();
    http.DefaultRequestHeaders.Authorization = op.DefaultRequestHeaders.Authorization;
    var firstLoad = Stopwatch.StartNew();
    var firstRanking = await http.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{proposalIds[0]}/matches");
    Console.WriteLine($"first ranking after the pool loaded: {firstLoad.Elapsed.TotalMilliseconds:F0} ms; {firstRanking.GetProperty("considered").GetInt32()} volunteers considered, "
        + $"{firstRanking.GetProperty("eligible").GetInt32()} eligible");
    targets = [("rank all volunteers for one activity (top 50)", r => Get($"/api/v1/activities/{proposalIds[r.Next(proposalIds.Count)]}/matches?top=50"))];
    after = async () =>
    {
        Console.WriteLine("| week proposal run | activities | places | filled | server ms | client ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var run = 1; run <= 5; run++)
        {
            var sw = Stopwatch.StartNew();
            var proposal = await http.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/proposal?week={monday:yyyy-MM-dd}");
            Console.WriteLine($"| {run} | {proposal.GetProperty("activities").GetInt32()} | {proposal.GetProperty("needs").GetInt32()} | {proposal.GetProperty("filled").GetInt32()} | {proposal.GetProperty("elapsedMs").GetDouble():F0} | {sw.Elapsed.TotalMilliseconds:F0} |");
        }
    };
}

if (options.ContainsKey("day"))
{
    await DistrictDay.RunAsync(options, data, server, Run, RunToEndAsync);
    return;
}

if (options.ContainsKey("mixed"))
{
    // A district's day on one box: N instances of Yilian on one database (PostgreSQL for N > 1), C clients sending a
    // round-robin mix — the public activities page, the organization list, the project board, and a booking (an
    // activity created in a venue, refused with 409 when the slot is taken) — each request to the next instance.
    var instances = int.Parse(options.GetValueOrDefault("instances") ?? "1", CultureInfo.InvariantCulture);
    await RunToEndAsync("create-admin", "--user", "perf.operator", "--password", Password, "--role", "PlatformOperator");
    var servers = new List<Process>();
    var urls = new List<string> { Url };
    for (var n = 1; n < instances; n++)
    {
        urls.Add($"http://127.0.0.1:{5099 + n}");
        servers.Add(Run("--urls", urls[^1]));
    }

    var clients = new List<(HttpClient Regulator, HttpClient Operator, HttpClient Anonymous)>();
    foreach (var url in urls)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; !(await TryGetAsync(probe, "/healthz/ready")); i++)
        {
            await Task.Delay(i > 480 ? throw new TimeoutException(url) : 500);
        }

        clients.Add((await DistrictDay.SignedInAsync(url, "perf.regulator"), await DistrictDay.SignedInAsync(url, "perf.operator"), new HttpClient { BaseAddress = new Uri(url) }));
    }

    var organization = (await clients[0].Operator.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1")).GetProperty("items")[0];
    var organizationId = organization.GetProperty("id").GetString();
    var venues = (await clients[0].Operator.GetFromJsonAsync<JsonElement>("/api/v1/venues")).EnumerateArray()
        .Select(v => v.GetProperty("id").GetString()!).ToList();
    var street = organization.GetProperty("regionCode").GetString()![..9] + "000";
    var day0 = new DateTimeOffset(2028, 1, 3, 0, 0, 0, TimeSpan.FromHours(8));
    string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    var mix = new List<(string Name, Func<int, Random, HttpRequestMessage> Make, Func<int, HttpClient> Client)>
    {
        ("public activities page", (_, _) => Get("/activities"), i => clients[i].Anonymous),
        ("organization list, street", (_, _) => Get($"/api/v1/organizations?street={street}&page=1&pageSize=20"), i => clients[i].Regulator),
        ("project board", (_, _) => Get("/api/v1/projects/board"), i => clients[i].Regulator),
        ("booking (create an activity in a venue)", (_, r) =>
        {
            var start = day0.AddDays(r.Next(0, 700)).AddHours(8 + r.Next(0, 10));
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities")
            {
                Content = JsonContent.Create(new
                {
                    title = "bench", type = "meeting", organizationId, venueId = venues[r.Next(venues.Count)], start = Stamp(start),
                    end = Stamp(start.AddHours(1)), expectedParticipants = 10,
                }),
            };
        }, i => clients[i].Operator),
    };
    var perTarget = mix.ToDictionary(m => m.Name, _ => new List<double>());
    var failures = 0;
    var mixed = new Random(11);
    var next = 0;
    var gate = new SemaphoreSlim(concurrency);
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            HttpRequestMessage request;
            string name;
            HttpClient client;
            lock (mixed)
            {
                var k = next++;
                var target = mix[k % mix.Count];
                (name, request, client) = (target.Name, target.Make(k, mixed), target.Client(k / mix.Count % urls.Count));
            }

            var sw = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            lock (perTarget)
            {
                perTarget[name].Add(sw.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict && failures++ == 0)
                {
                    Console.WriteLine($"first failure: {name} {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }));
    wall.Stop();
    var all = perTarget.Values.SelectMany(t => t).Order().ToList();
    Console.WriteLine($"{requests} requests, {concurrency} clients, {urls.Count} instance(s): {requests / wall.Elapsed.TotalSeconds:F0} rps, {failures} failed");
    Console.WriteLine("| target | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var (name, times) in perTarget.Append(new("all", all)))
    {
        times.Sort();
        Console.WriteLine($"| {name} | {DistrictDay.Pct(times, 0.5):F1} | {DistrictDay.Pct(times, 0.95):F1} | {DistrictDay.Pct(times, 0.99):F1} | {times[^1]:F1} |");
    }

    foreach (var extra in servers)
    {
        extra.Kill(entireProcessTree: true);
    }

    server.Kill(entireProcessTree: true);
    return;
}

Console.WriteLine($"{requests} requests per target, concurrency {concurrency}, data {data}");
Console.WriteLine("| target | p50 ms | p95 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|");
var random = new Random(7);
foreach (var (name, make) in targets)
{
    var cold = new List<double>();
    for (var w = 0; w < 20; w++)
    {
        var first = Stopwatch.StartNew();
        using var warm = await http.SendAsync(make(random));
        await warm.Content.ReadAsByteArrayAsync();
        cold.Add(first.Elapsed.TotalMilliseconds);
        warm.EnsureSuccessStatusCode();
    }

    Console.WriteLine($"| {name}: first request after the start | {cold[0]:F1} | | | |");
    Console.WriteLine($"| {name}: requests 2–20 after the start | {DistrictDay.Pct([.. cold.Skip(1).Order()], 0.5):F1} | {DistrictDay.Pct([.. cold.Skip(1).Order()], 0.95):F1} | | {cold.Skip(1).Max():F1} |");

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

if (after is not null)
{
    await after();
}

server.Kill(entireProcessTree: true);

static async Task<bool> TryGetAsync(HttpClient client, string path)
{
    try
    {
        return (await client.GetAsync(path)).IsSuccessStatusCode;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}
