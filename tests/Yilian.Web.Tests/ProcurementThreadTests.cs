using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Data;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// The purchase of services as one thread, through the API, on every configured provider: a community opens a call from its need
/// (bad input answered by field); two organizations propose (late, twice and a wrong file refused; proposals sealed until the due
/// time); a panel of four scores with one judge recused by the data (works for the entrant) and one by mentoring it, two judges at
/// once, nobody seeing others' scores before their own; the review closes (edits refused after), the ranking matches the scores;
/// the winner is contracted with milestones, reports one with its activity, whose confirmed volunteer hours appear on the thread;
/// the people served are listed by number and each sent their own link by SMS at the delivery; the delivery meets the need; the
/// community, a third-party evaluator and the people served (without an account, from their link) rate it on the timeline.
/// </summary>
public sealed partial class ProcurementThreadTests
{
    [GeneratedRegex(@"\d{12}")]
    private static partial Regex RegionCode();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Need_Is_Purchased_Reviewed_Contracted_Delivered_And_Rated_On_One_Thread(string provider)
    {
        // The living district: its incubations (the mentor's) and its volunteers' confirmed attendance.
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?> { ["Demo:LivingDistrict"] = "true" });
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        using var orgadmin2 = await app.ClientAsAsync("orgadmin2");
        using var regulator = await app.ClientAsAsync("regulator");
        using var operatorClient = await app.ClientAsAsync("operator");
        using var mentor = await app.ClientAsAsync("mentor");
        using var orgstaff = await app.ClientAsAsync("orgstaff");
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var community = RegionCode().Match(me.GetProperty("scopes")[0].GetString()!).Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var field = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field"))[0].GetProperty("code").GetString();
        object Project(string name) => new
        {
            name, summary = "每周上门探访。", serviceField = field, targetGroup = "独居老人", areaCodes = Array.Empty<string>(),
            priceFrom = 10_000m, priceTo = 60_000m, capacity = 5, load = 0,
        };
        var first = (await OkAsync(await orgadmin.PostAsJsonAsync("/api/v1/service-projects", Project("安心探访")), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var second = (await OkAsync(await orgadmin2.PostAsJsonAsync("/api/v1/service-projects", Project("邻里守望")), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var need = await OkAsync(await officer.PostAsJsonAsync("/api/v1/needs", new
        {
            title = "独居老人探访", description = "每周探访辖区独居老人。", serviceField = field, targetGroup = "独居老人", regionCode = community,
            serviceFrom = today.AddDays(30), serviceTo = today.AddDays(200), budget = 60_000m, answerBy = today.AddDays(20), @public = true,
        }), HttpStatusCode.Created);
        var needId = need.GetProperty("id").GetGuid();

        // Bad input, field by field; nothing is opened (the demo's calls stay as many).
        var calls = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/procurements")).GetArrayLength();
        var bad = await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/procurements", new
        {
            needId, requirements = "", budget = -5m, proposalsDue = DateTimeOffset.UtcNow.AddDays(-1),
            rubric = new[] { new { name = "方案", weight = 60 }, new { name = "预算", weight = 30 } },
        }), HttpStatusCode.BadRequest);
        foreach (var named in new[] { "requirements", "budget", "proposalsDue", "rubric" })
        {
            bad.ShouldContain(named);
        }

        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/procurements")).GetArrayLength().ShouldBe(calls);
        (await orgadmin.PostAsJsonAsync("/api/v1/procurements", new { needId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var call = await OkAsync(await officer.PostAsJsonAsync("/api/v1/procurements", new
        {
            needId, requirements = "每月探访不少于 4 次，建立台账。", budget = 50_000m, proposalsDue = DateTimeOffset.UtcNow.AddDays(7),
            @public = true, normalize = false, dropExtremes = false,
        }), HttpStatusCode.Created);
        var id = call.GetProperty("id").GetGuid();
        call.GetProperty("stage").GetString().ShouldBe("Open");
        call.GetProperty("panel").GetProperty("rubric").EnumerateArray().Sum(c => c.GetProperty("weight").GetInt32()).ShouldBe(100);
        // The call answers the need: past its answer date, it is not overdue.
        await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().Needs.Where(n => n.Id == needId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.AnswerBy, today.AddDays(-1))));
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{needId}")).GetProperty("overdue").GetBoolean().ShouldBeFalse();
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/needs?overdue=true&pageSize=100")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("id").GetGuid() == needId);
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/procurements", new
        {
            needId, requirements = "再来一次", budget = 1m, proposalsDue = DateTimeOffset.UtcNow.AddDays(7),
        }), HttpStatusCode.Conflict)).ShouldContain("AlreadyProcured");

