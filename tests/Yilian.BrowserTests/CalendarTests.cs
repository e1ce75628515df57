using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Yilian.Activities.Domain;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>Issue 4's "done when": a double booking refused with reasons and free slots, a drag to a free slot, a staff member kept in one place.</summary>
public sealed class CalendarTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A Tuesday two or more weeks ahead that is an ordinary working day.</summary>
    private static DateOnly NextOrdinaryTuesday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(15); // after the demo fortnight
        while (day.DayOfWeek != DayOfWeek.Tuesday || HolidayCalendar.Embedded.Kind(day) != DayKind.Ordinary)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static async Task ScheduleAsync(IPage page, string title, string venue, DateOnly day, string from, string to, bool withStaff)
    {
        await page.GotoAsync("/admin/activities/new");
        await page.FillAsync("[data-testid=activity-title]", title);
        await page.SelectOptionAsync("[data-testid=activity-venue]", venue);
        await page.FillAsync("[data-testid=activity-date]", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=activity-from]", from);
        await page.FillAsync("[data-testid=activity-to]", to);
        if (withStaff)
        {
            await page.Locator("[data-testid=activity-staff]").First.CheckAsync();
        }

        await page.ClickAsync("[data-testid=schedule]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Drags an event in the time grid by whole hours (its height is its length).</summary>
    private static async Task DragAsync(IPage page, string title, int hours)
    {
        var item = page.Locator(".ec-event", new PageLocatorOptions { HasText = title });
        await item.WaitForAsync();
        var box = (await item.BoundingBoxAsync())!;
        var perHour = box.Height / 2;
        var x = box.X + (box.Width / 2);
        await page.Mouse.MoveAsync(x, box.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, box.Y + 10 + (perHour * hours / 2), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.MoveAsync(x, box.Y + 10 + (perHour * hours), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task Double_Booking_Refused_With_Free_Slots_Then_Dragged_To_A_Free_Slot_And_Staff_Kept_In_One_Place()
    {
        var day = NextOrdinaryTuesday();
        var page = await fixture.NewPageAsync(1400, 1000);
        await new LoginPage(page).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/activities/new");
        var venues = await page.Locator("[data-testid=activity-venue] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)");
        var (roomA, roomB) = (venues[0], venues[1]);

        await ScheduleAsync(page, "浏览器测试：长者书法课", roomA, day, "09:00", "11:00", withStaff: true);
        page.Url.ShouldContain("/admin/calendar");

        // The same room at an overlapping time: refused, with the reason and free slots to choose from.
        await ScheduleAsync(page, "浏览器测试：亲子阅读", roomA, day, "10:00", "11:30", withStaff: false);
        var refusal = await page.Locator("[data-testid=schedule-error]").InnerTextAsync();
        refusal.ShouldContain("已被预订");
        (await page.Locator("[data-testid=suggestion]").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFixture.ScreenshotAsync(page, "30-activity-conflict");

        // The same staff member in another room at the same time: refused with the reason.
        await ScheduleAsync(page, "浏览器测试：太极课", roomB, day, "09:30", "10:30", withStaff: true);
        (await page.Locator("[data-testid=schedule-error]").InnerTextAsync()).ShouldContain("已有其他安排");

        // Taking the first suggested slot books the second activity.
        await ScheduleAsync(page, "浏览器测试：亲子阅读", roomA, day, "10:00", "11:30", withStaff: false);
        await page.Locator("[data-testid=suggestion]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ClickAsync("[data-testid=schedule]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldContain("/admin/calendar");

        // The week view of that room: drag the first activity three hours later, to a free slot.
        await page.GotoAsync($"/admin/calendar?venue={roomA}&view=timeGridWeek&date={day:yyyy-MM-dd}");
        var message = page.Locator("[data-testid=calendar-message]");

        // Onto the second activity's slot: the server refuses, the event snaps back, the reason is shown.
        await DragAsync(page, "长者书法课", hours: 3);
        await message.WaitForAsync();
        (await message.InnerTextAsync()).ShouldContain("已被预订");

        // Five hours later, 14:00–16:00, is free.
        await DragAsync(page, "长者书法课", hours: 5);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=calendar-message]').textContent.includes('已调整')");

        var events = await page.EvaluateAsync<JsonElement>(
            $"fetch('/api/v1/calendar?venueId={roomA}&from={day:yyyy-MM-dd}T00:00%2B08:00&to={day:yyyy-MM-dd}T23:59%2B08:00').then(r => r.json())");
        var moved = events.EnumerateArray().Single(e => e.GetProperty("title").GetString() == "浏览器测试：长者书法课");
        moved.GetProperty("start").GetString().ShouldBe($"{day:yyyy-MM-dd}T14:00:00+08:00");
        await page.Locator(".ec-event", new PageLocatorOptions { HasText = "长者书法课" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "31-calendar-week");
    }

    [Fact]
    public async Task Opening_Hours_Are_Edited_On_The_Venue_Page_And_The_Engine_Follows_Them()
    {
        string venue;
        using (var op = await fixture.App.ClientAsAsync("operator"))
        {
            var community = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("regionCode").GetString();
            var created = await op.PostAsJsonAsync("/api/v1/venues", new { name = "浏览器测试：社区活动室", ownerKind = "Community", regionCode = community, capacity = 30 });
            created.EnsureSuccessStatusCode();
            venue = created.Headers.Location!.ToString().Split('/')[^1];
        }

        var page = await fixture.NewPageAsync(1400, 1000);
        await new LoginPage(page).SubmitAsyncAt("operator", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/venues");
        await page.Locator("tr", new PageLocatorOptions { HasText = "浏览器测试：社区活动室" }).Locator("[data-testid=venue-edit-link]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Sunday was closed: open it 09:00–12:00; Saturday's closing time before its opening is refused with the day named.
        await page.UncheckAsync("input[name=closed0]");
        await page.FillAsync("input[name=open0]", "09:00");
        await page.FillAsync("input[name=close0]", "12:00");
        await page.FillAsync("input[name=open6]", "10:00");
        await page.FillAsync("input[name=close6]", "09:00");
        await page.ClickAsync("[data-testid=venue-save]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.ShouldContain("error=", customMessage: page.Url + (await page.InnerTextAsync("main")) + string.Join("\n", fixture.App.Logs.Where(l => l.Contains("Exception")).Take(2)));
        (await page.Locator("[data-testid=venue-error]").InnerTextAsync()).ShouldContain("周六");
        await page.FillAsync("input[name=open0]", "09:00");
        await page.FillAsync("input[name=close0]", "12:00");
        await page.UncheckAsync("input[name=closed0]");
        await page.FillAsync("input[name=close6]", "17:00");
        await page.ClickAsync("[data-testid=venue-save]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=venue-saved]").InnerTextAsync()).ShouldContain("已保存");
        await BrowserFixture.ScreenshotAsync(page, "61-venue-hours");

        // The engine follows: a Sunday morning fits, a Sunday afternoon does not.
        using var org = await fixture.App.ClientAsAsync("operator");
        var sunday = NextOrdinaryTuesday().AddDays(5);
        string At(string time) => $"{sunday:yyyy-MM-dd}T{time}:00+08:00";
        var morning = await (await org.PostAsJsonAsync("/api/v1/activities/check", new { title = "x", venueId = venue, start = At("09:30"), end = At("11:30") })).Content.ReadFromJsonAsync<JsonElement>();
        morning.GetArrayLength().ShouldBe(0, morning.ToString());
        var afternoon = await (await org.PostAsJsonAsync("/api/v1/activities/check", new { title = "x", venueId = venue, start = At("13:00"), end = At("14:00") })).Content.ReadFromJsonAsync<JsonElement>();
        afternoon.EnumerateArray().ShouldContain(c => c.GetProperty("kind").GetString() == "hours");

        // From an organization's page to its calendar: the filter is set and the calendar asks for that organization only.
        var organization = (await org.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString()!;
        await page.GotoAsync($"/admin/organizations/{organization}");
        await page.ClickAsync("[data-testid=org-calendar]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=organization-filter]").InputValueAsync()).ShouldBe(organization);
        (await page.Locator("#yl-calendar").GetAttributeAsync("data-filter"))!.ShouldContain("organizationId=" + organization);
    }
}
