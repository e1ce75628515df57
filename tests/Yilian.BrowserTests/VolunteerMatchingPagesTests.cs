using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Yilian.BrowserTests;

/// <summary>A volunteer fills in the talent profile on a phone; the organizer sees the explained ranking, invites, and opens the week's proposal.</summary>
public sealed class VolunteerMatchingPagesTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly BrowserFixture _fixture = new() { Settings = new Dictionary<string, string?> { ["Security:IdleTimeout"] = "3.00:00:00" } };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Profile_Ranking_Invitation_And_Week_Proposal()
    {
        var app = _fixture.App;
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        var ten = new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, China);
        ten = ten - now < TimeSpan.FromMinutes(10) ? ten.AddDays(1) : ten;
        app.Clock.Offset = ten.AddMinutes(-10) - now;
        using (var org = await app.ClientAsAsync("orgadmin"))
        {
            var created = await org.PostAsJsonAsync("/api/v1/activities", new
            {
                title = "敬老院急救知识宣讲", type = "volunteering", online = true,
                start = ten.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), end = ten.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                volunteerNeeds = new Dictionary<string, int> { ["first-aid"] = 2 },
            });
            created.EnsureSuccessStatusCode();
            (await org.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
        }

        // The volunteer: first aid level 4, free that morning.
        var phone = await _fixture.NewPageAsync(375, 800);
        var login = new LoginPage(phone);
        await login.OpenAsync("/volunteer/profile");
        await login.SubmitAsync("volunteer", Yilian.Testing.YilianApp.DemoPassword);
        await phone.GotoAsync("/volunteer/profile");
        await phone.SelectOptionAsync("#lv-first-aid", "4");
        var day = (int)ten.DayOfWeek == 0 ? 7 : (int)ten.DayOfWeek;
        await phone.CheckAsync($"input[name=slots][value='{day}-am']");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "48-volunteer-profile-phone");
        await phone.ClickAsync("[data-testid=profile-save]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        phone.Url.ShouldContain("saved=1", customMessage: phone.Url + " " + await phone.ContentAsync() + string.Join("\n", app.Logs.Where(l => l.Contains("Unhandled")).Take(1).Select(l => l.Length > 2500 ? l[..2500] : l)));
        (await phone.Locator("[data-testid=profile-saved]").InnerTextAsync()).ShouldContain("已保存");
        (await phone.Locator("#lv-first-aid").InputValueAsync()).ShouldBe("4");

        // The organizer: the ranking with its reasons, then an invitation.
        var desk = await _fixture.NewPageAsync();
        var deskLogin = new LoginPage(desk);
        await deskLogin.OpenAsync();
        await deskLogin.SubmitAsync("orgadmin", Yilian.Testing.YilianApp.DemoPassword);
        await desk.GotoAsync("/admin/volunteering");
        await desk.Locator("tr", new PageLocatorOptions { HasText = "敬老院急救知识宣讲" }).Locator("[data-testid=matches-link]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var first = desk.Locator("[data-testid=match-row]").First;
        (await first.InnerTextAsync()).ShouldContain("马*慧");
        (await first.InnerTextAsync()).ShouldContain("急救（自评 4 级）");
        await BrowserFixture.ScreenshotAsync(desk, "49-organizer-matches");
        await first.Locator("input[type=checkbox]").CheckAsync();
        await desk.ClickAsync("[data-testid=invite]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=invited]").InnerTextAsync()).ShouldContain("邀请已发送");

        // The volunteer sees the invitation with the reasons.
        await phone.GotoAsync("/volunteer/activities");
        (await phone.Locator("[data-testid=my-invitations]").InnerTextAsync()).ShouldContain("敬老院急救知识宣讲");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "50-volunteer-invited-phone");

        // The volunteer signs up; another activity at the same hour is refused with the one that holds them named;
        // after withdrawing from the first, the second is theirs.
        await SignUpOnPhoneAsync(phone, "敬老院急救知识宣讲");
        (await phone.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("报名成功");
        var card = phone.Locator("article", new PageLocatorOptions { HasText = "敬老院急救知识宣讲" });
        (await card.Locator("[data-testid=signed-up]").InnerTextAsync()).ShouldContain("已确认"); // no second sign-up button
        (await card.Locator("[data-testid=places]").InnerTextAsync()).ShouldContain("还剩 1 个名额");
        using (var org = await app.ClientAsAsync("orgadmin"))
        {
            var created = await org.PostAsJsonAsync("/api/v1/activities", new
            {
                title = "同一时间的社区义诊", type = "volunteering", online = true,
                start = ten.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), end = ten.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                volunteerNeeds = new Dictionary<string, int> { ["order"] = 3 },
            });
            created.EnsureSuccessStatusCode();
            (await org.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
        }

        await SignUpOnPhoneAsync(phone, "同一时间的社区义诊");
        (await phone.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("该时段您已报名「敬老院急救知识宣讲」");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "59-volunteer-clash-phone");
        phone.Dialog += (_, dialog) => dialog.AcceptAsync();
        await phone.Locator("[data-testid=my-signup]", new PageLocatorOptions { HasText = "敬老院急救知识宣讲" }).Locator("[data-testid=withdraw]").ClickAsync();
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("已退出报名");
        await SignUpOnPhoneAsync(phone, "同一时间的社区义诊");
        (await phone.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("报名成功");

        // Her confirmed activities in her phone's calendar: a subscription address of her own, shown once.
        await phone.Locator("[data-testid=calendar-subscription] summary").ClickAsync();
        await phone.ClickAsync("[data-testid=feed-create]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var feedUrl = await phone.Locator("[data-testid=feed-url]").InputValueAsync();
        using (var calendarApp = app.CreateClient())
        {
            var ics = await calendarApp.GetStringAsync(new Uri(feedUrl).PathAndQuery);
            ics.ShouldContain("同一时间的社区义诊");
            ics.ShouldNotContain("敬老院急救知识宣讲"); // withdrawn
        }

        // The week's proposal page answers with its summary.
        await desk.GotoAsync($"/admin/volunteering/week?week={ten:yyyy-MM-dd}");
        (await desk.Locator("[data-testid=week-summary]").InnerTextAsync()).ShouldContain("个活动");
        await BrowserFixture.ScreenshotAsync(desk, "51-organizer-week-proposal");

        // A service team: created, the volunteer added by number, made its leader on the team's page.
        using var self = await app.ClientAsAsync("volunteer");
        var number = (await self.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/volunteers/me")).GetProperty("number").GetString();
        await desk.GotoAsync("/admin/volunteering/teams");
        await desk.FillAsync("[data-testid=team-form] input[name=name]", "急救宣讲志愿服务队");
        await desk.ClickAsync("[data-testid=team-form] button[type=submit]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await desk.Locator("[data-testid=team-link]", new PageLocatorOptions { HasText = "急救宣讲志愿服务队" }).ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await desk.FillAsync("[data-testid=team-add] input[name=numbers]", "NOPE-1");
        await desk.ClickAsync("[data-testid=team-add] button[type=submit]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=team-error]").InnerTextAsync()).ShouldContain("NOPE-1");
        await desk.FillAsync("[data-testid=team-add] input[name=numbers]", number!);
        await desk.ClickAsync("[data-testid=team-add] button[type=submit]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var member = desk.Locator("[data-testid=team-member]", new PageLocatorOptions { HasText = "马小慧" });
        await member.Locator("button", new LocatorLocatorOptions { HasText = "设为队长" }).ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=team-member]", new PageLocatorOptions { HasText = "马小慧" }).InnerTextAsync()).ShouldContain("队长");
        await BrowserFixture.ScreenshotAsync(desk, "60-organizer-team");

        // The organizer takes the volunteer off an activity before it starts; the volunteer is told.
        desk.Dialog += (_, dialog) => dialog.AcceptAsync();
        await desk.GotoAsync("/admin/volunteering");
        await desk.Locator("tr", new PageLocatorOptions { HasText = "同一时间的社区义诊" }).Locator("[data-testid=attendance-link]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await desk.Locator("[data-testid=attendance-row]", new PageLocatorOptions { HasText = "马小慧" }).Locator("[data-testid=remove-signup]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=attendance-row]", new PageLocatorOptions { HasText = "马小慧" }).CountAsync()).ShouldBe(0);
        (await self.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notifications")).EnumerateArray()
            .ShouldContain(n => n.GetProperty("title").GetString() == "报名已取消");
    }

    private static async Task SignUpOnPhoneAsync(IPage phone, string title)
    {
        await phone.GotoAsync("/volunteer/activities");
        await phone.Locator("article", new PageLocatorOptions { HasText = title }).Locator("[data-testid=signup]").ClickAsync();
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
