using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Features;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// A competition (公益创投) from call to awards through the API, on every configured provider: a rubric not summing to 100 refused;
/// two organizations enter and are screened, a third time refused, late refused; the roadshow goes on the calendar after the due
/// time at eight plus seven minutes a team; three judges score (one recused by working for an entrant); the review closes to a
/// ranking; the funded entries enter Projects at intake. Screening names every failing rule.
/// </summary>
public sealed partial class CompetitionTests
{
    [GeneratedRegex(@"\d{12}")]
    private static partial Regex RegionCode();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Competition_Runs_From_Call_To_Awards_With_A_Roadshow_On_The_Calendar(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        using var operatorClient = await app.ClientAsAsync("operator");
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var orgadmin2 = await app.ClientAsAsync("orgadmin2");
        using var orgstaff = await app.ClientAsAsync("orgstaff");
        using var regulator = await app.ClientAsAsync("regulator");
        using var mentor = await app.ClientAsAsync("mentor");
        var community = RegionCode().Match((await officer.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("scopes")[0]
            .GetString()!).Value;

        var bad = await ProblemAsync(await operatorClient.PostAsJsonAsync("/api/v1/competitions", new
        {
            title = "", rules = "规则", maxAmount = 0m, applicationsDue = DateTimeOffset.UtcNow.AddDays(7),
            rubric = new[] { new { name = "创新性", weight = 50 }, new { name = "可行性", weight = 40 } },
        }), HttpStatusCode.BadRequest);
        foreach (var named in new[] { "title", "maxAmount", "rubric" })
        {
            bad.ShouldContain(named);
        }

        (await orgadmin.PostAsJsonAsync("/api/v1/competitions", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var call = await OkAsync(await operatorClient.PostAsJsonAsync("/api/v1/competitions", new
        {
            title = "2027 年度社区公益创投大赛", rules = "面向园区登记的社会组织，聚焦为老和儿童服务。", fields = new[] { "elderly", "children" },
            maxAmount = 50_000m, minGrade = 0, applicationsDue = DateTimeOffset.UtcNow.AddDays(7),
        }), HttpStatusCode.Created);
        var id = call.GetProperty("id").GetGuid();
        (call.GetProperty("presentMinutes").GetInt32(), call.GetProperty("questionMinutes").GetInt32()).ShouldBe((8, 7));

        object Entry(string title, string field, decimal amount) => new { title, summary = "项目简介。", serviceField = field, amount };
        var first = await OkAsync(await orgadmin.PostAsJsonAsync($"/api/v1/competitions/{id}/entries", Entry("银发数字课堂", "elderly",
            40_000m)), HttpStatusCode.Created);
        first.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        var second = await OkAsync(await orgadmin2.PostAsJsonAsync($"/api/v1/competitions/{id}/entries", Entry("童心成长营", "children",
            30_000m)), HttpStatusCode.Created);
        (await ProblemAsync(await orgstaff.PostAsJsonAsync($"/api/v1/competitions/{id}/entries", Entry("再报一个", "elderly", 1_000m)),
            HttpStatusCode.Conflict)).ShouldContain("AlreadyEntered");
        (await ProblemAsync(await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/roadshow", new
        {
            start = DateTimeOffset.UtcNow.AddDays(9), regionCode = community,
        }), HttpStatusCode.Conflict)).ShouldContain("EntriesStillOpen");
        // An organization sees its own entry only.
        (await orgadmin2.GetFromJsonAsync<JsonElement>($"/api/v1/competitions/{id}")).GetProperty("entries").GetArrayLength().ShouldBe(1);

        await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().Competitions.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApplicationsDue, DateTimeOffset.UtcNow.AddMinutes(-1))));
        (await ProblemAsync(await orgadmin.PostAsJsonAsync($"/api/v1/competitions/{id}/entries", Entry("迟到", "elderly", 1_000m)),
            HttpStatusCode.Conflict)).ShouldContain("EntriesClosed");

