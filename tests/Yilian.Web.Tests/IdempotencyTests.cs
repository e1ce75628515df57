using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
