using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>The living demo district (sign-ups, attendance, photos and relief leads seeded as on ./run.sh).</summary>
public sealed class LivingDemoFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new()
    {
        Settings = new Dictionary<string, string?> { ["Demo:LivingDistrict"] = "true", ["Policies:DemoResidents"] = "true" },
    };

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>What a new user sees first: the home page leads to every task, the elderly mode, each role's workbench.</summary>
public sealed class FirstFiveMinutesTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private BrowserFixture Fixture => demo.Browser;

    [Fact]
    public async Task HomePage_AtPhoneSize_EveryTileLeadsToItsTask()
    {
        var page = await Fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/");
        (await page.Locator("[data-testid=home-upcoming] li").CountAsync()).ShouldBeGreaterThan(0, "activities are coming up this week");
        await BrowserFixture.ScreenshotAsync(page, "70-home-375");

        var tiles = page.Locator("[data-testid=home-tiles] a");
        (await tiles.CountAsync()).ShouldBe(7);
        var targets = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            targets.Add((await tiles.Nth(i).GetAttributeAsync("href"))!);
        }

        targets.ShouldBe(["/services", "/map", "/neighbours", "/check", "/volunteer/activities", "/charity", "/suggestions"]);
        foreach (var target in targets.Append("/volunteer/register"))
        {
            await page.GotoAsync("/");
            await page.ClickAsync($"a[href='{target}']");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            new Uri(page.Url).AbsolutePath.ShouldBeOneOf(target, "/account/login");
            (await page.Locator("[data-testid=not-found]").CountAsync()).ShouldBe(0, target);
        }
    }

    [Fact]
    public async Task ElderlyMode_SwitchedOnAndOff_StaysOnThePageWithLargeTextAndTargets()
    {
        var page = await Fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/check");
        var standard = await BodyFontPixelsAsync(page);
        standard.ShouldBeLessThan(18);

        // One answer given: switching the mode (and the language) keeps the page and the answers.
        await page.ClickAsync("[data-testid=check-question] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var answered = page.Url;
        var progress = await page.Locator("[data-testid=check-progress]").InnerTextAsync();
        progress.ShouldStartWith("已回答 1 题");
        await page.ClickAsync("[data-testid=elderly-switch]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldBe(answered);
        (await page.Locator("[data-testid=check-progress]").InnerTextAsync()).ShouldBe(progress);
        (await BodyFontPixelsAsync(page)).ShouldBeGreaterThanOrEqualTo(18);
        await page.ClickAsync("[data-testid=to-english]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldBe(answered);
        (await page.Locator("[data-testid=check-progress]").InnerTextAsync()).ShouldStartWith("1 answered");
        (await BodyFontPixelsAsync(page)).ShouldBeGreaterThanOrEqualTo(18);
        await page.ReloadAsync();
        (await page.Locator("[data-testid=check-progress]").InnerTextAsync()).ShouldStartWith("1 answered");
        await page.ClickAsync("[data-testid=to-chinese]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('main p, main label, main li')].filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        smallest.ShouldBeGreaterThanOrEqualTo(18, "body text is at least 18 px in the elderly mode");
        var buttons = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('main .btn, main input.form-control, main select')].filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height))");
        buttons.ShouldBeGreaterThanOrEqualTo(44, "touch targets are at least 44 px");
        await BrowserFixture.ScreenshotAsync(page, "71-check-elderly-375");

        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "72-home-elderly-375");
        await page.GotoAsync("/activities");
        (await page.Locator("[data-testid=public-activities] article").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFixture.ScreenshotAsync(page, "73-activities-elderly-375");

        await page.ClickAsync("[data-testid=elderly-switch]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        new Uri(page.Url).AbsolutePath.ShouldBe("/activities");
        (await BodyFontPixelsAsync(page)).ShouldBe(standard);
    }

    [Theory]
    [InlineData("regulator", "organizations.changes-pending")]
    [InlineData("operator", "projects.stalled")]
    [InlineData("orgadmin", "volunteering.hours-pending")]
    [InlineData("officer", "relief.unclaimed")]
    [InlineData("street", "relief.unclaimed")]
    [InlineData("mentor", "organizations.advice-due")]
    public async Task Workbench_EachDemoRole_HasRealToDosThatOpenTheirRecords(string userName, string expected)
    {
        var page = await Fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt(userName, YilianApp.DemoPassword);
        new Uri(page.Url).AbsolutePath.ShouldBe("/admin");
        var item = page.Locator($"[data-testid=workbench] [data-work='{expected}']");
        (await item.CountAsync()).ShouldBe(1, $"{userName} has '{expected}' waiting");
        int.Parse(await item.Locator(".yl-work-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        await BrowserFixture.ScreenshotAsync(page, $"74-workbench-{userName}");

        var href = await item.GetAttributeAsync("href");
        await item.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldEndWith(href!.Split('#')[0]);
        (await page.Locator("[data-testid=not-found]").CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// Issue 16's first journey: the organization's staff drafts an expense over its budget line and sees the warning before
    /// submitting; the regulator opens a warning from the finance page and lands on the expense behind it and its receipt.
    /// </summary>
    [Fact]
    public async Task Finance_StaffSeesTheWarningOnDrafting_RegulatorLandsOnTheExpenseAndReceipt()
    {
        var page = await Fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("orgstaff", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/finance");
        (await page.Locator("[data-testid=budgets] li").CountAsync()).ShouldBeGreaterThanOrEqualTo(2, "the demo organization's budgets");
        await page.ClickAsync("[data-testid=new-expense]");
        await page.SelectOptionAsync("[data-testid=expense-budget]", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("form[method=get] button[type=submit]");
        await page.FillAsync("[data-testid=expense-amount]", "99999");
        await page.FillAsync("[data-testid=expense-payee]", "园区会展中心");
        await page.FillAsync("[data-testid=expense-description]", "年度志愿者表彰大会场地");
        await page.ClickAsync("[data-testid=expense-save]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/finance/expenses/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=expense-status]").InnerTextAsync()).ShouldBe("草稿");
        var warned = await page.Locator("[data-testid=expense-warnings]").InnerTextAsync();
        warned.ShouldContain("提交前请注意");
        warned.ShouldContain("超预算科目");
        await BrowserFixture.ScreenshotAsync(page, "80-finance-draft-warning");
        // Every step of the breadcrumb leads somewhere.
        foreach (var crumb in await page.Locator("[data-testid=breadcrumbs] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var step = await page.APIRequest.GetAsync(Fixture.App.BaseUrl + crumb);
            step.Status.ShouldBe(200, crumb);
            (await step.TextAsync()).ShouldNotContain("data-testid=\"not-found\"", Case.Sensitive, crumb);
        }

        var phone = await Fixture.NewPageAsync(375, 740);
        await new LoginPage(phone).SubmitAsyncAt("orgstaff", YilianApp.DemoPassword);
        await phone.GotoAsync(page.Url);
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "81-finance-draft-warning-375");

        var regulator = await Fixture.NewPageAsync();
        await new LoginPage(regulator).SubmitAsyncAt("regulator", YilianApp.DemoPassword);
        await regulator.GotoAsync("/admin/finance");
        (await regulator.Locator("[data-testid=warning-link]").CountAsync()).ShouldBeGreaterThanOrEqualTo(5, "a warning of each rule in the demo books");
        await BrowserFixture.ScreenshotAsync(regulator, "82-finance-regulator");
        await regulator.Locator("[data-testid=warning-link]").First.ClickAsync();
        await regulator.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/finance/warnings/"));
        (await regulator.Locator("[data-testid=warning-receipt]").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFixture.ScreenshotAsync(regulator, "83-finance-warning");
        await regulator.Locator("[data-testid=warning-expense]").First.ClickAsync();
        await regulator.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/finance/expenses/"));
        (await regulator.Locator("[data-testid=receipts] a").CountAsync()).ShouldBeGreaterThan(0);
        var receipt = await regulator.Locator("[data-testid=receipts] a").First.GetAttributeAsync("href");
        var opened = await regulator.APIRequest.GetAsync(Fixture.App.BaseUrl + receipt);
        opened.Status.ShouldBe(200);
        opened.Headers["content-type"].ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Charity_DonorGivesOnAPhone_TheLiveScreenShowsIt_AndAGiftShowsWhatItPaidFor()
    {
        var live = await Fixture.NewPageAsync();
        await live.GotoAsync("/charity/live");
        await live.WaitForSelectorAsync("[data-live=connected]");
        (await live.Locator("[data-testid=live-donations] li").CountAsync()).ShouldBeGreaterThan(0, "the demo campaign has gifts");
        await BrowserFixture.ScreenshotAsync(live, "84-charity-live");

        var phone = await Fixture.NewPageAsync(375, 740);
        await phone.GotoAsync("/charity");
        await phone.Locator("[data-testid=charity-project-link]").First.ClickAsync();
        (await phone.Locator("[data-testid=disclosure-expense]").CountAsync()).ShouldBeGreaterThan(0, "paid expenses are disclosed");
        (await phone.Locator("[data-testid=receipt-thumb]").CountAsync()).ShouldBeGreaterThan(0, "with their receipts");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "85-charity-project-375");
        await phone.ClickAsync("[data-testid=donate]");
        await phone.FillAsync("[data-testid=donate-amount]", "66.66");
        await phone.FillAsync("[data-testid=donor-name]", "欧阳晓晓");
        await BrowserFixture.ScreenshotAsync(phone, "86-charity-donate-375");
        await phone.ClickAsync("[data-testid=donate-submit]");
        await phone.WaitForSelectorAsync("[data-testid=checkout-amount]");
        (await phone.Locator("[data-testid=checkout-amount]").InnerTextAsync()).ShouldBe("¥66.66");
        await phone.ClickAsync("[data-testid=checkout-pay]");
        await phone.WaitForSelectorAsync("[data-testid=thanks]");
        var shownAfterPayment = System.Diagnostics.Stopwatch.StartNew();
        var number = await phone.Locator("[data-testid=receipt-number]").InnerTextAsync();
        number.ShouldStartWith("JZ");
        await BrowserFixture.ScreenshotAsync(phone, "87-charity-thanks-375");

        // The other browser shows it without a reload, the name masked as the donor did not choose to show it.
        var newest = live.Locator("[data-testid=live-donations] li").First;
        await Assertions.Expect(newest).ToContainTextAsync("欧**", new() { Timeout = 10_000 });
        Console.WriteLine($"charity live: the gift showed on the other browser {shownAfterPayment.ElapsedMilliseconds} ms after the "
            + "thank-you page");
        (await newest.InnerTextAsync()).ShouldContain("66.66");
        (await live.ContentAsync()).ShouldNotContain("欧阳晓晓");
        await BrowserFixture.ScreenshotAsync(live, "88-charity-live-new");
        var wall = await Fixture.NewPageAsync(1920, 1080);
        await wall.GotoAsync("/charity/live?screen=big");
        await wall.WaitForSelectorAsync("[data-live=connected]");
        await BrowserFixture.ScreenshotAsync(wall, "89-charity-live-wall");

        // Later: the donor's own gift has not been spent yet; an older gift shows the expenses it paid for.
        await phone.GotoAsync("/charity/lookup");
        await phone.FillAsync("[data-testid=lookup-number]", number);
        await phone.PressAsync("[data-testid=lookup-number]", "Enter");
        await phone.WaitForSelectorAsync("[data-testid=lookup-result]");
        (await phone.Locator("[data-testid=lookup-unused]").CountAsync()).ShouldBe(1);
        var admin = await Fixture.NewPageAsync();
        await new LoginPage(admin).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        await admin.GotoAsync("/admin/finance/charity");
        await admin.Locator("[data-testid=charity-admin-list] a").First.ClickAsync();
        (await admin.Locator("[data-testid=confirm-count]").CountAsync()).ShouldBe(1, "the cash box waits for its second counter");
        (await admin.Locator("[data-testid=donation-flags]").CountAsync()).ShouldBe(1, "the statement line entered twice was flagged");
        await BrowserFixture.ScreenshotAsync(admin, "90-charity-admin");
        var oldest = await admin.Locator("[data-testid=donation-number]").Last.InnerTextAsync();
        await phone.GotoAsync("/charity/lookup?number=" + oldest);
        (await phone.Locator("[data-testid=lookup-expenses] li").CountAsync()).ShouldBeGreaterThan(0, "the oldest gift paid for expenses");
        await BrowserFixture.ScreenshotAsync(phone, "91-charity-lookup-375");
        var pdf = await phone.APIRequest.GetAsync(Fixture.App.BaseUrl + $"/charity/donations/{oldest}/receipt.pdf");
        pdf.Headers["content-type"].ShouldBe("application/pdf");

        // The cash box's second counter (not the one who entered it) confirms it: the gift counts only now.
        var raisedBefore = await admin.Locator("[data-testid=admin-raised]").InnerTextAsync();
        await admin.ClickAsync("[data-testid=confirm-count]");
        await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await admin.Locator("[data-testid=confirm-count]").CountAsync()).ShouldBe(0);
        (await admin.Locator("[data-testid=admin-raised]").InnerTextAsync()).ShouldNotBe(raisedBefore);

        // This year's annual figures entered in the back office are checked at once against the 2016 ratios; the regulator's
        // list names the organization behind each year.
        await admin.GotoAsync("/admin/finance/years");
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        await admin.FillAsync("#year", thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.SelectOptionAsync("#type", "ServiceOrganization");
        foreach (var (field, value) in new[] { ("totalIncome", "2800000"), ("netAssetsYearEnd", "2300000"), ("charitableSpending", "100000"),
            ("managementCost", "300000"), ("totalSpending", "1900000") })
        {
            await admin.FillAsync("#" + field, value);
        }

        await admin.ClickAsync("[data-testid=year-form] button[type=submit]");
        await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var firstCheck = await admin.Locator("[data-testid=ratio-check]").First.InnerTextAsync();
        firstCheck.ShouldContain("未达标"); // 100,000 of the 8% of 2,100,000 required (168,000)
        var regulator = await Fixture.NewPageAsync();
        await new LoginPage(regulator).SubmitAsyncAt("regulator", YilianApp.DemoPassword);
        await regulator.GotoAsync("/admin/finance/years");
        var named = regulator.Locator("[data-testid=years] tbody tr").First.Locator("a[href^='/admin/organizations/']");
        (await named.InnerTextAsync()).Trim().ShouldNotBeEmpty();
        await BrowserFixture.ScreenshotAsync(regulator, "93-finance-years-regulator");
    }

    [Fact]
    public async Task Community_PostsANeed_TheStreetSeesTheOverdueOne_OrganizationsFindItOnThePublicList()
    {
        var officer = await Fixture.NewPageAsync();
        await new LoginPage(officer).SubmitAsyncAt("officer", YilianApp.DemoPassword);
        await officer.GotoAsync("/admin/supply/needs");
        (await officer.Locator("[data-testid=needs] tbody tr").CountAsync()).ShouldBeGreaterThan(0, "the demo community has needs");
        await officer.ClickAsync("[data-testid=need-new]");
        await officer.FillAsync("#title", "浏览器测试：社区长者智能手机课堂");
        await officer.FillAsync("#targetGroup", "60 岁以上老人（约 40 人）");
        await officer.FillAsync("#description", "每周一次，教老人使用健康码、视频通话和防诈骗。");
        await officer.FillAsync("#budget", "-5");
        await officer.ClickAsync("[data-testid=need-post]");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await officer.Locator("[data-testid=form-error]").InnerTextAsync()).ShouldContain("预算");
        (await officer.InputValueAsync("#title")).ShouldBe("浏览器测试：社区长者智能手机课堂"); // what was typed stays
        await officer.FillAsync("#budget", "8000");
        await officer.ClickAsync("[data-testid=need-post]");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await officer.Locator("[data-testid=need-title]").InnerTextAsync()).ShouldBe("浏览器测试：社区长者智能手机课堂");
        await BrowserFixture.ScreenshotAsync(officer, "94-need-posted");

        var street = await Fixture.NewPageAsync();
        await new LoginPage(street).SubmitAsyncAt("street", YilianApp.DemoPassword);
        await street.GotoAsync("/admin/supply/needs?overdue=true");
        (await street.Locator("[data-testid=need-status]").First.InnerTextAsync()).ShouldBe("逾期未回应");
        await BrowserFixture.ScreenshotAsync(street, "95-needs-overdue-street");

        var phone = await Fixture.NewPageAsync(375, 740);
        await phone.GotoAsync("/needs?q=" + Uri.EscapeDataString("智能手机"));
        (await phone.Locator("[data-testid=public-need]").CountAsync()).ShouldBe(1, await phone.InnerTextAsync("main"));
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await phone.GotoAsync("/needs");
        await BrowserFixture.ScreenshotAsync(phone, "96-needs-public-375");
    }

    [Fact]
    public async Task Organization_ListsAProject_ACommunitysNeedRanksItWithReasons_TheCommunityRatesTheWorkThatMetIt()
    {
        // An organization lists a service product from a phone; a refusal keeps what was typed.
        var org = await Fixture.NewPageAsync(375, 740);
        await new LoginPage(org).SubmitAsyncAt("orgadmin2", YilianApp.DemoPassword);
        await org.GotoAsync("/admin/supply/service-projects/new");
        await org.FillAsync("#name", "浏览器测试：长者康乐小组");
        await org.SelectOptionAsync("#serviceField", "elderly");
        await org.FillAsync("#targetGroup", "独居老人、空巢老人");
        await org.FillAsync("#summary", "每周两次康乐活动和健康监测。");
        await org.FillAsync("#priceFrom", "10000");
        await org.FillAsync("#priceTo", "5000");
        await org.FillAsync("#capacity", "3");
        await org.ClickAsync("[data-testid=service-project-save]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=form-error]").InnerTextAsync()).ShouldContain("报价上限不能低于下限");
        (await org.InputValueAsync("#name")).ShouldBe("浏览器测试：长者康乐小组");
        await BrowserFixture.ScreenshotAsync(org, "97-service-project-form-375");
        await org.FillAsync("#priceTo", "40000");
        await org.ClickAsync("[data-testid=service-project-save]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=service-projects]").InnerTextAsync()).ShouldContain("浏览器测试：长者康乐小组");
        (await org.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // A community posts a need of the field and sees the organizations ranked, each reason with its points, the full one left out.
        var officer = await Fixture.NewPageAsync();
        await new LoginPage(officer).SubmitAsyncAt("officer", YilianApp.DemoPassword);
        await officer.GotoAsync("/admin/supply/needs/new");
        await officer.FillAsync("#title", "浏览器测试：空巢老人结对关爱");
        await officer.SelectOptionAsync("#serviceField", "elderly");
        await officer.FillAsync("#targetGroup", "空巢老人");
        await officer.FillAsync("#description", "为社区空巢老人结对，每周电话问候和上门陪伴。");
        await officer.FillAsync("#budget", "30000");
        await officer.ClickAsync("[data-testid=need-post]");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var matches = officer.Locator("[data-testid=match]");
        (await matches.CountAsync()).ShouldBeGreaterThanOrEqualTo(2, await officer.InnerTextAsync("main"));
        (await matches.First.Locator("[data-testid=match-reason]").CountAsync()).ShouldBe(7);
        var scores = await officer.Locator("[data-testid=match-score]").AllInnerTextsAsync();
        scores.Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
        ((await officer.Locator("[data-testid=matches-left-out]").TextContentAsync()) ?? "").ShouldContain("满负荷");
        await BrowserFixture.ScreenshotAsync(officer, "98-need-matches");

        // Met and rated: the rating is on the need and on the evaluations list.
        await officer.FillAsync("[data-testid=need-close-form] textarea", "由结对关爱项目承接，已开展 4 周。");
        await officer.ClickAsync("[data-testid=need-close]");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await officer.SelectOptionAsync("#score", "4");
        await officer.FillAsync("[data-testid=rate-form] textarea", "浏览器测试：电话问候准时，老人满意。");
        await officer.ClickAsync("[data-testid=rate]");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await officer.Locator("[data-testid=need-evaluations]").InnerTextAsync()).ShouldContain("浏览器测试：电话问候准时");
        await BrowserFixture.ScreenshotAsync(officer, "99-need-rated");

        // The organization sees the open needs it fits, with why.
        await org.GotoAsync("/admin/supply/fitting-needs");
        (await org.Locator("[data-testid=fitting-need]").CountAsync()).ShouldBeGreaterThan(0, await org.InnerTextAsync("main"));
        await BrowserFixture.ScreenshotAsync(org, "100-fitting-needs-375");
        var phone = await Fixture.NewPageAsync(375, 740);
        await phone.GotoAsync("/evaluations");
        (await phone.InnerTextAsync("main")).ShouldContain("浏览器测试：电话问候准时");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    [Fact]
    public async Task Volunteer_SignsIn_LandsOnActivitiesToJoinThisWeek()
    {
        var page = await Fixture.NewPageAsync(375, 740);
        await new LoginPage(page).SubmitAsyncAt("volunteer", YilianApp.DemoPassword);
        new Uri(page.Url).AbsolutePath.ShouldBe("/volunteer/activities");
        (await page.Locator("[data-testid=my-signup]").CountAsync()).ShouldBeGreaterThan(0, "the demo volunteer has signed up ahead");
        (await page.Locator("[data-testid=recruiting] [data-testid=signup]").CountAsync()).ShouldBeGreaterThan(0, "there are activities left to join");
        await BrowserFixture.ScreenshotAsync(page, "75-volunteer-activities-375");
        await page.GotoAsync("/volunteer/hours");
        await BrowserFixture.ScreenshotAsync(page, "76-volunteer-hours-375");
    }

    private static async Task<double> BodyFontPixelsAsync(IPage page) =>
        await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
}