        // Proposals: an organization finds the call, proposes with its document; a second time and a wrong file are refused.
        (await orgadmin.GetFromJsonAsync<JsonElement>("/api/v1/procurements/open")).EnumerateArray()
            .Any(c => c.GetProperty("id").GetGuid() == id).ShouldBeTrue();
        static MultipartFormDataContent Proposal(Guid project, decimal budget, byte[]? file = null, string name = "方案.pdf")
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(project.ToString()), "serviceProjectId" }, { new StringContent("每周两次上门，配社工督导。"), "plan" },
                { new StringContent(budget.ToString(System.Globalization.CultureInfo.InvariantCulture)), "budget" },
            };
            if (file is not null)
            {
                form.Add(new ByteArrayContent(file), "file", name);
            }

            return form;
        }

        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% plan\ntrailer << >>\n%%EOF\n");
        (await ProblemAsync(await orgadmin.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(first, 48_000m,
            "<html/>"u8.ToArray())),
            HttpStatusCode.UnsupportedMediaType)).ShouldContain("PDF");
        (await ProblemAsync(await orgadmin.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(first, 90_000m)),
            HttpStatusCode.BadRequest)).ShouldContain("budget");
        (await ProblemAsync(await orgadmin.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(second, 40_000m)),
            HttpStatusCode.BadRequest)).ShouldContain("serviceProjectId");
        var mine = await OkAsync(await orgadmin.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(first, 48_000m, pdf)),
            HttpStatusCode.Created);
        (await ProblemAsync(await orgadmin.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(first, 47_000m)),
            HttpStatusCode.Conflict)).ShouldContain("AlreadyProposed");
        var theirs = await OkAsync(await orgadmin2.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(second, 45_000m)),
            HttpStatusCode.Created);
        var (a, b) = (mine.GetProperty("id").GetGuid(), theirs.GetProperty("id").GetGuid());

        // Sealed until the due time: the officer sees how many, each organization its own.
        var sealedView = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}");
        (sealedView.GetProperty("proposalCount").GetInt32(), sealedView.GetProperty("proposals").GetArrayLength()).ShouldBe((2, 0));
        (await orgadmin2.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("proposals").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ShouldBe([b]);
        (await orgadmin.GetByteArrayAsync($"/api/v1/procurements/{id}/proposals/{a}/file")).ShouldBe(pdf);
        (await officer.GetAsync($"/api/v1/procurements/{id}/proposals/{a}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The panel: four judges; orgstaff works for the first entrant, the mentor is made the second's mentor.
        var secondOrg = theirs.GetProperty("organizationId").GetGuid();
        await SystemScope.RunAsync(scopes, async sp =>
        {
            var orgs = sp.GetRequiredService<OrganizationsDbContext>();
            var incubation = await orgs.Incubations.OrderBy(i => i.EnteredAt).FirstAsync(i => i.Mentors.Contains("mentor"));
            incubation.OrganizationId = secondOrg;
            await orgs.SaveChangesAsync();
        });
        foreach (var judge in new[] { "regulator", "operator", "mentor", "orgstaff" })
        {
            await OkAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/judges", new { userName = judge }));
        }

        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/judges", new { userName = "nobody-here" }),
            HttpStatusCode.BadRequest)).ShouldContain("userName");
        object Score(decimal c1, decimal c2, decimal c3, decimal c4, decimal c5) => new
        {
            scores = new Dictionary<string, decimal> { ["c1"] = c1, ["c2"] = c2, ["c3"] = c3, ["c4"] = c4, ["c5"] = c5 }, comment = "可行。",
        };
        (await ProblemAsync(await regulator.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(25, 15, 15, 10, 10)),
            HttpStatusCode.Conflict)).ShouldContain("ProposalsSealed");

        // The due time passes.
        await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().Procurements.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProposalsDue, DateTimeOffset.UtcNow.AddMinutes(-1))));
        (await ProblemAsync(await orgadmin2.PostAsync($"/api/v1/procurements/{id}/proposals", Proposal(second, 44_000m)),
            HttpStatusCode.Conflict)).ShouldContain("ProposalsClosed");
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("stage").GetString().ShouldBe("Review");

        // Recused by the data, refused with the reason; out of range answered by criterion.
        (await ProblemAsync(await orgstaff.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(25, 15, 15, 10, 10)),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("评委所在机构即申报机构");
        (await ProblemAsync(await mentor.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{b}/scores", Score(25, 15, 15, 10, 10)),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("孵化导师"); // recused as its mentor, not as one of its people
        (await ProblemAsync(await regulator.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(31, 15, 15, 10, 10)),
            HttpStatusCode.BadRequest)).ShouldContain("scores.c1");
        (await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{b}/scores", Score(20, 15, 15, 10, 10))).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);

        // Two judges at once on the same proposal: both land.
        var both = await Task.WhenAll(
            regulator.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(28, 18, 16, 12, 13)),
            operatorClient.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(24, 15, 14, 10, 12)));
        both.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        // The mentor has not scored the first proposal: the others' scores are hidden from it until it does.
        var mentorView = await mentor.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}");
        var entryA = mentorView.GetProperty("panel").GetProperty("entries").EnumerateArray().First(e =>
            e.GetProperty("entryId").GetGuid() == a);
        entryA.GetProperty("others").GetArrayLength().ShouldBe(0);
        entryA.GetProperty("mine").ValueKind.ShouldBe(JsonValueKind.Null);
        await OkAsync(await mentor.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(26, 17, 15, 11, 12)));
        mentorView = await mentor.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}");
        mentorView.GetProperty("panel").GetProperty("entries").EnumerateArray().First(e => e.GetProperty("entryId").GetGuid() == a)
            .GetProperty("others").GetArrayLength().ShouldBe(2);
        await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{b}/scores", Score(22, 14, 12, 9, 10)));
        await OkAsync(await operatorClient.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{b}/scores", Score(20, 15, 13, 9, 11)));
        await OkAsync(await orgstaff.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{b}/scores", Score(21, 14, 13, 8, 10)));
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/award", new { proposalId = a }),
            HttpStatusCode.Conflict)).ShouldContain("ReviewNotClosed");

        var reviewed = await OkAsync(await officer.PostAsync($"/api/v1/procurements/{id}/review/close", null));
        reviewed.GetProperty("stage").GetString().ShouldBe("Reviewed");
        var ranking = reviewed.GetProperty("panel").GetProperty("entries").EnumerateArray().ToList();
        // a: (87 + 75 + 81) / 3 = 81; b: (67 + 68 + 66) / 3 = 67.
        (ranking[0].GetProperty("entryId").GetGuid(), ranking[0].GetProperty("final").GetDecimal(),
            ranking[0].GetProperty("place").GetInt32())
            .ShouldBe((a, 81m, 1));
        (ranking[1].GetProperty("final").GetDecimal(), ranking[1].GetProperty("counted").GetArrayLength()).ShouldBe((67m, 3));
        (await ProblemAsync(await regulator.PostAsJsonAsync($"/api/v1/procurements/{id}/proposals/{a}/scores", Score(30, 20, 20, 15, 15)),
            HttpStatusCode.Conflict)).ShouldContain("PanelClosed");

        // The award: milestones must sum to the amount; choosing the second place needs a reason.
        object Milestones(decimal x, decimal y) => new[]
        {
            new { title = "建档与首轮探访", dueOn = today.AddDays(40), amount = x }, new { title = "全年探访与总结", dueOn = today.AddDays(200),
                amount = y },
        };
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/award", new { proposalId = a, amount = 48_000m,
            milestones = Milestones(20_000m, 20_000m) }), HttpStatusCode.BadRequest)).ShouldContain("milestones");
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/award", new { proposalId = b, amount = 45_000m,
            milestones = Milestones(20_000m, 25_000m) }), HttpStatusCode.BadRequest)).ShouldContain("note");
        var contracted = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/award", new
        {
            proposalId = a, amount = 48_000m, milestones = Milestones(20_000m, 28_000m),
        }));
        contracted.GetProperty("stage").GetString().ShouldBe("Contracted");
        var milestones = contracted.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

        // The winner reports both milestones, naming an activity of its own with confirmed volunteer hours.
        var firstOrg = mine.GetProperty("organizationId").GetGuid();
        var (activity, volunteers, minutes) = await SystemScope.RunAsync(scopes, async sp =>
        {
            var rows = await sp.GetRequiredService<VolunteersDbContext>().Attendances
                .Where(x => x.OrganizationId == firstOrg && x.Status == AttendanceStatus.Confirmed)
                .Select(x => new { x.ActivityId, x.VolunteerId, x.CreditedMinutes }).ToListAsync();
            var best = rows.GroupBy(x => x.ActivityId).OrderByDescending(g => g.Count()).First();
            return (best.Key, best.Select(x => x.VolunteerId).Distinct().Count(), best.Sum(x => x.CreditedMinutes));
        });
        (await ProblemAsync(await orgadmin2.PostAsJsonAsync($"/api/v1/procurements/{id}/milestones/{milestones[0]}/report", new
        {
            report = "已完成。", activityIds = Array.Empty<Guid>(),
        }), HttpStatusCode.NotFound)).ShouldNotBeEmpty();
        (await officer.PostAsync($"/api/v1/procurements/{id}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // One of the organization's paid expenses was for that activity (booked in Finance with it).
        var spent = await SystemScope.RunAsync(scopes, async sp =>
        {
            var finance = sp.GetRequiredService<Yilian.Finance.Data.FinanceDbContext>();
            var expense = await finance.Expenses.FirstAsync(e => e.Status == Yilian.Finance.Domain.ExpenseStatus.Paid && e.Amount > 0);
            expense.ActivityId = activity;
            await finance.SaveChangesAsync();
            return expense.Amount;
        });
        await OkAsync(await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/milestones/{milestones[0]}/report", new
        {
            report = "已建档 36 户，完成首轮探访。", activityIds = new[] { activity },
        }));
        var reported = await OkAsync(await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/milestones/{milestones[1]}/report", new
        {
            report = "全年探访完成。", activityIds = Array.Empty<Guid>(),
        }));
        var delivered = reported.GetProperty("milestones")[0].GetProperty("activities")[0];
        (delivered.GetProperty("volunteers").GetInt32(), delivered.GetProperty("hours").GetDecimal())
            .ShouldBe((volunteers, Math.Round(minutes / 60m, 1)));
        reported.GetProperty("volunteerHours").GetDecimal().ShouldBe(Math.Round(minutes / 60m, 1));
        (delivered.GetProperty("spent").GetDecimal(), reported.GetProperty("spent").GetDecimal()).ShouldBe((spent, spent));

        // The winner lists the people it served, with their consent; bad lines are named, a number twice is kept once.
        (await ProblemAsync(await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/served", new
        {
            phones = "13800138000\n12345\n<b>x</b>", consent = true,
        }), HttpStatusCode.BadRequest)).ShouldContain("12345");
        (await ProblemAsync(await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/served", new { phones = "13800138000" }),
            HttpStatusCode.BadRequest)).ShouldContain("consent");
        (await orgadmin2.PostAsJsonAsync($"/api/v1/procurements/{id}/served", new { phones = "13800138000", consent = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var listed = await OkAsync(await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/served", new
        {
            phones = "13800138000, +86 139-0013-9000\n13800138000", consent = true,
        }));
        listed.GetProperty("served").GetProperty("masked").EnumerateArray().Select(m => m.GetString())
            .ShouldBe(["138****8000", "139****9000"], ignoreOrder: true);
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("served").GetProperty("sent").GetInt32()
            .ShouldBe(0);
        // Third-party evaluation: the contracted organization cannot be its own evaluator; the second organization is named.
        (await ProblemAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/evaluator", new { organizationId = firstOrg }),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("EvaluatorIsContractor");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/procurements/{id}/evaluator", new { organizationId = secondOrg }));
        (await ProblemAsync(await orgadmin2.PostAsJsonAsync($"/api/v1/procurements/{id}/evaluator-rating", new
        {
            score = 4, comment = "台账完整。",
        }), HttpStatusCode.Conflict)).ShouldContain("NotDelivered");

        // Delivery accepted: the need is met, the community rates it, and the thread runs from need to rating.
        await OkAsync(await officer.PostAsync($"/api/v1/procurements/{id}/deliver", null));
        // Each person served is sent their own link by SMS (the number encrypted in the outbox), once.
        var people = await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().ServedPeople
            .Where(x => x.ProcurementId == id).OrderBy(x => x.AddedAt).Select(x => new { x.Id, x.Token, x.SentAt }).ToListAsync());
        people.Count.ShouldBe(2);
        people.ShouldAllBe(x => x.SentAt != null);
        var texts = await SystemScope.RunAsync(scopes, async sp =>
        {
            var platform = sp.GetRequiredService<Yilian.Platform.Data.PlatformDbContext>();
            var keys = people.Select(x => "supply-rate:" + x.Id).ToList();
            return await platform.Notifications.IgnoreQueryFilters().Where(n => keys.Contains(n.DedupKey))
                .Select(n => new { n.Channel, n.Address, n.Body }).ToListAsync();
        });
        texts.Count.ShouldBe(2);
        texts.ShouldAllBe(t => t.Channel == "sms" && t.Body.Contains("/rate/"));
        texts.Select(t => t.Address).ShouldBe(["13800138000", "13900139000"], ignoreOrder: true);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api/v1/evaluations/served/{people[0].Token}", new { score = 3 })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/evaluations/served/{people[0].Token}", new { score = 5 }),
            HttpStatusCode.Conflict)).ShouldContain("AlreadyRated");
        (await orgadmin.PostAsJsonAsync($"/api/v1/procurements/{id}/evaluator-rating", new { score = 5, comment = "很好。" }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await OkAsync(await orgadmin2.PostAsJsonAsync($"/api/v1/procurements/{id}/evaluator-rating", new
        {
            score = 4, comment = "台账完整，回访满意度高。",
        }));
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{needId}")).GetProperty("status").GetString().ShouldBe("Closed");
        await OkAsync(await officer.PostAsJsonAsync("/api/v1/evaluations", new { needId, serviceProjectId = first, score = 5,
            comment = "老人很满意。" }),
            HttpStatusCode.Created);
        // The people served rate from the link, in one tap, once each; it counts in the project's ratings.
        var link = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("ratingLink").GetString()!;
        var token = link["/rate/".Length..];
        (await orgadmin.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("ratingLink").ValueKind
            .ShouldBe(JsonValueKind.Null);
        using var resident = await app.ClientAsAsync("resident");
        using var volunteer = await app.ClientAsAsync("volunteer");
        var before = await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().ServiceProjects.Where(p =>
            p.Id == first)
            .Select(p => new { p.RatingCount, p.RatingSum }).FirstAsync());
        (await ProblemAsync(await resident.PostAsJsonAsync($"/api/v1/evaluations/served/{token}", new { score = 6 }),
            HttpStatusCode.BadRequest)).ShouldContain("score");
        (await resident.PostAsJsonAsync($"/api/v1/evaluations/served/{token}", new { score = 4, comment = "阿姨每周都来，很贴心。" })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await volunteer.PostAsJsonAsync($"/api/v1/evaluations/served/{token}",
            new { score = 5 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ProblemAsync(await resident.PostAsJsonAsync($"/api/v1/evaluations/served/{token}", new { score = 1 }),
            HttpStatusCode.Conflict)).ShouldContain("AlreadyRated");
        (await officer.PostAsJsonAsync($"/api/v1/evaluations/served/{token}",
            new { score = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await resident.PostAsJsonAsync($"/api/v1/evaluations/served/x{token}",
            new { score = 5 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var served = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/served/{token}");
        (served.GetProperty("ratings").GetInt32(), served.GetProperty("mean").GetDouble(), served.GetProperty("myScore").GetInt32())
            .ShouldBe((3, 4.0, 4));
        var after = await SystemScope.RunAsync(scopes, sp => sp.GetRequiredService<SupplyDbContext>().ServiceProjects.Where(p =>
            p.Id == first)
            .Select(p => new { p.RatingCount, p.RatingSum }).FirstAsync());
        (after.RatingCount - before.RatingCount, after.RatingSum - before.RatingSum).ShouldBe((2, 9));

        // The project's track record: this delivery, and its organization's confirmed volunteer service of the last year (a recount).
        var record = (await anonymousRecordAsync()).GetProperty("record");
        var since = DateTimeOffset.UtcNow.AddYears(-1);
        var recount = await SystemScope.RunAsync(scopes, async sp =>
        {
            var rows = await sp.GetRequiredService<VolunteersDbContext>().Attendances.Where(x => x.OrganizationId == firstOrg
                && x.Status == AttendanceStatus.Confirmed).Select(x => new { x.VolunteerId, x.CreditedMinutes, x.OccurrenceStart })
                .ToListAsync();
            var recent = rows.Where(x => x.OccurrenceStart >= since).ToList();
            return (recent.Select(x => x.VolunteerId).Distinct().Count(), Math.Round(recent.Sum(x => x.CreditedMinutes) / 60m, 1));
        });
        (record.GetProperty("delivered").GetInt32(), record.GetProperty("volunteers").GetInt32(),
            record.GetProperty("volunteerHours").GetDecimal()).ShouldBe((1, recount.Item1, recount.Item2));
        recount.Item2.ShouldBeGreaterThan(0m);
        async Task<JsonElement> anonymousRecordAsync() => (await anonymous.GetFromJsonAsync<JsonElement>(
            "/api/v1/service-projects/public?q=%E5%AE%89%E5%BF%83%E6%8E%A2%E8%AE%BF&pageSize=200")).GetProperty("items")
            .EnumerateArray().Single(p =>
            p.GetProperty("id").GetGuid() == first);

        var events = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{id}")).GetProperty("thread").EnumerateArray()
            .ToList();
        var thread = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        thread.First().ShouldBe("Need");
        thread.Last().ShouldBe("Rating");
        thread.Count(k => k == "Rating").ShouldBe(3, "the community's, the third party's, and the people served's as one line: "
            + string.Join(",",
            events.Select(e => e.GetProperty("text").GetString())));
        foreach (var kind in new[] { "Call", "Proposal", "Judge", "Score", "Review", "Award", "Milestone", "Delivered" })
        {
            thread.ShouldContain(kind);
        }
    }
}
