using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

/// <summary>
/// Money at district scale (issue 16): 2,000 organizations' books with 200,000 expenses and 200 charity projects with
/// 400,000 donations (once, `seed-finance`); the nightly re-evaluation of every warning rule, timed by the host
/// (`finance-nightly`); then over HTTP: recording a donation from the provider's signed notice, a project's public page and
/// its disclosure, the regulator's warning list, the live screen; and with --viewers N (500) connected to the live
/// stream, how long each gift takes from its commit to every viewer.
/// </summary>
internal static class Charity
{
    private const string Secret = "yilian-simulated-payments";

    public static async Task<(List<(string Name, Func<Random, HttpRequestMessage> Make)> Targets, Func<Task> After)> PrepareAsync(
        HttpClient http, string url, Func<string[], Task<int>> run, Action stop, Func<Task> start, Dictionary<string, string> options)
    {
        stop();
        var seeding = Stopwatch.StartNew();
        if (await run(["seed-finance", "--organizations", options.GetValueOrDefault("organizations") ?? "2000",
                "--expenses", options.GetValueOrDefault("expenses") ?? "200000",
                "--donations", options.GetValueOrDefault("donations") ?? "400000"]) != 0)
        {
            throw new InvalidOperationException("Seeding the finance data failed.");
        }

        Console.WriteLine($"finance data ready in {seeding.Elapsed.TotalSeconds:F1} s");
        // The first run raises the warnings the books hold; the second is a night when little changed.
        await run(["finance-nightly"]);
        await run(["finance-nightly"]);
        await start();

        var projects = (await http.GetFromJsonAsync<JsonElement>("/api/v1/charity-projects/public")).EnumerateArray()
            .Where(p => p.GetProperty("open").GetBoolean()).Select(p => p.GetProperty("id").GetString()!).ToList();
        Console.WriteLine($"{projects.Count} open charity projects");
        var requests = int.Parse(options.GetValueOrDefault("requests") ?? "300", CultureInfo.InvariantCulture);
        var notices = new ConcurrentQueue<object>();
        for (var i = 0; i < requests + 40; i++)
        {
            notices.Enqueue(await NoticeAsync(http, projects[i % projects.Count], 10m + i % 90));
        }

        List<(string, Func<Random, HttpRequestMessage>)> targets =
        [
            ("record a donation (provider's notice)", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/donations/notifications/simulated")
            {
                Content = JsonContent.Create(notices.TryDequeue(out var n) ? n : throw new InvalidOperationException("No notices left.")),
            }),
            ("charity project public page (HTML)", r => new HttpRequestMessage(HttpMethod.Get, $"/charity/projects/{projects[r.Next(projects.Count)]}")),
            ("charity project disclosure (API)", r =>
                new HttpRequestMessage(HttpMethod.Get, $"/api/v1/charity-projects/{projects[r.Next(projects.Count)]}/disclosure")),
            ("regulator's warning list", r => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/finance-warnings?page={1 + r.Next(5)}")),
            ("live screen as it opens", _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/charity/live")),
        ];
        var viewers = int.Parse(options.GetValueOrDefault("viewers") ?? "500", CultureInfo.InvariantCulture);
        return (targets, () => LiveAsync(http, url, projects, viewers));
    }

    /// <summary>A donation asked for on the public page, and the provider's signed notice that it was paid.</summary>
    private static async Task<object> NoticeAsync(HttpClient http, string project, decimal amount)
    {
        var ask = await http.PostAsJsonAsync($"/api/v1/charity-projects/{project}/donation-requests", new { amount, donorName = "压测" });
        ask.EnsureSuccessStatusCode();
        var intent = (await ask.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intentId").GetGuid();
        var transaction = "BENCHSIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        var paidAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var text = string.Join('|', intent.ToString("N"), transaction, amount.ToString("0.00", CultureInfo.InvariantCulture),
            paidAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(text)));
        return new { intentId = intent, transactionId = transaction, amount, paidAt, signature };
    }

    /// <summary>N viewers on the live stream; 30 gifts a second apart; from each gift's notice sent (so its recording is
    /// counted) to each viewer's receipt of it.</summary>
    private static async Task LiveAsync(HttpClient http, string url, List<string> projects, int count)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count + 10, PooledConnectionLifetime = TimeSpan.FromHours(1) };
        using var streams = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var arrivals = new ConcurrentDictionary<(int Viewer, decimal Amount), long>();
        var connected = 0;
        var readers = Enumerable.Range(0, count).Select(async viewer =>
        {
            using var response = await streams.GetAsync("/api/v1/charity/live/events", HttpCompletionOption.ResponseHeadersRead, stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            Interlocked.Increment(ref connected);
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("\"kind\":\"donation\"", StringComparison.Ordinal))
                    {
                        var e = JsonDocument.Parse(line[5..]).RootElement;
                        arrivals.TryAdd((viewer, e.GetProperty("amount").GetDecimal()), Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        }).ToList();
        while (Volatile.Read(ref connected) < count)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        var commits = new Dictionary<decimal, long>();
        for (var i = 0; i < 30; i++)
        {
            var amount = 7000m + i + 0.07m; // unique amounts name the gifts in the stream
            var notice = await NoticeAsync(http, projects[i % projects.Count], amount);
            commits[amount] = Stopwatch.GetTimestamp(); // from the notice sent: the recording itself is counted too
            using var answer = await http.PostAsJsonAsync("/api/v1/donations/notifications/simulated", notice);
            answer.EnsureSuccessStatusCode();
            await Task.Delay(1000);
        }

        await Task.Delay(3000);
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        var delays = new List<double>();
        var missed = 0;
        foreach (var (amount, committed) in commits)
        {
            for (var v = 0; v < count; v++)
            {
                if (arrivals.TryGetValue((v, amount), out var at))
                {
                    delays.Add(Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds);
                }
                else
                {
                    missed++;
                }
            }
        }

        delays.Sort();
        double P(double q) => delays.Count == 0 ? double.NaN : delays[Math.Min(delays.Count - 1, (int)Math.Ceiling(q * delays.Count) - 1)];
        Console.WriteLine($"live stream, {count} viewers, 30 gifts: notice sent → viewer p50 {P(0.5):F0} ms, p95 {P(0.95):F0} ms, "
            + $"p99 {P(0.99):F0} ms, max {(delays.Count == 0 ? double.NaN : delays[^1]):F0} ms; {missed} deliveries missed of {count * 30}");
    }
}
