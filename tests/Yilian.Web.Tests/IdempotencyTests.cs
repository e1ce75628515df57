using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Organizations.Data;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;

namespace Yilian.Web.Tests;

public sealed class IdempotencyTests
{
    private static HttpRequestMessage Post(object body, string key) => new(HttpMethod.Post, "/api/v1/organizations")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key } },
    };

    private static object Organization(int seed) => new
    {
        name = $"园区幂等测试中心{seed}", creditCode = FakeChinese.CreditCode(new Random(seed), '2', "320571"), type = "SocialServiceAgency", regionCode = "320571003004",
    };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Retry_WithSameKeyAndBody_ReplaysFirstResponse_CreatesOnce(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var client = await app.ClientAsAsync("regulator");
        var body = Organization(1);

        var first = await client.SendAsync(Post(body, "key-001"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await client.SendAsync(Post(body, "key-001"));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var reused = await client.SendAsync(Post(Organization(2), "key-001"));
        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().ShouldBe("IdempotencyKeyReused");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ConcurrentRequests_WithOneKey_CreateExactlyOne(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var client = await app.ClientAsAsync("regulator");
        var body = Organization(3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendAsync(Post(body, "key-race"))));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotency-Replayed")).ShouldBe(1);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=园区幂等测试中心3");
        list.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task FailedRequest_FreesTheKey_AndBadKeyIsRefused()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var client = await app.ClientAsAsync("regulator");
        var bad = new { name = "园区幂等测试中心4", creditCode = "bad", type = "Foundation", regionCode = "320571003004" };
        (await client.SendAsync(Post(bad, "key-fail"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Nothing was remembered for the failed attempt, so the corrected request may use the same key.
        (await client.SendAsync(Post(Organization(4), "key-fail"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(Post(Organization(5), "key with spaces"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// The state a crash between the effect's commit and the response leaves: the organization is saved, its key still
    /// held by an attempt that will never finish. Inside the lease a retry hears "still running"; after it, the retry
    /// takes the key over and answers with the organization the dead attempt made — not a second one, not a 409 forever.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task KeyHeldByADeadAttempt_AfterItsEffectCommitted_IsRetryableAfterTheLease_AndAnswersWithThatEffect(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var client = await app.ClientAsAsync("regulator");
        var body = Organization(6);
        var first = await client.SendAsync(Post(body, "key-crash"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await HoldAsync(app, "key-crash", TimeSpan.FromSeconds(60)); // as if the process died before recording the answer

        var early = await client.SendAsync(Post(body, "key-crash"));
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().ShouldBe("IdempotentRequestInProgress");

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var retry = await client.SendAsync(Post(body, "key-crash"));
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var again = await client.SendAsync(Post(body, "key-crash"));
        again.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        again.Headers.Location.ShouldBe(first.Headers.Location);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=园区幂等测试中心6");
        list.GetProperty("total").GetInt32().ShouldBe(1);
    }

    /// <summary>A crash before the commit: nothing was made, so the retry after the lease makes it, once.</summary>
    [Fact]
    public async Task KeyHeldByADeadAttempt_BeforeItsEffectCommitted_MakesTheEffectOnRetry()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var client = await app.ClientAsAsync("regulator");
        var body = Organization(7);
        var first = await client.SendAsync(Post(body, "key-early-crash"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstId = Guid.Parse((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        await HoldAsync(app, "key-early-crash", TimeSpan.Zero);
        await using (var scope = SystemScope.Begin(app.Services))
        {
            // Undo the effect, leaving only the held key: the state of a process killed before its commit.
            var db = scope.ServiceProvider.GetRequiredService<OrganizationsDbContext>();
            (await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == firstId).ExecuteDeleteAsync()).ShouldBe(1);
        }

        var retry = await client.SendAsync(Post(body, "key-early-crash"));
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        retry.Headers.Contains("Idempotency-Replayed").ShouldBeFalse();
        retry.Headers.Location.ShouldNotBe(first.Headers.Location);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=园区幂等测试中心7");
        list.GetProperty("total").GetInt32().ShouldBe(1);
    }

    /// <summary>Puts a finished key back to "held by an attempt whose lease ends after <paramref name="lease"/>".</summary>
    private static async Task HoldAsync(YilianApp app, string key, TimeSpan lease)
    {
        await using var scope = SystemScope.Begin(app.Services);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var until = app.Clock.GetUtcNow() + lease;
        var held = await db.Set<IdempotencyRecord>().Where(r => r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ResponseStatus, 0).SetProperty(r => r.ResponseBody, (string?)null).SetProperty(r => r.Location, (string?)null)
            .SetProperty(r => r.Owner, Guid.NewGuid()).SetProperty(r => r.LeaseExpiresAt, until));
        held.ShouldBe(1);
    }
}
