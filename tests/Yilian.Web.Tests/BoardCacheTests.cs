using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// The board is cached per scope until a project changes (decision 022): a change made through another instance shows at
/// once, and one scope's board is never answered to another.
/// </summary>
public sealed class BoardCacheTests
{
    private static async Task<Dictionary<string, int>> TotalsAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/board" + query)).EnumerateArray()
            .ToDictionary(c => c.GetProperty("stage").GetString()!, c => c.GetProperty("total").GetInt32());

    private static async Task<string[]> CardsAsync(HttpClient client, string stage) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/board")).EnumerateArray()
            .First(c => c.GetProperty("stage").GetString() == stage).GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Board_ShowsAChangeMadeOnAnotherInstance_AndKeepsScopesApart(string provider)
    {
        await using var a = await YilianApp.StartAsync(provider);
        await using var b = a.Twin();
        using var regulatorOnA = await a.ClientAsAsync("regulator");
        using var orgOnA = await a.ClientAsAsync("orgadmin");
        using var orgOnB = await b.ClientAsAsync("orgadmin");

        var district = await TotalsAsync(regulatorOnA);
        var own = await TotalsAsync(orgOnA);
        district.Values.Sum().ShouldBeGreaterThan(own.Values.Sum(), "the organization's board is its own, not the district's cached one");
        (await TotalsAsync(regulatorOnA)).ShouldBe(district);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = await orgOnB.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "缓存测试项目", periodStart = today.ToString("yyyy-MM-dd"), periodEnd = today.AddDays(90).ToString("yyyy-MM-dd"),
            fundingSource = "自筹", fundingAmount = 1000,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = created.Headers.Location!.ToString().Split('/')[^1];

        var after = await TotalsAsync(regulatorOnA);
        after["intake"].ShouldBe(district["intake"] + 1);
        after.Where(t => t.Key != "intake").ShouldBe(district.Where(t => t.Key != "intake"));
        (await CardsAsync(regulatorOnA, "intake"))[0].ShouldBe(id);
        (await TotalsAsync(orgOnA))["intake"].ShouldBe(own["intake"] + 1);

        // Filtered boards are counted afresh and agree with the cached one.
        (await TotalsAsync(regulatorOnA, "?q=" + Uri.EscapeDataString("缓存测试")))["intake"].ShouldBe(1);
        var organizationId = (await (await orgOnA.GetAsync($"/api/v1/projects/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("organizationId").GetString();
        (await TotalsAsync(regulatorOnA, "?organizationId=" + organizationId)).ShouldBe(await TotalsAsync(orgOnA));
    }
}
