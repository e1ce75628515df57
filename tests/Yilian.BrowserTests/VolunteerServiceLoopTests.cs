using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yilian.SharedKernel.Seeding;

namespace Yilian.BrowserTests;

/// <summary>
/// Issue 5's "done when", as a new volunteer on a 375 px phone and an organizer at a desk: register,
/// sign up, check in and out with the codes shown at the activity, the organizer confirms, the volunteer
/// sees hours and points and downloads a certificate whose verification page confirms it. The host's
/// clock is moved so that the activity's hour really passes.
/// </summary>
public sealed partial class VolunteerServiceLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly BrowserFixture _fixture = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "3.00:00:00",
            ["Security:LoginAttemptsPerIpPerMinute"] = "500",
        },
    };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private static string Iso(DateTimeOffset t) => t.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task FitsPhoneAsync(IPage page) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

    [Fact]
    public async Task A_New_Volunteer_Serves_And_Gets_A_Verified_Certificate()
    {
        var app = _fixture.App;
        // China time reads 09:50; the activity runs 10:00–11:00 at a community service station.
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        var ten = new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, China);
        ten = ten - now < TimeSpan.FromMinutes(10) ? ten.AddDays(1) : ten;
        app.Clock.Offset = ten.AddMinutes(-10) - now;
        using (var op = await app.ClientAsAsync("operator"))
        using (var org = await app.ClientAsAsync("orgadmin"))
        {
            var community = (await org.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("regionCode").GetString();
            var allDay = new { open = "00:00:00", close = "23:59:00" };
            var venue = await op.PostAsJsonAsync("/api/v1/venues", new
            {
                name = "星湖社区服务站", ownerKind = "Community", regionCode = community, capacity = 40, latitude = 31.32, longitude = 120.72,
                openingHours = new { days = Enumerable.Repeat(allDay, 7).ToArray() }, followsWorkCalendar = false,
            });
            venue.EnsureSuccessStatusCode();
            var created = await org.PostAsJsonAsync("/api/v1/activities", new
            {
                title = "金鸡湖畔河道清洁", type = "volunteering", venueId = venue.Headers.Location!.ToString().Split('/')[^1],
                start = Iso(ten), end = Iso(ten.AddHours(1)), volunteerNeeds = new Dictionary<string, int> { ["order"] = 5 },
            });
            created.EnsureSuccessStatusCode();
            (await org.PostAsync(created.Headers.Location + "/publish", null)).EnsureSuccessStatusCode();
        }

        // The volunteer registers with the SMS code on a phone and signs up.
        var phone = await _fixture.NewPageAsync(375, 800);
        await phone.GotoAsync("/volunteer/register");
        const string number = "13588889999";
        await phone.FillAsync("[data-testid=reg-phone]", number);
        await phone.ClickAsync("[data-testid=reg-send-code]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var code = app.Logs.Where(l => l.Contains("SMS to") && l.Contains("9999")).Select(l => SmsCode().Match(l).Groups[1].Value).Last(v => v.Length == 6);
        await phone.FillAsync("[data-testid=reg-code]", code);
        await phone.FillAsync("[data-testid=reg-name]", "沈嘉怡");
        await phone.FillAsync("[data-testid=reg-id]", FakeChinese.IdNumber(new Random(11), "320571", new DateOnly(1998, 4, 12)));
        await phone.FillAsync("[data-testid=reg-password]", "Lantern-Seven-42");
        await phone.CheckAsync("[data-testid=reg-consent]");
        await phone.ClickAsync("[data-testid=reg-submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await new LoginPage(phone).SubmitAsync(number, "Lantern-Seven-42");
        await phone.GotoAsync("/volunteer/activities");
        await phone.Locator("article", new PageLocatorOptions { HasText = "金鸡湖畔河道清洁" }).Locator("[data-testid=signup]").ClickAsync();
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=signup-result]").InnerTextAsync()).ShouldContain("报名成功");

        // The organizer opens the activity's attendance page, which shows the codes.
        var desk = await _fixture.NewPageAsync();
        var login = new LoginPage(desk);
        await login.OpenAsync();
        await login.SubmitAsync("orgadmin", Yilian.Testing.YilianApp.DemoPassword);
        await desk.GotoAsync("/admin/volunteering");
        await desk.Locator("tr", new PageLocatorOptions { HasText = "金鸡湖畔河道清洁" }).Locator("[data-testid=attendance-link]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(2); // the two QR codes
        var checkInCode = await desk.Locator("[data-testid=checkin-code-text]").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(desk, "43-organizer-attendance-codes");

        // Scanning the QR code opens the check-in page with the code filled in.
        await phone.GotoAsync("/volunteer/checkin?code=" + Uri.EscapeDataString(checkInCode));
        await FitsPhoneAsync(phone);
        await phone.ClickAsync("[data-testid=checkin-submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=checkin-result]").InnerTextAsync()).ShouldContain("已签到");
        await BrowserFixture.ScreenshotAsync(phone, "44-volunteer-checked-in-phone");
        // A forged code gets a clear answer.
        await phone.GotoAsync("/volunteer/checkin?code=" + Uri.EscapeDataString(checkInCode[..^2] + (checkInCode[^2] == 'x' ? "y" : "x") + checkInCode[^1]));
        await phone.ClickAsync("[data-testid=checkin-submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=checkin-error]").InnerTextAsync()).ShouldContain("二维码无效");

        // 10:50: the volunteer checks out with the check-out code.
        app.Clock.Advance(TimeSpan.FromMinutes(60));
        await desk.ReloadAsync();
        // An hour later the organizer is still signed in (the session survives Identity's half-hourly refresh).
        new Uri(desk.Url).AbsolutePath.ShouldEndWith("/attendance");
        var checkOutCode = await desk.Locator("[data-testid=checkout-code-text]").InnerTextAsync();
        await phone.GotoAsync("/volunteer/checkin?code=" + Uri.EscapeDataString(checkOutCode));
        await phone.ClickAsync("[data-testid=checkin-submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=checkin-result]").InnerTextAsync()).ShouldContain("已签退");

        // The organizer confirms the record.
        await desk.ReloadAsync();
        var row = desk.Locator("[data-testid=attendance-row]", new PageLocatorOptions { HasText = "沈嘉怡" });
        (await row.InnerTextAsync()).ShouldContain("待确认");
        await row.Locator("[data-testid=confirm-attendance]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=attendance-row]", new PageLocatorOptions { HasText = "沈嘉怡" }).InnerTextAsync()).ShouldContain("已确认");
        await BrowserFixture.ScreenshotAsync(desk, "45-organizer-confirmed");

        // The volunteer sees the hours and the points, and gets a certificate.
        await phone.GotoAsync("/volunteer/hours");
        (await phone.Locator("[data-testid=hours-confirmed]").InnerTextAsync()).ShouldBe("0.83"); // 10:00–10:50
        await phone.ClickAsync("[data-testid=issue-certificate]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=certificates]").InnerTextAsync()).ShouldContain("0.83");
        await FitsPhoneAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "46-volunteer-hours-phone");
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("[data-testid=certificate-pdf]"));
        download.SuggestedFilename.ShouldStartWith("certificate-ZY");
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        await phone.GotoAsync("/volunteer/points");
        (await phone.Locator("[data-testid=points-balance]").InnerTextAsync()).ShouldBe("8"); // 10 an hour, 50 minutes

        // Anyone who scans the certificate's QR code sees that it is genuine.
        await phone.GotoAsync("/volunteer/hours");
        var verifyUrl = await phone.Locator("[data-testid=certificate-verify]").GetAttributeAsync("href");
        var stranger = await _fixture.NewPageAsync(375, 800);
        await stranger.GotoAsync(verifyUrl!);
        (await stranger.Locator("[data-testid=verify-result]").InnerTextAsync()).ShouldContain("该证明真实有效");
        (await stranger.Locator("[data-testid=verify-details]").InnerTextAsync()).ShouldContain("沈*怡");
        await FitsPhoneAsync(stranger);
        await BrowserFixture.ScreenshotAsync(stranger, "47-certificate-verified-phone");

        // A photo report from the activity: sent from the phone, approved by the organizer, shown with the activity.
        await phone.GotoAsync("/volunteer/photos");
        await phone.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "IMG_2031.JPG", MimeType = "image/jpeg", Buffer = Photo() });
        await phone.FillAsync("#text", "河道清洁完成，共清理垃圾 12 袋");
        await phone.SelectOptionAsync("#activity", new SelectOptionValue { Label = "金鸡湖畔河道清洁" });
        await FitsPhoneAsync(phone);
        await phone.ClickAsync("[data-testid=photo-send]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=photo-sent]").InnerTextAsync()).ShouldContain("等待审核");
        await BrowserFixture.ScreenshotAsync(phone, "52-volunteer-photo-phone");
        await desk.GotoAsync("/admin/volunteering/photos");
        await desk.Locator("[data-testid=photo-card]", new PageLocatorOptions { HasText = "清理垃圾 12 袋" }).Locator("[data-testid=photo-approve]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await desk.GotoAsync("/admin/volunteering");
        await desk.Locator("tr", new PageLocatorOptions { HasText = "金鸡湖畔河道清洁" }).Locator("[data-testid=attendance-link]").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=activity-photos] img").CountAsync()).ShouldBe(1);
    }

    /// <summary>A real JPEG made on the spot (a phone photo stand-in).</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1200, 900);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(60, 160, 90));
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex SmsCode();
}