        // The roadshow on the calendar: eight plus seven minutes a team, in the order the entries came.
        var start = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(10).AddHours(14), DateTimeKind.Unspecified),
            TimeSpan.FromHours(8)); // China time, as the page sends it
        // Scheduled twice at once: one books the calendar, the other is refused.
        var schedulings = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => operatorClient.PostAsJsonAsync(
            $"/api/v1/competitions/{id}/roadshow", new { start, regionCode = community })));
        schedulings.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var scheduled = await OkAsync(schedulings.Single(r => r.StatusCode == HttpStatusCode.OK));
        var title = scheduled.GetProperty("title").GetString()!;
        (await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<Yilian.Activities.Data.ActivitiesDbContext>().Activities
            .CountAsync(a => a.Title.Contains(title)))).ShouldBe(1);
        scheduled.GetProperty("stage").GetString().ShouldBe("Roadshow");
        scheduled.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("roadshowAt").GetDateTimeOffset())
            .ShouldBe([start, start.AddMinutes(15)]);
        var booked = await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<IActivityCatalog>()
            .FindAsync(scheduled.GetProperty("roadshowActivityId").GetGuid(), CancellationToken.None));
        (booked!.Start, booked.End).ShouldBe((start, start.AddMinutes(30)));
        (await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/roadshow", new { start, regionCode = community })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);

        foreach (var judge in new[] { "regulator", "mentor", "orgstaff" })
        {
            await OkAsync(await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/judges", new { userName = judge }));
        }

        var (a, b) = (first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        object Score(decimal c1, decimal c2, decimal c3, decimal c4, decimal c5) => new
        {
            scores = new Dictionary<string, decimal> { ["c1"] = c1, ["c2"] = c2, ["c3"] = c3, ["c4"] = c4, ["c5"] = c5 },
        };
        (await ProblemAsync(await orgstaff.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{a}/scores", Score(20, 15, 15, 10, 10)),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("Recused");
        await OkAsync(await orgstaff.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{b}/scores", Score(20, 15, 15, 10, 10)));
        await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{a}/scores", Score(28, 18, 18, 13, 13)));
        await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{b}/scores", Score(22, 16, 15, 11, 11)));
        await OkAsync(await mentor.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{a}/scores", Score(26, 17, 16, 12, 12)));
        await OkAsync(await mentor.PostAsJsonAsync($"/api/v1/competitions/{id}/entries/{b}/scores", Score(24, 16, 16, 12, 12)));
        var reviewed = await OkAsync(await operatorClient.PostAsync($"/api/v1/competitions/{id}/review/close", null));
        // a: (90 + 83) / 2 = 86.5; b: (70 + 75 + 80) / 3 = 75.
        reviewed.GetProperty("panel").GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("entryId").GetGuid(), e.GetProperty("final").GetDecimal())).ShouldBe([(a, 86.5m), (b, 75m)]);

        (await ProblemAsync(await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/awards", new
        {
            funded = new[] { new { entryId = a, amount = 45_000m } },
        }), HttpStatusCode.BadRequest)).ShouldContain("funded.");
        (await ProblemAsync(await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/awards", new
        {
            funded = new[] { new { entryId = a, amount = 40_000m } }, incubatorId = Guid.NewGuid(),
        }), HttpStatusCode.BadRequest)).ShouldContain("incubatorId");
        (await operatorClient.PostAsJsonAsync("/api/v1/incubators", new { name = "区社会组织孵化基地", kind = "Platform" })).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        var incubator = (await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/incubators"))[0].GetProperty("id").GetGuid();
        // Two awards sent at once: one funds, the other is refused; the projects are made once.
        var awards = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => operatorClient.PostAsJsonAsync(
            $"/api/v1/competitions/{id}/awards", new
            {
                funded = new[] { new { entryId = a, amount = 40_000m }, new { entryId = b, amount = 25_000m } }, incubatorId = incubator,
            })));
        awards.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var awarded = await OkAsync(awards.Single(r => r.StatusCode == HttpStatusCode.OK));
        awarded.GetProperty("stage").GetString().ShouldBe("Awarded");
        var incubations = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/incubations");
        foreach (var entry in awarded.GetProperty("entries").EnumerateArray())
        {
            var project = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{entry.GetProperty("projectId")}");
            (await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/projects/board")).EnumerateArray()
                .SelectMany(c => c.GetProperty("cards").EnumerateArray())
                .Count(c => c.GetProperty("name").GetString() == entry.GetProperty("title").GetString()).ShouldBe(1);
            (project.GetProperty("name").GetString(), project.GetProperty("stage").GetString()).ShouldBe((entry.GetProperty("title")
                .GetString(), "intake"));
            // Funded, the project enters the incubator with the operator as its steward.
            var incubation = incubations.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == entry.GetProperty("incubationId")
                .GetGuid());
            incubation.GetProperty("projectId").GetGuid().ShouldBe(project.GetProperty("id").GetGuid());
        }

        (await operatorClient.PostAsJsonAsync($"/api/v1/competitions/{id}/awards", new
        {
            funded = new[] { new { entryId = a, amount = 40_000m } },
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The results are published for anyone: places, scores and funding, without the judges.
        using var anonymous = app.CreateClient();
        var published = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/competitions/public")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == id);
        published.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("place").GetInt32(), r.GetProperty("final")
            .GetDecimal(), r.GetProperty("fundedAmount").GetDecimal())).ShouldBe([(1, 86.5m, 40_000m), (2, 75m, 25_000m)]);
        published.GetProperty("results")[0].EnumerateObject().Select(p => p.Name)
            .ShouldBe(["place", "organizationName", "title", "final", "fundedAmount"]);
    }

    [Fact]
    public void Screening_Names_Every_Rule_An_Entry_Fails()
    {
        var competition = new Competition { Fields = "elderly,children", MaxAmount = 50_000m, MinGrade = 3 };
        var fields = new Dictionary<string, string> { ["elderly"] = "为老服务", ["children"] = "儿童服务", ["environment"] = "环境保护" };
        var entry = new CompetitionEntry { ServiceField = "environment", Amount = 60_000m };
        var suspended = new OrganizationFacts(Guid.NewGuid(), "某协会", "", false, "停止活动", 2, [], null, null);
        Competitions.Screen(competition, entry, suspended, fields).ShouldBe([
            "机构状态为“停止活动”，不能申报", "须为 3A 及以上等级", "领域须为：为老服务、儿童服务", "申请金额超过上限 50,000 元"]);
        var fine = suspended with { Active = true, Grade = 4 };
        Competitions.Screen(competition, new CompetitionEntry { ServiceField = "children", Amount = 50_000m }, fine,
            fields).ShouldBeEmpty();
    }
}
