using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using Yilian.Discovery.Search;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests.Search;

/// <summary>
/// The one search box through the API, over the demo district: 养老, its pinyin, initials, traditional form and 助餐 find the
/// elderly-care services first; the groups carry kinds, highlights and links; a service added is found within moments of the
/// write; bad queries get a clear answer, never a 5xx.
/// </summary>
public sealed class SearchApiTests
{
    [Fact]
    public async Task A_Resident_Finds_Elderly_Care_However_They_Type_It()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        await app.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        using var anyone = app.CreateClient();
        foreach (var query in new[] { "养老", "yanglao", "yang lao", "yl", "養老", "ＹＡＮＧＬＡＯ", "养lao" })
        {
            var answer = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(query)}");
            var services = answer.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "service");
            services.GetProperty("title").GetString().ShouldBe("服务");
            var first = services.GetProperty("hits")[0];
            first.GetProperty("name").GetString()!.ShouldStartWith("养老服务站", customMessage: query);
            first.GetProperty("place").GetString().ShouldBe("prefix", query);
            first.GetProperty("highlights")[0].GetProperty("start").GetInt32().ShouldBe(0, query);
            first.GetProperty("highlights")[0].GetProperty("length").GetInt32().ShouldBe(2, query);
            first.GetProperty("url").GetString()!.ShouldStartWith("/services/");
        }

        var meals = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/search?q=%E5%8A%A9%E9%A4%90&kind=service"); // 助餐
        var mealHits = meals.GetProperty("groups")[0].GetProperty("hits");
        mealHits[0].GetProperty("name").GetString()!.ShouldStartWith("长者助餐点");
        mealHits[0].GetProperty("highlights")[0].GetProperty("start").GetInt32().ShouldBe(2);

        // 经典 typed in characters never finds 景点; the same pinyin may find both.
        (await anyone.GetFromJsonAsync<JsonElement>("/api/v1/search?q=%E6%99%AF%E7%82%B9")).GetProperty("count").GetInt32().ShouldBe(0);

        // Bad input: a clear message on the query, no 5xx.
        (await ProblemAsync(await anyone.GetAsync("/api/v1/search?q="), HttpStatusCode.BadRequest)).ShouldContain("请输入要找的内容");
        (await ProblemAsync(await anyone.GetAsync("/api/v1/search?q=" + new string('养', 10_000)), HttpStatusCode.BadRequest))
            .ShouldContain("最多 50 个字");
        foreach (var nothing in new[] { "！？。，", "\u0001\u0002", "😀🎉", "\u202e\u200b" })
        {
            (await ProblemAsync(await anyone.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(nothing)), HttpStatusCode.BadRequest))
                .ShouldContain("没有可以查找的文字", customMessage: nothing);
        }

        var hidden = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("养\u202e老\u0007"));
        hidden.GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
        (await ProblemAsync(await anyone.GetAsync("/api/v1/search?q=yl&kind=nothing"), HttpStatusCode.BadRequest)).ShouldContain("kind");
        (await ProblemAsync(await anyone.GetAsync("/api/v1/search?q=yl&limit=500"), HttpStatusCode.BadRequest)).ShouldContain("limit");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Service_Is_Found_Moments_After_It_Is_Added_And_Leaves_When_Withdrawn(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await app.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        using var operatorClient = await app.ClientAsAsync("operator");
        using var anyone = app.CreateClient();
        var any = (await anyone.GetFromJsonAsync<JsonElement>("/api/v1/services?pageSize=1")).GetProperty("items")[0];
        var input = new
        {
            organizationId = any.GetProperty("organizationId").GetGuid(), name = "银发理发上门服务", category = "elderly",
            summary = "每月一次为行动不便的老人上门理发。", regionCode = any.GetProperty("regionCode").GetString(), address = "社区服务中心",
            hours = "每月第一个周三", howToApply = "电话预约", contact = "0512-66668888", keywords = "理发", latitude = 31.3,
            longitude = 120.6,
        };
        var bad = await ProblemAsync(await operatorClient.PostAsJsonAsync("/api/v1/services", input with
        {
            name = "", category = "pets", latitude = 95.0,
        }), HttpStatusCode.BadRequest);
        bad.ShouldContain("\"name\"");
        bad.ShouldContain("\"category\"");
        bad.ShouldContain("\"latitude\"");

        var clock = Stopwatch.StartNew();
        var created = await OkAsync(await operatorClient.PostAsJsonAsync("/api/v1/services", input), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        async Task<bool> FoundAsync(string q) => (await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={q}&kind=service"))
            .GetProperty("groups")[0].GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetString() == id);

        // Within a second on an idle machine (the indexer polls every 250 ms); allowed longer here, and the time is reported.
        while (!await FoundAsync("yinfa") && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        var found = clock.Elapsed;
        (await FoundAsync("yinfa")).ShouldBeTrue($"not found after {found}");
        Console.WriteLine($"Search: a new service was found {found.TotalMilliseconds:F0} ms after the request to add it ({provider}).");
        (await FoundAsync("%E7%90%86%E5%8F%91")).ShouldBeTrue(); // 理发

        // On the charity map too, with the rest of what the index wrote for it.
        async Task<bool> NearbyAsync() => (await anyone.GetFromJsonAsync<JsonElement>("/api/v1/nearby?lat=31.3&lng=120.6&kind=service"))
            .GetProperty("items").EnumerateArray()
            .Any(h => h.GetProperty("id").GetString() == id && h.GetProperty("meters").GetInt32() == 0);
        (await NearbyAsync()).ShouldBeTrue();

        await OkAsync(await operatorClient.PostAsync($"/api/v1/services/{id}/withdraw", null));
        clock.Restart();
        while (await FoundAsync("yinfa") && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        (await FoundAsync("yinfa")).ShouldBeFalse();
        (await NearbyAsync()).ShouldBeFalse();
        (await ProblemAsync(await anyone.GetAsync($"/api/v1/services/{id}"), HttpStatusCode.NotFound)).ShouldContain("记录不存在");
    }
}
