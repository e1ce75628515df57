using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// The projects, evaluations and resources lists and matching through the API, on every configured provider: organizations list
/// service projects (bad input answered field by field); a community's need ranks them with every reason's weight and points, a
/// suspended organization and a full project left out with why; the organization finds the need from its side; the met need is
/// rated once, and the rating counts in the next matching; resources are offered, listed in scope and publicly, and withdrawn once.
/// </summary>
public sealed partial class SupplyListsTests
{
    [GeneratedRegex(@"\d{12}")]
    private static partial Regex RegionCode();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Need_Ranks_The_Listed_Projects_With_Reasons_And_Its_Rating_Counts_In_The_Next_Matching(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var orgadmin2 = await app.ClientAsAsync("orgadmin2");
        using var operatorClient = await app.ClientAsAsync("operator");
        using var anonymous = app.CreateClient();
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var field = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field"))[0].GetProperty("code").GetString();
        object Project(string name, int capacity = 3, int load = 1, decimal from = 10_000m, decimal to = 30_000m, string[]? areas = null,
            Guid? organizationId = null, string group = "独居老人、高龄老人") => new
        {
            organizationId, name, summary = "每周上门探访，建立台账。", serviceField = field, targetGroup = group, areaCodes = areas ?? [],
            priceFrom = from, priceTo = to, capacity, load,
        };

        // Bad input is answered field by field; someone not of an organization cannot list for one.
        var bad = await ProblemAsync(await orgadmin.PostAsJsonAsync("/api/v1/service-projects", Project("<b>探访</b>", capacity: 0,
            from: 30_000m, to: 10_000m, areas: ["999999999999"])), HttpStatusCode.BadRequest);
        foreach (var named in new[] { "name", "capacity", "priceTo", "areaCodes" })
        {
            bad.ShouldContain(named);
        }

        (await officer.PostAsJsonAsync("/api/v1/service-projects", Project("探访"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operatorClient.PostAsJsonAsync("/api/v1/service-projects", Project("探访"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var visiting = await OkAsync(await orgadmin.PostAsJsonAsync("/api/v1/service-projects", Project("安心探访", areas: [community[..9] + "000"])),
            HttpStatusCode.Created);
        var meals = await OkAsync(await orgadmin2.PostAsJsonAsync("/api/v1/service-projects", Project("长者助餐", from: 60_000m, to: 90_000m,
            group: "60 岁以上老人")), HttpStatusCode.Created);
        var (third, fourth) = await SystemScope.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), async sp =>
        {
            var orgs = await sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.Status == OrganizationStatus.Active)
                .OrderBy(o => o.Name).Select(o => o.Id).ToListAsync();
            var taken = new[] { visiting.GetProperty("organizationId").GetGuid(), meals.GetProperty("organizationId").GetGuid() };
            var rest = orgs.Except(taken).ToList();
            return (rest[0], rest[1]);
        });
        var full = await OkAsync(await operatorClient.PostAsJsonAsync("/api/v1/service-projects", Project("银龄互助", capacity: 2, load: 2,
            organizationId: third)), HttpStatusCode.Created);
        await OkAsync(await operatorClient.PostAsJsonAsync("/api/v1/service-projects", Project("数字课堂", organizationId: fourth)),
            HttpStatusCode.Created);
        await SystemScope.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), sp =>
            sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.Id == fourth)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Suspended)));

        object Need(string title) => new
        {
            title, description = "每周上门探访一次。", serviceField = field, targetGroup = "80 岁以上独居老人", regionCode = community,
            budget = 36_000m, answerBy = today.AddDays(14).ToString("yyyy-MM-dd"), @public = true,
        };
        var need = await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need("独居老人每周上门探访")), HttpStatusCode.Created);
        var needId = need.GetProperty("id").GetString();
        var matches = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{needId}/matches");
        matches.GetProperty("candidates").GetInt32().ShouldBe(4);
        var ranked = matches.GetProperty("ranked").EnumerateArray().ToList();
        ranked.Select(r => r.GetProperty("serviceProjectName").GetString()).ShouldBe(["安心探访", "长者助餐"]);
        foreach (var r in ranked)
        {
            var reasons = r.GetProperty("reasons").EnumerateArray().ToList();
            reasons.Count.ShouldBe(7);
            reasons.Sum(x => x.GetProperty("weight").GetDouble()).ShouldBe(100);
            reasons.Sum(x => x.GetProperty("points").GetDouble()).ShouldBe(r.GetProperty("score").GetDouble(), 0.35);
        }

        ranked[0].GetProperty("reasons").EnumerateArray().Single(x => x.GetProperty("factor").GetString() == "area")
            .GetProperty("points").GetDouble().ShouldBe(20);
        var leftOut = matches.GetProperty("leftOut").EnumerateArray().ToDictionary(l => l.GetProperty("serviceProjectName").GetString()!,
            l => l.GetProperty("reason").GetString()!);
        leftOut["银龄互助"].ShouldContain("满负荷");
        leftOut["数字课堂"].ShouldContain("停止活动");
        (await orgadmin.GetAsync($"/api/v1/needs/{needId}/matches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The organization finds the same need from its side, with the same score.
        var fitting = await orgadmin.GetFromJsonAsync<JsonElement>("/api/v1/needs/fitting");
        var found = fitting.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("need").GetProperty("id").GetString() == needId);
        found.GetProperty("score").GetDouble().ShouldBe(ranked[0].GetProperty("score").GetDouble());
        (await orgadmin.GetAsync($"/api/v1/needs/fitting?organizationId={meals.GetProperty("organizationId")}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        // Rated once the need is met, once; a score outside 1–5 and an open need refused.
        object Rating(int score, string? project = null) => new
        {
            needId, serviceProjectId = project ?? meals.GetProperty("id").GetString(), score, comment = "准时、细致。",
        };
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/evaluations", Rating(5)), HttpStatusCode.Conflict))
            .ShouldContain("NotYetMet");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{needId}/close", new { note = "由长者助餐项目承接。" }));
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/evaluations", Rating(7)), HttpStatusCode.BadRequest)).ShouldContain("score");
        (await orgadmin.PostAsJsonAsync("/api/v1/evaluations", Rating(5))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var rated = await OkAsync(await officer.PostAsJsonAsync("/api/v1/evaluations", Rating(5)), HttpStatusCode.Created);
        rated.GetProperty("needNumber").GetString().ShouldBe(need.GetProperty("number").GetString());
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/evaluations", Rating(4)), HttpStatusCode.Conflict))
            .ShouldContain("AlreadyRated");
        var shown = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/evaluations/public");
        shown.GetProperty("total").GetInt32().ShouldBe(1);
        shown.GetRawText().ShouldNotContain("officer");
        (await orgadmin2.GetFromJsonAsync<JsonElement>("/api/v1/evaluations")).GetProperty("total").GetInt32().ShouldBe(1);
        (await orgadmin.GetFromJsonAsync<JsonElement>("/api/v1/evaluations")).GetProperty("total").GetInt32().ShouldBe(0);

        // The next need of the kind: the rated organization's evaluations reason counts the rating and its score rose by it.
        var next = await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need("高龄老人探访")), HttpStatusCode.Created);
        var again = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{next.GetProperty("id")}/matches");
        var before = ranked.Single(r => r.GetProperty("serviceProjectName").GetString() == "长者助餐");
        var after = again.GetProperty("ranked").EnumerateArray().Single(r => r.GetProperty("serviceProjectName").GetString() == "长者助餐");
        double Evaluations(JsonElement match) => match.GetProperty("reasons").EnumerateArray()
            .Single(x => x.GetProperty("factor").GetString() == "evaluations").GetProperty("points").GetDouble();
        Evaluations(after).ShouldBeGreaterThan(Evaluations(before));
        (after.GetProperty("score").GetDouble() - before.GetProperty("score").GetDouble()).ShouldBe(15 * (12.0 / 3 - 3.5) / 4, 0.15);

        // Withdrawn: off the public list and out of matching; its rating stays.
        await OkAsync(await orgadmin2.PostAsync($"/api/v1/service-projects/{meals.GetProperty("id")}/withdraw", null));
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/service-projects/public")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ShouldNotContain("长者助餐");
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{next.GetProperty("id")}/matches")).GetProperty("ranked")
            .EnumerateArray().Select(r => r.GetProperty("serviceProjectName").GetString()).ShouldBe(["安心探访"]);
        (await ProblemAsync(await orgadmin2.PutAsJsonAsync($"/api/v1/service-projects/{meals.GetProperty("id")}", Project("长者助餐")),
            HttpStatusCode.Conflict)).ShouldContain("ServiceProjectWithdrawn");
        (await orgadmin.PutAsJsonAsync($"/api/v1/service-projects/{full.GetProperty("id")}", Project("银龄互助"))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Resources_Are_Offered_In_Scope_Listed_Publicly_And_Withdrawn_Once(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var street = await app.ClientAsAsync("street");
        using var anonymous = app.CreateClient();
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var streets = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/regions?parent={community[..6]}000000");
        var otherStreet = streets.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).First(c => c[..9] != community[..9]);
        var elsewhere = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/regions?parent={otherStreet}"))[0].GetProperty("code")
            .GetString();
        static object Offer(string kind, string? region, bool shown = true, string? providerKind = "Venue") => new
        {
            kind, title = "多功能活动室", description = "可容纳 60 人。", provider = "社区党群服务中心", providerKind, regionCode = region,
            quantity = "1 间", @public = shown,
        };

        var bad = await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/resources", Offer("Land", elsewhere, providerKind: "Alien")),
            HttpStatusCode.BadRequest);
        foreach (var named in new[] { "kind", "providerKind", "regionCode" })
        {
            bad.ShouldContain(named);
        }

        var room = await OkAsync(await officer.PostAsJsonAsync("/api/v1/resources", Offer("Space", community)), HttpStatusCode.Created);
        await OkAsync(await officer.PostAsJsonAsync("/api/v1/resources", Offer("Goods", community, shown: false)), HttpStatusCode.Created);
        var skills = await OkAsync(await orgadmin.PostAsJsonAsync("/api/v1/resources", Offer("Skills", elsewhere)), HttpStatusCode.Created);
        skills.GetProperty("providerKind").GetString().ShouldBe("Organization");
        skills.GetProperty("provider").GetString().ShouldNotBe("社区党群服务中心");

        (await street.GetFromJsonAsync<JsonElement>("/api/v1/resources")).GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        (await orgadmin.GetFromJsonAsync<JsonElement>("/api/v1/resources")).GetProperty("total").GetInt32().ShouldBe(1);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/resources/public")).GetProperty("total").GetInt32().ShouldBe(2);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/resources/public?kind=Space")).GetProperty("total").GetInt32().ShouldBe(1);

        await OkAsync(await officer.PostAsync($"/api/v1/resources/{room.GetProperty("id")}/withdraw", null));
        (await ProblemAsync(await officer.PostAsync($"/api/v1/resources/{room.GetProperty("id")}/withdraw", null), HttpStatusCode.Conflict))
            .ShouldContain("OfferWithdrawn");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/resources/public")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Need_Carries_Checked_Attachments_That_Its_Public_List_Opens_While_It_Is_Open(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var anonymous = app.CreateClient();
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var field = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field"))[0].GetProperty("code").GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        object Need(bool shown) => new
        {
            title = "楼道适老化改造", description = "加装扶手和照明。", serviceField = field, targetGroup = "高龄老人", regionCode = community,
            budget = 20_000m, answerBy = today.AddDays(10).ToString("yyyy-MM-dd"), @public = shown,
        };
        var shown = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(true)), HttpStatusCode.Created)).GetProperty("id")
            .GetString();
        var hidden = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(false)), HttpStatusCode.Created)).GetProperty("id")
            .GetString();
        static MultipartFormDataContent File(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% 楼道平面图\ntrailer << >>\n%%EOF\n");

        (await ProblemAsync(await officer.PostAsync($"/api/v1/needs/{shown}/attachments", File("<html>x</html>"u8.ToArray(), "plan.pdf")),
            HttpStatusCode.UnsupportedMediaType)).ShouldContain("PDF");
        (await ProblemAsync(await officer.PostAsync($"/api/v1/needs/{shown}/attachments", File(new byte[(10 * 1024 * 1024) + 1], "big.pdf")),
            HttpStatusCode.RequestEntityTooLarge)).ShouldContain("10 MB");
        (await orgadmin.PostAsync($"/api/v1/needs/{shown}/attachments", File(pdf, "plan.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var plan = await OkAsync(await officer.PostAsync($"/api/v1/needs/{shown}/attachments", File(pdf, "平面图.pdf")), HttpStatusCode.Created);
        var secret = await OkAsync(await officer.PostAsync($"/api/v1/needs/{hidden}/attachments", File(pdf, "名单.pdf")), HttpStatusCode.Created);

        (await officer.GetByteArrayAsync($"/api/v1/needs/{shown}/attachments/{plan.GetProperty("id")}")).ShouldBe(pdf);
        (await anonymous.GetByteArrayAsync($"/api/v1/needs/public/{shown}/attachments/{plan.GetProperty("id")}")).ShouldBe(pdf);
        (await anonymous.GetAsync($"/api/v1/needs/public/{hidden}/attachments/{secret.GetProperty("id")}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/v1/needs/public/{shown}/attachments/{secret.GetProperty("id")}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{shown}/withdraw", new { note = "改由街道统一实施。" }));
        (await ProblemAsync(await officer.PostAsync($"/api/v1/needs/{shown}/attachments", File(pdf, "plan.pdf")), HttpStatusCode.Conflict))
            .ShouldContain("NeedNotOpen");
        (await anonymous.GetAsync($"/api/v1/needs/public/{shown}/attachments/{plan.GetProperty("id")}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/needs/{shown}/attachments/{plan.GetProperty("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
