using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yilian.SharedKernel.Seeding;

namespace Yilian.BrowserTests;

/// <summary>Issue 5, first part, at phone size: register with the SMS code, sign in, find an activity, sign up.</summary>
public sealed partial class VolunteerPhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_Volunteer_Registers_And_Signs_Up_On_A_Phone()
    {
        // An organizer publishes an activity that recruits volunteers.
        using (var org = await fixture.App.ClientAsAsync("orgadmin"))
        {
            var start = DateTimeOffset.UtcNow.AddDays(6).ToOffset(TimeSpan.FromHours(8));
            var created = await org.PostAsJsonAsync("/api/v1/activities", new
            {
                title = "浏览器测试：河道清洁志愿行动", type = "volunteering", online = true,
                start = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), end = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                volunteerNeeds = new Dictionary<string, int> { ["order"] = 5 },
            });
            created.EnsureSuccessStatusCode();
            (await org.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
        }

        var page = await fixture.NewPageAsync(375, 800);
        await page.GotoAsync("/volunteer/register");
        const string phone = "13566667777";
        await page.FillAsync("[data-testid=reg-phone]", phone);
        await page.ClickAsync("[data-testid=reg-send-code]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=reg-message]").InnerTextAsync()).ShouldContain("验证码已发送");
        var code = fixture.App.Logs.Where(l => l.Contains("SMS to") && l.Contains("7777")).Select(l => Code().Match(l).Groups[1].Value).Last(v => v.Length == 6);

        await page.FillAsync("[data-testid=reg-code]", code);
        await page.FillAsync("[data-testid=reg-name]", "林晓");
        await page.FillAsync("[data-testid=reg-id]", FakeChinese.IdNumber(new Random(9), "320571", new DateOnly(1995, 8, 20)));
        await page.FillAsync("[data-testid=reg-password]", "Lantern-Seven-42");
        await page.CheckAsync("[data-testid=reg-consent]");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(page, "40-volunteer-register-phone");
        await page.ClickAsync("[data-testid=reg-submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldContain("/account/login");
        (await page.Locator("[data-testid=login-registered]").InnerTextAsync()).ShouldContain("手机号");
        await BrowserFixture.ScreenshotAsync(page, "40b-volunteer-registered-sign-in-phone");

        await new LoginPage(page).SubmitAsync(phone, "Lantern-Seven-42");
        await page.GotoAsync("/volunteer/activities");
        var card = page.Locator("article", new PageLocatorOptions { HasText = "河道清洁志愿行动" });
        await card.Locator("[data-testid=signup]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("报名成功");
        (await page.Locator("[data-testid=my-signups]").InnerTextAsync()).ShouldContain("已确认");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(page, "41-volunteer-signed-up-phone");

        // The organizer awards points for the service; the volunteer sees them on the phone.
        var me = await page.EvaluateAsync<System.Text.Json.JsonElement>("fetch('/api/v1/volunteers/me').then(r => r.json())");
        using (var op = await fixture.App.ClientAsAsync("operator"))
        {
            using var award = new HttpRequestMessage(HttpMethod.Post, "/api/v1/points/awards")
            {
                Content = JsonContent.Create(new { volunteerId = me.GetProperty("id").GetString(), points = 20, reason = "河道清洁志愿行动 2 小时" }),
            };
            award.Headers.Add("Idempotency-Key", "browser-award-1");
            (await op.SendAsync(award)).EnsureSuccessStatusCode();
        }

        await page.ClickAsync("[data-testid=my-points-link]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=points-balance]").InnerTextAsync()).ShouldBe("20");
        (await page.Locator("[data-testid=points-entries]").InnerTextAsync()).ShouldContain("河道清洁志愿行动 2 小时");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(page, "42-volunteer-points-phone");
    }

    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex Code();
}
