using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// A need merged into another, or split into parts, keeps its thread, on every configured provider: the merged need closes as
/// merged with a link both ways and its budget joins the other's; a split need becomes parts (all or none written when one part
/// is wrong) linked to it; the call of a part shows the original's posting and split on its timeline; a need with a call can be
/// neither merged nor split.
/// </summary>
public sealed partial class NeedMergeSplitTests
{
    [GeneratedRegex(@"\d{12}")]
    private static partial Regex RegionCode();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Need_Merged_Or_Split_Keeps_Its_Thread(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var officer = await app.ClientAsAsync("officer");
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var field = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field"))[0].GetProperty("code").GetString();
        async Task<Guid> PostAsync(string title, decimal budget) => (await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", new
        {
            title, description = "辖区居民反映。", serviceField = field, targetGroup = "长者", regionCode = community, budget,
            answerBy = today.AddDays(20), @public = true,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Merge: the same need from two postings.
        var a = await PostAsync("长者助餐", 30_000m);
        var b = await PostAsync("老人吃饭难", 10_000m);
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{b}/merge", new { intoId = b, note = "同一件事" }),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("MergeIntoItself");
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{b}/merge", new { intoId = a, note = "" }),
            HttpStatusCode.BadRequest)).ShouldContain("note");
        var merged = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{b}/merge", new { intoId = a, note = "同一件事" }));
        merged.GetProperty("status").GetString().ShouldBe("Merged");
        var into = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{a}");
        into.GetProperty("budget").GetDecimal().ShouldBe(40_000m);
        into.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("relation").GetString()))
            .ShouldBe([(b, "MergedFrom")]);
        merged.GetProperty("links")[0].GetProperty("relation").GetString().ShouldBe("MergedInto");
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{b}/merge", new { intoId = a, note = "再来" }),
            HttpStatusCode.Conflict)).ShouldContain("NeedNotOpen");
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/needs/public?pageSize=200")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("id").GetGuid() == b);

        // Split: one part wrong, nothing written; then two parts, the original closed as split.
        var whole = await PostAsync("社区环境整治", 20_000m);
        var before = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/needs?pageSize=1")).GetProperty("total").GetInt32();
        var refused = await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{whole}/split", new
        {
            parts = new object[] { new { title = "垃圾分类宣传", budget = 15_000m }, new { title = "", budget = 10_000m } }, note = "分两块做",
        }), HttpStatusCode.BadRequest);
        refused.ShouldContain("parts[1].title");
        refused.ShouldContain("\"parts\""); // over the whole budget
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/needs?pageSize=1")).GetProperty("total").GetInt32().ShouldBe(before);
        var split = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{whole}/split", new
        {
            parts = new object[] { new { title = "垃圾分类宣传", budget = 8_000m }, new { title = "楼道清理", budget = 12_000m } },
            note = "分两块做",
        }));
        split.GetProperty("status").GetString().ShouldBe("Split");
        var parts = split.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("relation").GetString() == "SplitInto")
            .Select(l => l.GetProperty("id").GetGuid()).ToList();
        parts.Count.ShouldBe(2);
        var part = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{parts[1]}");
        (part.GetProperty("status").GetString(), part.GetProperty("budget").GetDecimal(), part.GetProperty("regionCode").GetString())
            .ShouldBe(("Open", 12_000m, community));
        part.GetProperty("links")[0].GetProperty("relation").GetString().ShouldBe("SplitFrom");

        // The part's call: its timeline begins with the original need and its split.
        var call = await OkAsync(await officer.PostAsJsonAsync("/api/v1/procurements", new
        {
            needId = parts[1], requirements = "每周清理一次。", budget = 12_000m, proposalsDue = DateTimeOffset.UtcNow.AddDays(7),
        }), HttpStatusCode.Created);
        var texts = call.GetProperty("thread").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        texts[0].ShouldContain(split.GetProperty("number").GetString()!);
        texts.ShouldContain(t => t.Contains("拆分"));
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{parts[1]}/split", new
        {
            parts = new object[] { new { title = "一", budget = 1m }, new { title = "二", budget = 1m } }, note = "再分",
        }), HttpStatusCode.Conflict)).ShouldContain("NeedHasCall");
    }
}
