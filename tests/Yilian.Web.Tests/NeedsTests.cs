using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// The needs list through the API, on every configured provider: a community officer posts a need in their community (bad input
/// answered field by field, another area refused); the street and the regulator see it, organizations find it on the public list
/// when it is public; it is closed with how it was met, once; the list filters and exports.
/// </summary>
public sealed partial class NeedsTests
{
    [GeneratedRegex(@"\d{12}")]
    private static partial Regex RegionCode();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Community_Posts_A_Need_The_Street_Sees_It_Organizations_Find_It_And_It_Is_Closed_Once(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var officer = await app.ClientAsAsync("officer");
        using var street = await app.ClientAsAsync("street");
        using var regulator = await app.ClientAsAsync("regulator");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var anonymous = app.CreateClient();
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var streets = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/regions?parent={community[..6]}000000");
        var otherStreet = streets.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).First(c => c[..9] != community[..9]);
        var elsewhere = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/regions?parent={otherStreet}"))[0].GetProperty("code")
            .GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var fields = await officer.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field");
        var field = fields[0].GetProperty("code").GetString();
        object Need(string? region, int answerIn = 14, decimal budget = 36000m, string? serviceField = null, bool shown = true,
            string title = "独居老人每周上门探访") => new
        {
            title, description = "每周上门探访一次，关注健康和安全。", serviceField = serviceField ?? field, targetGroup = "80 岁以上独居老人",
            regionCode = region, serviceFrom = today.AddDays(20).ToString("yyyy-MM-dd"), serviceTo = today.AddDays(120).ToString("yyyy-MM-dd"),
            budget, answerBy = today.AddDays(answerIn).ToString("yyyy-MM-dd"), @public = shown,
        };

        // Bad input is answered field by field; nothing is written.
        var bad = await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(null, answerIn: -1, budget: -5m,
            serviceField: "no-such-field")), HttpStatusCode.BadRequest);
        foreach (var named in new[] { "regionCode", "answerBy", "budget", "serviceField" })
        {
            bad.ShouldContain(named);
        }

        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(community, budget: 1.234m)), HttpStatusCode.BadRequest))
            .ShouldContain("两位小数");
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(community, title: "探访\u202E<script>")),
            HttpStatusCode.BadRequest)).ShouldContain("title");
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(elsewhere)), HttpStatusCode.UnprocessableEntity))
            .ShouldContain("NeedOutsideScope");
        (await orgadmin.PostAsJsonAsync("/api/v1/needs", Need(community))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/needs")).GetProperty("total").GetInt32().ShouldBe(0);

        var posted = await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(community)), HttpStatusCode.Created);
        posted.GetProperty("number").GetString()!.ShouldStartWith("XQ" + today.ToString("yyyyMMdd"));
        posted.GetProperty("status").GetString().ShouldBe("Open");
        var id = posted.GetProperty("id").GetString();
        var hidden = await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", Need(community, shown: false, title: "楼道堆物清理")),
            HttpStatusCode.Created);
        hidden.GetProperty("number").GetString().ShouldNotBe(posted.GetProperty("number").GetString());

        // The street and the regulator see both; the public list (anyone, organizations included) only the public one.
        (await street.GetFromJsonAsync<JsonElement>("/api/v1/needs")).GetProperty("total").GetInt32().ShouldBe(2);
        (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/needs?region={community[..9]}000")).GetProperty("total").GetInt32()
            .ShouldBe(2);
        (await orgadmin.GetAsync("/api/v1/needs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var shownPublicly = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/needs/public?field={field}");
        shownPublicly.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ShouldBe([id]);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/needs/public?q=堆物")).GetProperty("total").GetInt32().ShouldBe(0);

        // Closed once, with how it was met; then off the public list and a second close is refused.
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{id}/close", new { note = "" }), HttpStatusCode.BadRequest))
            .ShouldContain("note");
        var closed = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/needs/{id}/close", new { note = "由园区同行社区服务社承接" }));
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        (await ProblemAsync(await street.PostAsJsonAsync($"/api/v1/needs/{id}/withdraw", new { note = "重复" }), HttpStatusCode.Conflict))
            .ShouldContain("NeedNotOpen");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/needs/public")).GetProperty("total").GetInt32().ShouldBe(0);
        (await street.GetFromJsonAsync<JsonElement>("/api/v1/needs?status=Open")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("title").GetString()).ShouldBe(["楼道堆物清理"]);

        // A need whose answer date passed unanswered is on the street's and the regulator's workbench, linked to the list of them.
        await SystemScope.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), sp =>
            sp.GetRequiredService<SupplyDbContext>().Needs.Where(n => n.Title == "楼道堆物清理")
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.AnswerBy, today.AddDays(-1))));
        foreach (var watcher in new[] { street, regulator, officer })
        {
            var work = await watcher.GetFromJsonAsync<JsonElement>("/api/v1/workbench");
            var overdue = work.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "supply.needs-overdue");
            overdue.GetProperty("count").GetInt32().ShouldBe(1);
            (await watcher.GetFromJsonAsync<JsonElement>("/api/v1/needs?overdue=true")).GetProperty("items")[0].GetProperty("overdue")
                .GetBoolean().ShouldBeTrue();
        }

        var export = await regulator.GetAsync("/api/v1/needs/export?status=Closed");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await export.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray()); // an xlsx is a zip
    }
}
