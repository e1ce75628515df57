using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// A district's day (bench/README.md): virtual users in five roles, each doing its role's tasks with think times between
/// them, ramped in stages; per stage the throughput, p50/p95/p99 per kind of request, errors, and the CPU and memory of
/// the app instances and the database. The knee is the first stage whose p99 passes 200 ms. With --soak the same mix
/// runs at one load for a long time and memory is sampled every minute.
/// </summary>
internal static partial class DistrictDay
{
    private const string Password = "Gx7-tree-lamp";
    private const double KneeMs = 200;

    private sealed record Step(string Kind, Func<Actor, HttpRequestMessage> Make);

    /// <summary>One virtual user's identity: its client (to its instance, or nginx), its account, and what it works on.</summary>
    private sealed class Actor(HttpClient client, Account? account, Random random)
    {
        public HttpClient Client { get; } = client;

        public Account? Account { get; } = account;

        public Random Random { get; } = random;

        public string? SignupPath { get; set; }
    }

    /// <summary>
    /// A signed-in account shared by the users of one role on one address. Tokens expire after the idle timeout (30 minutes):
    /// a 401 signs in again, once for all who saw the same stale token, as a client application would.
    /// </summary>
    private sealed class Account(HttpClient client, string user) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1);

        public void Dispose() => _gate.Dispose();

        public string? Token { get; private set; }

        public async Task<string> RenewAsync(string? stale)
        {
            await _gate.WaitAsync();
            try
            {
                if (Token is not null && Token != stale)
                {
                    return Token;
                }

                var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password });
                if (!answer.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Sign-in of {user}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }

                return Token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    public static async Task RunAsync(Dictionary<string, string> options, string data, Process first, Func<string[], Process> run, Func<string[], Task<int>> runToEnd)
    {
        var instances = Int(options, "instances", 1);
        var think = Int(options, "think-ms", 500);
        var stageSeconds = Int(options, "stage-seconds", 30);
        var stages = (options.GetValueOrDefault("stages") ?? "10,25,50,100,150,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var soakSeconds = Int(options, "soak", 0);
        var useNginx = options.ContainsKey("nginx");

        var organization = await FirstOrganizationAsync();
        foreach (var (user, role, scope, region, org) in new (string, string, string, string, string?)[]
                 {
                     ("perf.regulator", "Regulator", "District", "320571000000", null),
                     ("perf.operator", "PlatformOperator", "District", "320571000000", null),
                     ("perf.street", "CommunityOfficer", "Street", organization.Street, null),
                     ("perf.orgstaff", "OrgAdmin", "Organization", organization.Street, organization.Id),
                 })
        {
            string[] arguments = ["create-admin", "--user", user, "--password", Password, "--role", role, "--scope", scope, "--region", region];
            await runToEnd(org is null ? arguments : [.. arguments, "--organization", org]);
        }

        var smsCodes = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        _ = ReadSmsCodesAsync(first, smsCodes);
        var servers = new List<Process> { first };
        var urls = new List<string> { "http://127.0.0.1:5099" };
        for (var n = 1; n < instances; n++)
        {
            urls.Add($"http://127.0.0.1:{5099 + n}");
            var server = run(["--urls", urls[^1]]);
            _ = ReadSmsCodesAsync(server, smsCodes);
            servers.Add(server);
        }

        Process? nginx = null;
        try
        {
            foreach (var url in urls)
            {
                await WaitReadyAsync(url);
            }

            if (useNginx)
            {
                (nginx, var front) = StartNginx(urls);
                urls = [front];
                await WaitReadyAsync(front);
            }

            await RunDayAsync(options, urls, data, organization, smsCodes, stages, stageSeconds, think, soakSeconds, servers, nginx);
        }
        finally
        {
            nginx?.Kill(entireProcessTree: true);
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task RunDayAsync(Dictionary<string, string> options, List<string> urls, string data, (string Id, string Street, string Community) organization,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> smsCodes, List<int> stages, int stageSeconds, int think, int soakSeconds,
        List<Process> servers, Process? nginx)
    {
        var setup = await SignedInAsync(urls[0], "perf.operator");
        var venues = (await setup.GetFromJsonAsync<JsonElement>("/api/v1/venues")).EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();
        var recruiting = await RecruitingActivitiesAsync(setup, Path.Combine(data, "bench-recruiting.txt"), organization, venues);
        var volunteers = await VolunteersAsync(urls[0], organization.Community, smsCodes, 30);
        var orgIds = (await setup.GetFromJsonAsync<JsonElement>("/api/v1/organizations?street=" + organization.Street + "&pageSize=50")).GetProperty("items")
            .EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        var day0 = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
        string[][] answers =
        [
            ["household.registration_region", organization.Community], ["person.birth_date", "1950-03-01"], ["household.per_capita_income", "1600"],
            ["person.disability_grade", "2"], ["household.owns_vehicle", "false"], ["person.has_supporter", "true"],
        ];

        // The five roles: weight (share of virtual users), how they sign in, and the steps they take in turn.
        // One signed-in client per account and address, shared by the users of that account (sign-in is throttled per account,
        // and a day's users sign in once, not before every step).
        var clients = urls.ToDictionary(u => u, u => new HttpClient { BaseAddress = new Uri(u), Timeout = TimeSpan.FromSeconds(30) });
        var accounts = new Dictionary<(string Url, string User), Account>();
        async Task<(HttpClient, Account?)> As(int i, string? user)
        {
            var url = urls[i % urls.Count];
            if (user is null)
            {
                return (clients[url], null);
            }

            if (!accounts.TryGetValue((url, user), out var account))
            {
                account = accounts[(url, user)] = new Account(clients[url], user);
                await account.RenewAsync(null);
            }

            return (clients[url], account);
        }

        var roles = new List<(string Role, int Weight, Func<int, Task<(HttpClient, Account?)>> Client, Step[] Steps)>
        {
            ("resident", 40, i => As(i, null),
            [
                new("resident: home page", _ => Get("/")),
                new("resident: public activities", _ => Get("/activities")),
                new("resident: activities of a community", _ => Get("/activities?community=" + organization.Community)),
                new("resident: policy texts", _ => Get("/api/v1/policies")),
                new("resident: self-check answer", a => new HttpRequestMessage(HttpMethod.Post, "/api/v1/policy-check")
                {
                    Content = JsonContent.Create(new { answers = answers.Take(a.Random.Next(0, answers.Length + 1)).ToDictionary(s => s[0], s => new[] { s[1] }) }),
                }),
            ]),
            ("volunteer", 15, i => As(i, volunteers[i % volunteers.Count]),
            [
                new("volunteer: sign up (write)", a => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{recruiting[a.Random.Next(recruiting.Count)]}/signups")),
                new("volunteer: my sign-ups", _ => Get("/api/v1/volunteers/me/signups")),
                // Cancels the sign-up just made; when it was refused (already signed up), looks at the list again instead.
                new("volunteer: cancel a sign-up (write)", a => a.SignupPath is { } path ? new HttpRequestMessage(HttpMethod.Delete, path) : Get("/api/v1/volunteers/me/signups")),
                new("volunteer: my hours", _ => Get("/api/v1/volunteers/me/hours")),
            ]),
            ("organization staff", 20, i => As(i, "perf.orgstaff"),
            [
                new("staff: project board", _ => Get("/api/v1/projects/board")),
                new("staff: calendar week of the street", a =>
                {
                    var week = day0.AddDays(7 * a.Random.Next(0, 50));
                    return Get($"/api/v1/calendar?street={organization.Street}&from={Uri.EscapeDataString(Stamp(week))}&to={Uri.EscapeDataString(Stamp(week.AddDays(7)))}");
                }),
                new("staff: book a venue (write)", a =>
                {
                    var start = day0.AddDays(a.Random.Next(0, 700)).AddHours(8 + a.Random.Next(0, 10));
                    return new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities")
                    {
                        Content = JsonContent.Create(new
                        {
                            title = "bench", type = "meeting", organizationId = organization.Id, venueId = venues[a.Random.Next(venues.Count)],
                            start = Stamp(start), end = Stamp(start.AddHours(1)), expectedParticipants = 10,
                        }),
                    };
                }),
            ]),
            ("street officer", 10, i => As(i, "perf.street"),
            [
                new("officer: organizations of the street", _ => Get($"/api/v1/organizations?street={organization.Street}&page=1&pageSize=20")),
                new("officer: relief leads", _ => Get("/api/v1/screenings/candidates")),
                new("officer: project board", _ => Get("/api/v1/projects/board")),
            ]),
            ("regulator", 15, i => As(i, "perf.regulator"),
            [
                new("regulator: project board", _ => Get("/api/v1/projects/board")),
                new("regulator: organizations, filtered", a => Get($"/api/v1/organizations?type=SocialServiceAgency&status=Active&page={a.Random.Next(1, 20)}&pageSize=20")),
                new("regulator: one organization", a => Get($"/api/v1/organizations/{orgIds[a.Random.Next(orgIds.Count)]}")),
            ]),
        };

        var cores = Environment.ProcessorCount;
        Console.WriteLine($"{urls.Count} address(es){(nginx is null ? "" : " (nginx in front of " + servers.Count + " instances)")}, think time {think} ms (mean), "
            + $"{(soakSeconds > 0 ? $"soak {soakSeconds} s at {stages[0]} users" : $"stages of {stageSeconds} s")}, {cores} cores");
        var userCount = 0;
        var cancel = new CancellationTokenSource();
        var running = new List<Task>();
        var record = new Recorder();
        async Task AddUsersAsync(int upTo)
        {
            for (; userCount < upTo; userCount++)
            {
                var i = userCount;
                var weightSum = 0;
                var role = roles.First(r => (weightSum += r.Weight) > i * 37 % 100);
                var (client, account) = await role.Client(i);
                running.Add(UserLoopAsync(new Actor(client, account, new Random(1000 + i)), role.Steps, think, record, cancel.Token));
            }
        }

        if (soakSeconds > 0)
        {
            // Warm-up: until tiered compilation has settled (resident memory grew for about seven minutes in the first soak).
            await AddUsersAsync(stages[0]);
            await Task.Delay(TimeSpan.FromMinutes(Int(options, "warm-up-minutes", 10)));
            var warm = Resources.Sample(servers, nginx);
            record.Reset();
            Console.WriteLine("| minute | requests a second | p99 ms | errors | app RSS MiB |");
            Console.WriteLine("|---|---|---|---|---|");
            var rssAfterWarmUp = warm.AppRssMiB;
            var maxRss = rssAfterWarmUp;
            for (var minute = 1; minute * 60 <= soakSeconds; minute++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1));
                var (count, errors, all) = record.Take();
                var sample = Resources.Sample(servers, nginx);
                maxRss = Math.Max(maxRss, sample.AppRssMiB);
                Console.WriteLine($"| {minute} | {count / 60.0:F0} | {Pct(all, 0.99):F0} | {errors} | {sample.AppRssMiB:F0} |");
            }

            Console.WriteLine($"RSS after warm-up {rssAfterWarmUp:F0} MiB, highest {maxRss:F0} MiB ({(maxRss / rssAfterWarmUp - 1) * 100:F1} % above)");
        }
        else
        {
            Console.WriteLine("| users | requests a second | p50 ms | p95 ms | p99 ms | errors | app CPU % | database CPU % | app RSS MiB |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            var perKind = new List<(int Users, Dictionary<string, List<double>> Times)>();
            int? knee = null;
            foreach (var users in stages)
            {
                await AddUsersAsync(users);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, stageSeconds / 3.0)));
                record.Reset();
                var before = Resources.Sample(servers, nginx);
                var sw = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromSeconds(stageSeconds));
                var after = Resources.Sample(servers, nginx);
                var (count, errors, all) = record.Take(out var byKind);
                var seconds = sw.Elapsed.TotalSeconds;
                var appCpu = (after.AppCpuSeconds - before.AppCpuSeconds) / seconds * 100;
                var dbCpu = (after.DatabaseCpuSeconds - before.DatabaseCpuSeconds) / seconds * 100;
                Console.WriteLine($"| {users} | {count / seconds:F0} | {Pct(all, 0.5):F1} | {Pct(all, 0.95):F1} | {Pct(all, 0.99):F1} | {errors} | {appCpu:F0} | {dbCpu:F0} | {after.AppRssMiB:F0} |");
                perKind.Add((users, byKind));
                if (knee is null && Pct(all, 0.99) > KneeMs)
                {
                    knee = users;
                }
            }

            Console.WriteLine(knee is null ? $"No knee: p99 stayed under {KneeMs} ms at every stage." : $"Knee: p99 passed {KneeMs} ms at {knee} users.");
            var last = knee is null ? perKind[^1] : perKind.Last(p => p.Users < knee) is var under && under.Times is not null ? under : perKind[0];
            Console.WriteLine($"Per kind of request at {last.Users} users (the last stage under the knee):");
            Console.WriteLine("| request | count | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (kind, times) in last.Times.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                times.Sort();
                Console.WriteLine($"| {kind} | {times.Count} | {Pct(times, 0.5):F1} | {Pct(times, 0.95):F1} | {Pct(times, 0.99):F1} |");
            }
        }

        foreach (var (kind, detail) in record.FirstErrors)
        {
            Console.WriteLine($"first error of {kind}: {detail}");
        }

        await cancel.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private static async Task UserLoopAsync(Actor actor, Step[] steps, int think, Recorder record, CancellationToken ct)
    {
        for (var n = actor.Random.Next(steps.Length); !ct.IsCancellationRequested; n++)
        {
            // Exponential think time (capped at five times the mean), so users do not march in step.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5 * think, -think * Math.Log(1 - actor.Random.NextDouble()))), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            if (ct.IsCancellationRequested)
            {
                return;
            }

            var step = steps[n % steps.Length];
            var sw = Stopwatch.StartNew();
            try
            {
                var token = actor.Account?.Token;
                using var request = Authorized(step.Make(actor), token);
                var response = await actor.Client.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.Unauthorized && actor.Account is { } account)
                {
                    response.Dispose();
                    using var again = Authorized(step.Make(actor), await account.RenewAsync(token));
                    response = await actor.Client.SendAsync(again, ct);
                }

                using var answered = response;
                var body = await response.Content.ReadAsStringAsync(ct);
                var ms = sw.Elapsed.TotalMilliseconds;
                // A refused booking or sign-up (slot taken, already signed up, full) is the product answering correctly.
                var ok = response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Conflict;
                if (response.RequestMessage is { } sent && sent.Method == HttpMethod.Post && sent.RequestUri!.OriginalString.EndsWith("/signups", StringComparison.Ordinal)
                    && response.StatusCode == HttpStatusCode.Created)
                {
                    actor.SignupPath = response.Headers.Location?.OriginalString;
                }
                else if (response.RequestMessage?.Method == HttpMethod.Delete)
                {
                    actor.SignupPath = null;
                }

                record.Add(step.Kind, ms, ok ? null : $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                record.Add(step.Kind, sw.Elapsed.TotalMilliseconds, e.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private sealed class Recorder
    {
        private readonly Lock _gate = new();
        private Dictionary<string, List<double>> _times = [];
        private int _errors;

        private readonly Dictionary<string, string> _firstErrors = [];

        public Dictionary<string, string> FirstErrors
        {
            get
            {
                lock (_gate)
                {
                    return new(_firstErrors);
                }
            }
        }

        public void Add(string kind, double ms, string? error)
        {
            lock (_gate)
            {
                (_times.TryGetValue(kind, out var list) ? list : _times[kind] = []).Add(ms);
                if (error is not null)
                {
                    _errors++;
                    _firstErrors.TryAdd(kind, error);
                }
            }
        }

        public void Reset() => Take();

        public (int Count, int Errors, List<double> All) Take() => Take(out _);

        public (int Count, int Errors, List<double> All) Take(out Dictionary<string, List<double>> byKind)
        {
            lock (_gate)
            {
                byKind = _times;
                var errors = _errors;
                _times = [];
                _errors = 0;
                var all = byKind.Values.SelectMany(t => t).Order().ToList();
                return (all.Count, errors, all);
            }
        }
    }

    /// <summary>CPU seconds (user + system) and resident memory, from /proc: the app instances, nginx, and every PostgreSQL process.</summary>
    private static class Resources
    {
        private static readonly double Tick = 100.0;

        public static (double AppCpuSeconds, double DatabaseCpuSeconds, double AppRssMiB) Sample(List<Process> servers, Process? nginx)
        {
            var app = servers.Select(s => Tree(s.Id)).Append(nginx is null ? [] : Tree(nginx.Id)).SelectMany(t => t).ToList();
            var database = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsAsciiDigit))
                .Select(p => int.Parse(p!, CultureInfo.InvariantCulture)).Where(p => Comm(p) is "postgres").ToList();
            return (app.Sum(Cpu), database.Sum(Cpu), servers.Sum(s => Rss(s.Id)));
        }

        private static IEnumerable<int> Tree(int pid)
        {
            yield return pid;
            var children = $"/proc/{pid}/task/{pid}/children";
            if (File.Exists(children))
            {
                foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    foreach (var c in Tree(int.Parse(child, CultureInfo.InvariantCulture)))
                    {
                        yield return c;
                    }
                }
            }
        }

        private static string? Comm(int pid) => Try(() => File.ReadAllText($"/proc/{pid}/comm").Trim());

        private static double Cpu(int pid) => Try(() =>
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / Tick;
        });

        private static double Rss(int pid) => Try(() =>
            double.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture) / 1024);

        private static T? Try<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (IOException)
            {
                return default;
            }
            catch (UnauthorizedAccessException)
            {
                return default;
            }
        }
    }

    private static (Process Nginx, string Url) StartNginx(List<string> upstreams)
    {
        var dir = Path.Combine(Path.GetTempPath(), "yilian-bench-nginx");
        Directory.CreateDirectory(dir);
        var servers = string.Join("\n", upstreams.Select(u => $"    server {new Uri(u).Authority};"));
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/body; proxy_temp_path {{dir}}/proxy; fastcgi_temp_path {{dir}}/fcgi;
              uwsgi_temp_path {{dir}}/uwsgi; scgi_temp_path {{dir}}/scgi;
              upstream yilian {
            {{servers}}
                keepalive 128;
              }
              server {
                listen 127.0.0.1:5180;
                location / {
                  proxy_pass http://yilian;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                }
              }
            }
            """);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx") { RedirectStandardError = true };
        foreach (var a in new[] { "-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(a);
        }

        return (Process.Start(start)!, "http://127.0.0.1:5180");
    }

    /// <summary>Recruiting activities far ahead (2030), published, for the volunteers to sign up to and cancel.</summary>
    private static async Task<List<string>> RecruitingActivitiesAsync(HttpClient op, string file, (string Id, string Street, string Community) organization, List<string> venues)
    {
        if (File.Exists(file))
        {
            return [.. File.ReadAllLines(file).Where(l => l.Length > 0)];
        }

        var skills = (await op.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/skill")).EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
        var made = new List<string>();
        for (var j = 0; j < 10; j++)
        {
            var start = new DateTimeOffset(2030, 3, 4 + j % 5, 9 + j / 5 * 5, 0, 0, TimeSpan.FromHours(8));
            var created = await op.PostAsJsonAsync("/api/v1/activities", new
            {
                title = "bench volunteering", type = "volunteering", organizationId = organization.Id, venueId = venues[j], start, end = start.AddHours(2),
                volunteerNeeds = new Dictionary<string, int> { [skills[0]] = 1000 }, expectedParticipants = 20,
            });
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Recruiting activity: " + await created.Content.ReadAsStringAsync());
            }

            (await op.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
            made.Add(created.Headers.Location!.ToString().Split('/')[^1]);
        }

        await File.WriteAllLinesAsync(file, made);
        return made;
    }

    /// <summary>Volunteers registered through the API as a person would (the code is read from the demo SMS sender's log); phone numbers.</summary>
    private static async Task<List<string>> VolunteersAsync(string url, string community, System.Collections.Concurrent.ConcurrentDictionary<string, string> codes, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var phones = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var phone = "1390000" + (4000 + n).ToString(CultureInfo.InvariantCulture);
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = Password });
            if (token.IsSuccessStatusCode)
            {
                phones.Add(phone);
                continue;
            }

            (await http.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone })).EnsureSuccessStatusCode();
            var key = phone[^4..];
            for (var i = 0; !codes.ContainsKey(key); i++)
            {
                await Task.Delay(i > 100 ? throw new TimeoutException("No SMS code in the log for " + phone) : 50);
            }

            var registered = await http.PostAsJsonAsync("/api/v1/volunteers", new
            {
                phone, code = codes[key], realName = "测试志愿者", idNumber = IdNumber(new DateOnly(1980, 1, 1).AddDays(n)), password = Password, community,
                consentToSensitiveData = true,
            });
            if (!registered.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Volunteer registration: " + await registered.Content.ReadAsStringAsync());
            }

            phones.Add(phone);
        }

        return phones;
    }

    private static async Task ReadSmsCodesAsync(Process server, System.Collections.Concurrent.ConcurrentDictionary<string, string> codes)
    {
        // Every line is read, so the server never blocks on a full pipe; SMS lines give "…1234: … 123456".
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            if (SmsLine().Match(line) is { Success: true } m)
            {
                codes[m.Groups[1].Value] = m.Groups[2].Value;
            }
        }
    }

    [GeneratedRegex(@"SMS to \d{3}\*+(\d{4}).*?(\d{6})")]
    private static partial Regex SmsLine();

    /// <summary>A valid resident ID number (GB 11643 check digit) born on the given day in the district.</summary>
    private static string IdNumber(DateOnly birth)
    {
        var body = "320571" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static async Task<(string Id, string Street, string Community)> FirstOrganizationAsync()
    {
        // The organization every staff step works for: the first of the district list.
        using var probe = await SignedInAsync("http://127.0.0.1:5099", "perf.regulator");
        var org = (await probe.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1")).GetProperty("items")[0];
        var community = org.GetProperty("regionCode").GetString()!;
        return (org.GetProperty("id").GetString()!, community[..9] + "000", community);
    }

    private static async Task WaitReadyAsync(string url)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await probe.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(i > 480 ? throw new TimeoutException(url) : 500);
        }
    }

    internal static async Task<HttpClient> SignedInAsync(string url, string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password });
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of {user}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static double Pct(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
