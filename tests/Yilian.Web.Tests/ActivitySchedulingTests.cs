using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Booking through the API on every provider: one conflict engine, enforced by the database.</summary>
public sealed class ActivitySchedulingTests
{
    // A Tuesday in December 2026, China time; no holiday.
    private const string Day = "2026-12-08";

    private static string At(string time, string day = Day) => $"{day}T{time}+08:00";

    private static async Task<(string OrgId, string Community)> OwnOrganizationAsync(HttpClient orgAdmin)
    {
        var org = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0];
        return (org.GetProperty("id").GetString()!, org.GetProperty("regionCode").GetString()!);
    }

    internal static async Task<string> VenueAsync(HttpClient op, string community, int capacity = 30, int buffer = 0, string name = "测试活动室")
    {
        var created = await op.PostAsJsonAsync("/api/v1/venues", new { name, ownerKind = "Community", regionCode = community, capacity, bufferMinutes = buffer, minMinutes = 30, maxMinutes = 240 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return created.Headers.Location!.ToString().Split('/')[^1];
    }

    private static object Activity(string venueId, string start, string end, string title = "长者健康讲座", object? staffIds = null, string? rrule = null, int expected = 10) =>
        new { title, type = "class", venueId, start = At(start), end = At(end), staffIds, recurrenceRule = rrule, expectedParticipants = expected };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Overlapping_Booking_IsRefused_WithConflictsAndSuggestedFreeSlots(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var venue = await VenueAsync(op, community, buffer: 15);

        var first = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "11:00"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());

        // 11:00 is back to back, but the venue keeps 15 minutes between bookings.
        var second = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "11:00", "12:00", "亲子阅读"));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        var conflict = problem.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("venue");
        conflict.GetProperty("otherActivityId").GetString().ShouldBe(first.Headers.Location!.ToString().Split('/')[^1]);
        conflict.GetProperty("otherStart").GetString().ShouldBe("2026-12-08T09:00:00+08:00");
        problem.GetProperty("detail").GetString()!.ShouldContain("已被预订");

        // The suggestions are real: the first one books.
        var suggestion = problem.GetProperty("suggestions")[0];
        DateTimeOffset.Parse(suggestion.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 12, 8, 11, 15, 0, TimeSpan.FromHours(8)));
        var retry = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "亲子阅读", type = "class", venueId = venue, start = suggestion.GetProperty("start").GetString(), end = suggestion.GetProperty("end").GetString(), expectedParticipants = 10,
        });
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());

        // Free slots answer the same question directly.
        var slots = await org.GetFromJsonAsync<JsonElement>($"/api/v1/venues/{venue}/free-slots?duration=60&from={Uri.EscapeDataString(At("08:00"))}&to={Uri.EscapeDataString(At("22:00"))}");
        slots.EnumerateArray().ShouldNotBeEmpty();
        slots.EnumerateArray().ShouldAllBe(s => !s.GetProperty("start").GetString()!.StartsWith("2026-12-08T09:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Fifty_Simultaneous_Bookings_Of_One_Slot_Exactly_One_Succeeds(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var venue = await VenueAsync(op, community);

        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await gate.WaitAsync();
            // Each lands on the same slot at a slightly different time: all overlap.
            return await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, $"14:{i % 30:00}", "16:00", $"并发预订 {i}"));
        }).ToList();
        gate.Release(50);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(49, string.Join(", ", responses.Select(r => (int)r.StatusCode).Distinct()));
        var events = await org.GetFromJsonAsync<JsonElement>($"/api/v1/calendar?venueId={venue}&from={Uri.EscapeDataString(At("00:00"))}&to={Uri.EscapeDataString(At("23:59"))}");
        events.GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Simultaneous_Bookings_Through_Two_Instances_Exactly_One_Succeeds(string provider)
    {
        // Two instances on one database, as behind nginx: the conflict engine's guarantee is the database's, not a process's.
        await using var app = await YilianApp.StartAsync(provider);
        await using var twin = app.Twin();
        using var op = await app.ClientAsAsync("operator");
        using var orgOnA = await app.ClientAsAsync("orgadmin");
        using var orgOnB = await twin.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(orgOnA);
        var venue = await VenueAsync(op, community);

        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.WaitAsync();
            return await (i % 2 == 0 ? orgOnA : orgOnB).PostAsJsonAsync("/api/v1/activities", Activity(venue, $"09:{i % 30:00}", "11:00", $"两实例并发 {i}"));
        }).ToList();
        gate.Release(40);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(39, string.Join(", ", responses.Select(r => (int)r.StatusCode).Distinct()));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Staff_Member_Cannot_Be_In_Two_Rooms_At_Once_And_A_Move_Obeys_The_Same_Rules(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (orgId, community) = await OwnOrganizationAsync(org);
        var roomA = await VenueAsync(op, community, name: "一号活动室");
        var roomB = await VenueAsync(op, community, name: "二号活动室");
        var staff = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{orgId}/staff"))[0].GetProperty("id").GetString();

        var a = await org.PostAsJsonAsync("/api/v1/activities", Activity(roomA, "09:00", "10:00", "书法课", new[] { staff }));
        a.StatusCode.ShouldBe(HttpStatusCode.Created, await a.Content.ReadAsStringAsync());
        var b = await org.PostAsJsonAsync("/api/v1/activities", Activity(roomB, "09:30", "10:30", "太极课", new[] { staff }));
        b.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("person");
        conflict.GetProperty("person").GetString().ShouldBe($"staff:{staff}");

        // Without that person it books; then moving it onto the first room's hour is refused, and to a free hour succeeds.
        var c = await org.PostAsJsonAsync("/api/v1/activities", Activity(roomB, "09:30", "10:30", "太极课"));
        c.StatusCode.ShouldBe(HttpStatusCode.Created);
        var cId = c.Headers.Location!.ToString().Split('/')[^1];
        var occurrence = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{cId}")).GetProperty("occurrences")[0].GetProperty("id").GetString();
        var clash = await org.PutAsJsonAsync($"/api/v1/activities/{cId}/occurrences/{occurrence}", new { start = At("09:00"), end = At("10:00"), venueId = roomA });
        clash.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var moved = await org.PutAsJsonAsync($"/api/v1/activities/{cId}/occurrences/{occurrence}", new { start = At("15:00"), end = At("16:00"), venueId = roomA });
        moved.StatusCode.ShouldBe(HttpStatusCode.NoContent, await moved.Content.ReadAsStringAsync());
        var after = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{cId}");
        after.GetProperty("occurrences").EnumerateArray().Single().GetProperty("start").GetString().ShouldBe("2026-12-08T15:00:00+08:00");
    }

    [Fact]
    public async Task On_PostgreSQL_The_Database_Itself_Refuses_Overlapping_Rows()
    {
        if (Databases.PostgresServer is null)
        {
            return; // runs wherever PostgreSQL is configured: always in ./test.sh and CI
        }

        await using var app = await YilianApp.StartAsync(Databases.Postgres);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var venue = Guid.Parse(await VenueAsync(op, community));
        var created = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue.ToString(), "09:00", "11:00"));
        var activityId = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);

        // Straight to the table, past the engine: the exclusion constraint still says no.
        await using var scope = Yilian.SharedKernel.Security.SystemScope.Begin(app.Services);
        var db = scope.ServiceProvider.GetRequiredService<Yilian.Activities.Data.ActivitiesDbContext>();
        var start = new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero); // 10:00 China time
        db.Occurrences.Add(new Yilian.Activities.Domain.Occurrence { Id = Guid.NewGuid(), ActivityId = activityId, VenueId = venue, Start = start, End = start.AddHours(1), BlockEnd = start.AddHours(1) });
        var error = await Should.ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesAsync());
        (error.InnerException as System.Data.Common.DbException)!.SqlState.ShouldBe("23P01");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Closed_Day_Refuses_Bookings_And_Moves_Onto_It(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var venue = await VenueAsync(op, community);
        var closure = await op.PostAsJsonAsync($"/api/v1/venues/{venue}/closures", new { date = "2026-12-09", reason = "消防检修" });
        closure.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await op.PostAsJsonAsync($"/api/v1/venues/{venue}/closures", new { date = "2026-12-10" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no reason

        var refused = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "10:00").WithDay("2026-12-09"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("hours");
        conflict.GetProperty("reason").GetString()!.ShouldContain("消防检修");

        // A drag onto the closed day is answered the same way, and the occurrence stays where it was.
        var booked = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "10:00"));
        var id = booked.Headers.Location!.ToString().Split('/')[^1];
        var occurrence = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}")).GetProperty("occurrences")[0].GetProperty("id").GetString();
        (await org.PutAsJsonAsync($"/api/v1/activities/{id}/occurrences/{occurrence}", new { start = "2026-12-09T09:00+08:00", end = "2026-12-09T10:00+08:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}")).GetProperty("occurrences")[0].GetProperty("start").GetString().ShouldBe("2026-12-08T09:00:00+08:00");
    }

    [Fact]
    public async Task Bad_Input_Gets_Clear_Answers_And_Nothing_Is_Half_Written()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var venue = await VenueAsync(op, community);

        async Task<string> Refused(object body, HttpStatusCode status)
        {
            var response = await org.PostAsJsonAsync("/api/v1/activities", body);
            response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            return await response.Content.ReadAsStringAsync();
        }

        (await Refused(new { title = "无时区", venueId = venue, start = "2026-12-08T09:00", end = "2026-12-08T10:00" }, HttpStatusCode.BadRequest)).ShouldContain("带时区");
        (await Refused(Activity(venue, "10:00", "09:00"), HttpStatusCode.BadRequest)).ShouldContain("结束时间必须晚于开始时间");
        (await Refused(Activity(venue, "09:00", "09:00"), HttpStatusCode.BadRequest)).ShouldContain("结束时间必须晚于开始时间");
        (await Refused(Activity(venue, "08:30", "13:00"), HttpStatusCode.BadRequest)).ShouldContain("30–240");
        (await Refused(Activity(Guid.NewGuid().ToString(), "09:00", "10:00"), HttpStatusCode.BadRequest)).ShouldContain("场地不存在");
        (await Refused(Activity(venue, "09:00", "10:00", rrule: "FREQ=DAILY"), HttpStatusCode.BadRequest)).ShouldContain("COUNT");
        (await Refused(Activity(venue, "09:00", "10:00", expected: 31), HttpStatusCode.Conflict)).ShouldContain("capacity");
        (await Refused(new { title = "国庆", type = "class", venueId = venue, start = "2026-10-01T09:00+08:00", end = "2026-10-01T10:00+08:00" }, HttpStatusCode.Conflict))
            .ShouldContain("法定节假日");

        // A weekly class whose third session meets a booking: refused as a whole, naming that occurrence.
        (await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "10:00", "占用", null, null).WithDay("2026-12-22"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var weekly = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:30", "10:30", "每周课程", rrule: "FREQ=WEEKLY;COUNT=4"));
        weekly.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflicts = (await weekly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts").EnumerateArray().ToList();
        conflicts.Select(c => c.GetProperty("occurrenceStart").GetString()).ShouldBe(["2026-12-22T09:30:00+08:00"]);
        var december = await org.GetFromJsonAsync<JsonElement>(
            $"/api/v1/calendar?venueId={venue}&from={Uri.EscapeDataString("2026-12-01T00:00+08:00")}&to={Uri.EscapeDataString("2027-01-01T00:00+08:00")}");
        december.EnumerateArray().Select(e => e.GetProperty("title").GetString()).ShouldBe(["占用"]);
    }

    [Fact]
    public async Task Publishing_Shows_An_Activity_To_Residents_And_Free_Slots_Are_Found_Near_A_Point()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await OwnOrganizationAsync(org);
        var created = await op.PostAsJsonAsync("/api/v1/venues", new { name = "星湖社区活动室", ownerKind = "Community", regionCode = community, capacity = 30, latitude = 31.32, longitude = 120.72 });
        var venue = created.Headers.Location!.ToString().Split('/')[^1];
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Yilian.Activities.Domain.HolidayCalendar.Embedded.Kind(day) != Yilian.Activities.Domain.DayKind.Ordinary)
        {
            day = day.AddDays(1);
        }

        var when = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "10:00", "居民公开课：防诈骗").WithDay(when));
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var resident = app.CreateClient();
        var before = await resident.GetFromJsonAsync<JsonElement>("/api/v1/public/activities");
        before.EnumerateArray().ShouldNotContain(a => a.GetProperty("title").GetString() == "居民公开课：防诈骗"); // a draft stays private

        (await org.PostAsync(scheduled.Headers.Location + "/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await org.PostAsync(scheduled.Headers.Location + "/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var after = await resident.GetFromJsonAsync<JsonElement>("/api/v1/public/activities");
        after.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "居民公开课：防诈骗").GetProperty("venueName").GetString().ShouldBe("星湖社区活动室");
        (await resident.GetStringAsync("/activities")).ShouldContain("居民公开课：防诈骗");
        (await org.PostAsync(scheduled.Headers.Location + "/done", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not over yet

        // An activity of a project lands on the project's one timeline.
        var board = await org.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        var projectId = board.EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray()).First().GetProperty("id").GetString();
        var withProject = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "项目活动：长者健康讲座", type = "class", venueId = venue, projectId, start = $"{when}T14:00+08:00", end = $"{when}T15:00+08:00", expectedParticipants = 10,
        });
        withProject.StatusCode.ShouldBe(HttpStatusCode.Created, await withProject.Content.ReadAsStringAsync());
        var timeline = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}")).GetProperty("timeline");
        timeline.EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "Activity" && e.GetProperty("text").GetString()!.Contains("项目活动：长者健康讲座"));

        var from = Uri.EscapeDataString($"{when}T08:00+08:00");
        var to = Uri.EscapeDataString($"{when}T12:00+08:00");
        var near = await org.GetFromJsonAsync<JsonElement>($"/api/v1/free-slots?lat=31.321&lng=120.721&radiusKm=1&duration=60&max=50&from={from}&to={to}");
        var mine = near.EnumerateArray().Where(s => s.GetProperty("venueId").GetString() == venue).ToList();
        mine.ShouldNotBeEmpty();
        mine.ShouldAllBe(s => !s.GetProperty("start").GetString()!.StartsWith($"{when}T09:", StringComparison.Ordinal));
        var far = await org.GetFromJsonAsync<JsonElement>($"/api/v1/free-slots?lat=30.0&lng=119.0&radiusKm=1&duration=60&from={from}&to={to}");
        far.GetArrayLength().ShouldBe(0);
        (await org.GetAsync($"/api/v1/free-slots?lat=31.3&lng=120.7&radiusKm=500&duration=60&from={from}&to={to}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ICalendar_Feed_Is_Subscribable_And_Revocable(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var (orgId, community) = await OwnOrganizationAsync(org);
        var venue = await VenueAsync(op, community);
        var start = DateTimeOffset.UtcNow.AddDays(7).ToOffset(TimeSpan.FromHours(8)).Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var when = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Sunday ? "2026-12-08" : start;
        (await org.PostAsJsonAsync("/api/v1/activities", Activity(venue, "09:00", "10:00", "订阅测试活动").WithDay(when))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await org.PostAsJsonAsync("/api/v1/feeds", new { kind = "Organization", ownerId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var feed = await (await org.PostAsJsonAsync("/api/v1/feeds", new { kind = "Organization", ownerId = orgId })).Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(feed.GetProperty("url").GetString()!);
        using var anonymous = app.CreateClient();
        var ics = await anonymous.GetAsync(url.PathAndQuery);
        ics.StatusCode.ShouldBe(HttpStatusCode.OK, url + string.Join("\n", app.Logs.TakeLast(20)));
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await ics.Content.ReadAsStringAsync();
        text.ShouldContain("BEGIN:VCALENDAR");
        text.ShouldContain("订阅测试活动");

        (await org.DeleteAsync($"/api/v1/feeds/{feed.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(url.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/ical/not-a-token.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

internal static class ActivityBodies
{
    /// <summary>The same body on another day.</summary>
    public static object WithDay(this object body, string day)
    {
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        foreach (var field in new[] { "start", "end" })
        {
            json[field] = day + json[field]!.GetValue<string>()[10..];
        }

        return json;
    }
}
