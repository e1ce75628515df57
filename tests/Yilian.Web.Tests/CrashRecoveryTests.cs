using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// <c>kill -9</c> in the middle of a burst of creates sent with <c>Idempotency-Key</c>, then a restart and a retry of
/// every key, as a client that never heard back would do. Before the keys were leases, a key whose attempt died stayed
/// "in progress" (409) forever, though its project was mostly committed.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 120;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "yilian-crash-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Environment => new()
    {
        ["Database__DataDirectory"] = Path.Combine(_dir, "data"),
        ["Demo__Enabled"] = "true",
        ["Demo__Password"] = YilianApp.DemoPassword,
        ["Demo__LivingDistrict"] = "false",
        ["Policies__DemoResidents"] = "false",
        ["Idempotency__LeaseSeconds"] = "15",
    };

    [Fact]
    public async Task EveryKey_AnswersWithItsOneProject_AfterACrashMidBurst()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var acknowledged = new Dictionary<int, string>();
        await using (var host = RealHost.Start(_dir, Environment))
        {
            (await host.WaitHealthyAsync(TimeSpan.FromMinutes(5))).ShouldBeTrue(host.Output);
            using var client = await SignInAsync(host.BaseUrl);
            var organizationId = await FirstOrganizationAsync(client);
            // The later half waits for the crash, so however fast the host answers, some requests are never heard before
            // it dies (on a busy machine the whole burst could otherwise finish between the fifth answer and the kill).
            var crashed = new TaskCompletionSource();
            var burst = Enumerable.Range(0, Requests).Select(async i =>
            {
                try
                {
                    if (i >= Requests / 2)
                    {
                        await crashed.Task;
                    }

                    var response = await client.SendAsync(Create(organizationId, run, i));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        lock (acknowledged)
                        {
                            acknowledged[i] = response.Headers.Location!.ToString();
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The process died under this request: the client never heard back.
                }
                catch (TaskCanceledException)
                {
                    // Likewise.
                }
            }).ToList();

            // Kill once a few have been answered, so some are done, some in flight and some not yet begun.
            while (Count(acknowledged) < 5 && burst.Any(t => !t.IsCompleted))
            {
                await Task.Delay(20);
            }

            await host.KillAsync();
            crashed.SetResult();
            await Task.WhenAll(burst);
        }

        Count(acknowledged).ShouldBeLessThan(Requests, "the crash came too late to test anything");
        await using var restarted = RealHost.Start(_dir, Environment);
        (await restarted.WaitHealthyAsync(TimeSpan.FromMinutes(5))).ShouldBeTrue(restarted.Output);
        using var again = await SignInAsync(restarted.BaseUrl);
        var organization = await FirstOrganizationAsync(again);
        var locations = new Dictionary<int, string>();
        var held = 0;
        for (var i = 0; i < Requests; i++)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpResponseMessage response;
            while ((response = await again.SendAsync(Create(organization, run, i))).StatusCode == HttpStatusCode.Conflict
                && DateTime.UtcNow < deadline)
            {
                held++;
                await Task.Delay(500); // the dead attempt's lease has not run out yet
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Created, $"key {i}: {await response.Content.ReadAsStringAsync()}");
            locations[i] = response.Headers.Location!.ToString();
            if (acknowledged.TryGetValue(i, out var first))
            {
                locations[i].ShouldBe(first, $"key {i} was answered before the crash and must be answered the same after it");
            }
        }

        output.WriteLine($"answered before the crash: {acknowledged.Count}; retries answered 409 while a dead attempt held the key: {held}");
        locations.Values.Distinct().Count().ShouldBe(Requests);
        var board = await again.GetFromJsonAsync<JsonElement>($"/api/v1/projects/board?q=crash-{run}");
        board.EnumerateArray().Sum(c => c.GetProperty("total").GetInt32()).ShouldBe(Requests, "one project per key, none twice, none lost");
    }

    private static int Count(Dictionary<int, string> acknowledged)
    {
        lock (acknowledged)
        {
            return acknowledged.Count;
        }
    }

    private static HttpRequestMessage Create(Guid organizationId, string run, int i) => new(HttpMethod.Post, "/api/v1/projects")
    {
        Content = JsonContent.Create(new
        {
            organizationId, name = $"crash-{run}-{i:D2}", periodStart = "2027-01-01", periodEnd = "2027-06-30",
        }),
        Headers = { { "Idempotency-Key", $"crash-{run}-{i}" } },
    };

    private static async Task<HttpClient> SignInAsync(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "regulator", password = YilianApp.DemoPassword });
        var body = await token.Content.ReadAsStringAsync();
        token.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Guid> FirstOrganizationAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1");
        return list.GetProperty("items")[0].GetProperty("id").GetGuid();
    }
}
