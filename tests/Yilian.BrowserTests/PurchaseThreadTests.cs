using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.BrowserTests;

/// <summary>
/// The purchase of services as its users do it, in the browser: a community officer posts a need, sees the organizations ranked
/// and opens a call (a rubric not summing to 100 refused, what was typed kept); two organizations propose from their phones, one
/// with its document; the officer seats three judges, one of whom works for an entrant and is recused there; the judges score on
/// phones; the review closes to a ranking with each judge's scores; the winner is contracted, reports its milestone with an
/// activity whose volunteers' hours appear and lists the people it served; the delivery is accepted (each person sent their own
/// link), a resident rates it in one tap from the shared link on a phone, and a person served from their own link without an account.
/// </summary>
public sealed class PurchaseThreadTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private BrowserFixture Fixture => demo.Browser;

    private async Task<IPage> SignedInAsync(string user, int width = 1280, int height = 800)
    {
        var page = await Fixture.NewPageAsync(width, height);
        await new LoginPage(page).SubmitAsyncAt(user, YilianApp.DemoPassword);
        return page;
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.ClickAsync($"[data-testid={button}]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task A_Need_Becomes_A_Call_Proposals_A_Review_A_Contract_A_Delivery_And_A_Residents_Rating()
    {
        var officer = await SignedInAsync("officer");
        await officer.GotoAsync("/admin/supply/needs/new");
        await officer.FillAsync("#title", "浏览器测试：高龄老人周末陪伴");
        await officer.SelectOptionAsync("#serviceField", "elderly");
        await officer.FillAsync("#targetGroup", "80 岁以上老人");
        await officer.FillAsync("#description", "周末上门陪伴聊天、读报、协助就医预约。");
        await officer.FillAsync("#budget", "40000");
        await SubmitAsync(officer, "need-post");
        (await officer.Locator("[data-testid=match]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2, await officer.InnerTextAsync("main"));
        await SubmitAsync(officer, "need-procure");
        await officer.FillAsync("#requirements", "每周末上门陪伴不少于 2 小时，每月报告。");
        await officer.Locator("[name=rubricWeight]").First.FillAsync("20");
        await SubmitAsync(officer, "procurement-open");
        (await officer.Locator("[data-testid=rubric-error]").InnerTextAsync()).ShouldContain("100");
        (await officer.InputValueAsync("#requirements")).ShouldBe("每周末上门陪伴不少于 2 小时，每月报告。");
        await officer.Locator("[name=rubricWeight]").First.FillAsync("30");
        await SubmitAsync(officer, "procurement-open");
        (await officer.Locator("[data-testid=procurement-stage]").InnerTextAsync()).ShouldBe("征集方案中");
        var callUrl = officer.Url;
        await BrowserFixture.ScreenshotAsync(officer, "101-call-opened");

        // Two organizations propose from their phones; the first with its plan as a PDF.
        foreach (var (user, project, budget) in new[] { ("orgadmin", "安心探访", "38000"), ("orgadmin2", "长者助餐", "39500") })
        {
            var org = await SignedInAsync(user, 375, 740);
            await org.GotoAsync(callUrl);
            var option = (await org.Locator("#serviceProjectId option").AllInnerTextsAsync()).First(o => o.Contains(project));
            await org.SelectOptionAsync("#serviceProjectId", new SelectOptionValue { Label = option });
            await org.FillAsync("#budget", budget);
            await org.FillAsync("#plan", "两名社工带领志愿者，每周末上门两小时，建立陪伴台账。");
            if (user == "orgadmin")
            {
                await org.SetInputFilesAsync("#file", new FilePayload
                {
                    Name = "方案.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% plan\ntrailer << >>\n%%EOF\n"u8.ToArray(),
                });
            }

            await SubmitAsync(org, "propose");
            (await org.Locator("[data-testid=proposal]").InnerTextAsync()).ShouldContain(project);
            (await org.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
            if (user == "orgadmin")
            {
                await BrowserFixture.ScreenshotAsync(org, "102-proposal-375");
            }
        }

        await officer.ReloadAsync();
        (await officer.Locator("[data-testid=proposals-sealed]").InnerTextAsync()).ShouldContain("2");
        foreach (var judge in new[] { "regulator", "operator", "orgstaff" })
        {
            await officer.FillAsync("[data-testid=seat-form] input[name=userName]", judge);
            await SubmitAsync(officer, "seat");
        }

        (await officer.Locator("[data-testid=judge]").CountAsync()).ShouldBe(3);

        // The proposals are due.
        var callId = Guid.Parse(callUrl[(callUrl.LastIndexOf('/') + 1)..]);
        await SystemScope.RunAsync(Fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), sp =>
            sp.GetRequiredService<SupplyDbContext>().Procurements.Where(p => p.Id == callId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProposalsDue, DateTimeOffset.UtcNow.AddMinutes(-1))));

        // Judges score on phones: orgstaff works for the first entrant and is recused there by the data.
        foreach (var (judge, points) in new[]
        {
            ("orgstaff", new[] { "20", "15", "14", "10", "10" }), ("regulator", ["26", "17", "16", "12", "12"]),
            ("operator", ["24", "16", "15", "11", "12"]),
        })
        {
            var phone = await SignedInAsync(judge, 375, 740);
            await phone.GotoAsync(callUrl);
            if (judge == "orgstaff")
            {
                (await phone.Locator("[data-testid=recused]").InnerTextAsync()).ShouldContain("评委所在机构即申报机构");
                await BrowserFixture.ScreenshotAsync(phone, "103-judge-recused-375");
            }

            var forms = phone.Locator("[data-testid=score-form]");
            var count = await forms.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var form = phone.Locator("[data-testid=score-form]").Nth(i);
                var inputs = form.Locator("input[inputmode=decimal]");
                for (var c = 0; c < points.Length; c++)
                {
                    // The second entry two points lower on each criterion.
                    var value = int.Parse(points[c], System.Globalization.CultureInfo.InvariantCulture) - (i == 0 ? 0 : 2);
                    await inputs.Nth(c).FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await form.Locator("[data-testid=score-submit]").ClickAsync();
                await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            (await phone.Locator("[data-testid=my-total]").CountAsync()).ShouldBe(judge == "orgstaff" ? 1 : 2);
            (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        }

        // The review closes to a ranking with each judge's scores; the winner is contracted with one milestone.
        await officer.ReloadAsync();
        await SubmitAsync(officer, "close-review");
        (await officer.Locator("[data-testid=ranked]").CountAsync()).ShouldBe(2);
        await BrowserFixture.ScreenshotAsync(officer, "104-ranking");
        await officer.Locator("[name=milestoneTitle]").First.FillAsync("陪伴服务全年");
        await officer.Locator("[name=milestoneDue]").First.FillAsync(DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture));
        await officer.Locator("[name=milestoneAmount]").First.FillAsync(await officer.InputValueAsync("#amount"));
        await SubmitAsync(officer, "award");
        (await officer.Locator("[data-testid=procurement-stage]").InnerTextAsync()).ShouldBe("履约中");

        // The winner reports its milestone with an activity whose volunteers' confirmed hours then show on the thread.
        var (winner, served) = await WinnerAsync(callId);
        var org2 = await SignedInAsync(winner);
        await org2.GotoAsync(callUrl);
        await org2.FillAsync("[data-testid=report-form] textarea", "已为 12 位老人开展周末陪伴。");
        await org2.CheckAsync($"[data-testid=report-form] input[value='{served}']");
        await SubmitAsync(org2, "report");
        (await org2.Locator("[data-testid=delivered-activities]").InnerTextAsync()).ShouldContain("名志愿者");
        (await org2.Locator("[data-testid=volunteer-hours]").InnerTextAsync()).ShouldContain("小时");

        // It lists the people served by mobile number, with their consent; each is sent their own link at the delivery.
        await org2.FillAsync("#phones", "13800138000\n13900139000");
        await org2.CheckAsync("#consent");
        await SubmitAsync(org2, "served-submit");
        (await org2.Locator("[data-testid=served-counts]").InnerTextAsync()).ShouldContain("已登记服务对象 2 人");

        await officer.ReloadAsync();
        await SubmitAsync(officer, "deliver");
        (await officer.Locator("[data-testid=served-counts]").InnerTextAsync()).ShouldContain("已发送评价短信 2 人");
        var link = await officer.Locator("[data-testid=rating-link] a").GetAttributeAsync("href");
        await BrowserFixture.ScreenshotAsync(officer, "105-delivered");

        // A resident rates it from the link on a phone, in one tap after signing in.
        var resident = await Fixture.NewPageAsync(375, 740);
        await resident.GotoAsync(link!);
        await SubmitAsync(resident, "served-sign-in");
        await new LoginPage(resident).SubmitAsync("resident", YilianApp.DemoPassword);
        await SubmitAsync(resident, "served-star-5");
        (await resident.Locator("[data-testid=served-thanks]").InnerTextAsync()).ShouldContain("★★★★★");
        await BrowserFixture.ScreenshotAsync(resident, "106-served-rating-375");
        // A person served rates from their own link on a phone, without an account.
        var token = await SystemScope.RunAsync(Fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), sp =>
            sp.GetRequiredService<SupplyDbContext>().ServedPeople.Where(x => x.ProcurementId == callId).Select(x => x.Token).FirstAsync());
        var person = await Fixture.NewPageAsync(375, 740);
        await person.GotoAsync("/rate/" + token);
        await SubmitAsync(person, "served-star-4");
        (await person.Locator("[data-testid=served-thanks]").InnerTextAsync()).ShouldContain("★★★★☆");
        await officer.ReloadAsync();
        (await officer.Locator("[data-testid=thread]").InnerTextAsync()).ShouldContain("服务对象评价 2 条");
    }

    /// <summary>
    /// The demo competition, as its judges and organizer use it: the regulator scores each entry on a phone, the operator scores and
    /// closes the review, awards both entries into the incubator, and anyone reads the published results on a phone.
    /// </summary>
    [Fact]
    public async Task A_Competition_Is_Scored_On_Phones_Awarded_Into_The_Incubator_And_Published()
    {
        var id = await SystemScope.RunAsync(Fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), sp =>
            sp.GetRequiredService<SupplyDbContext>().Competitions.Where(c => c.AwardedAt == null && c.RoadshowActivityId != null)
                .Select(c => c.Id).FirstAsync());
        foreach (var judge in new[] { "regulator", "operator" })
        {
            var phone = await SignedInAsync(judge, 375, 740);
            await phone.GotoAsync($"/admin/supply/competitions/{id}");
            var count = await phone.Locator("[data-testid=score-form]").CountAsync();
            count.ShouldBe(2, await phone.InnerTextAsync("main"));
            for (var i = 0; i < count; i++)
            {
                var inputs = phone.Locator("[data-testid=score-form]").Nth(i).Locator("input[inputmode=decimal]");
                for (var c = 0; c < await inputs.CountAsync(); c++)
                {
                    await inputs.Nth(c).FillAsync(i == 0 ? "12" : "10");
                }

                await phone.Locator("[data-testid=score-form]").Nth(i).Locator("[data-testid=score-submit]").ClickAsync();
                await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            (await phone.Locator("[data-testid=my-total]").CountAsync()).ShouldBe(2);
            (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
            if (judge == "regulator")
            {
                await BrowserFixture.ScreenshotAsync(phone, "107-competition-scored-375");
            }
        }

        var organizer = await SignedInAsync("operator");
        await organizer.GotoAsync($"/admin/supply/competitions/{id}");
        await SubmitAsync(organizer, "close-review");
        (await organizer.Locator("[data-testid=ranked]").CountAsync()).ShouldBe(2);
        (await organizer.Locator("#incubatorId option").CountAsync()).ShouldBeGreaterThan(1, "the living district has an incubator");
        await SubmitAsync(organizer, "award-competition");
        (await organizer.Locator("[data-testid=funded]").CountAsync()).ShouldBe(2, await organizer.InnerTextAsync("main"));
        (await organizer.Locator("[data-testid=incubated]").CountAsync()).ShouldBe(2);
        await BrowserFixture.ScreenshotAsync(organizer, "108-competition-awarded");

        var anyone = await Fixture.NewPageAsync(375, 740);
        await anyone.GotoAsync("/competitions");
        (await anyone.Locator("[data-testid=competition-result]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await anyone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(anyone, "109-competition-results-375");
    }

    /// <summary>Who proposed the winning proposal, and an activity of that organization in the last two months with confirmed
    /// volunteer hours.</summary>
    private async Task<(string User, Guid Activity)> WinnerAsync(Guid callId) =>
        await SystemScope.RunAsync(Fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), async sp =>
        {
            var supply = sp.GetRequiredService<SupplyDbContext>();
            var won = await supply.Procurements.Where(p => p.Id == callId).Join(supply.Proposals, p => p.AwardedProposalId, q => q.Id,
                (p, q) => new { q.SubmittedBy, q.OrganizationId }).FirstAsync();
            var since = DateTimeOffset.UtcNow.AddDays(-60);
            var activity = await sp.GetRequiredService<VolunteersDbContext>().Attendances
                .Where(a => a.OrganizationId == won.OrganizationId && a.Status == AttendanceStatus.Confirmed && a.OccurrenceStart >= since)
                .GroupBy(a => a.ActivityId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            return (won.SubmittedBy, activity);
        });
}
