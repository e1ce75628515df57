using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Web.Tests;

/// <summary>A confirmed sign-up holds the volunteer in the calendar: no two activities at once, on either database.</summary>
public sealed class VolunteerCalendarTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Security:LoginAttemptsPerIpPerMinute"] = "5000",
        ["Security:LoginAttemptsPerAccountPerMinute"] = "5000",
        ["Security:IdleTimeout"] = "3.00:00:00",
        ["Notifications:DispatchSeconds"] = "1",
    };

    /// <summary>Volunteers with accounts, written in-process (registration has its own tests), each with a signed-in client.</summary>
    internal static async Task<List<(Guid Id, string UserId, HttpClient Client)>> VolunteersAsync(YilianApp app, string community, string prefix, int count, int seed)
    {
        var made = new List<(Guid, string, HttpClient)>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}{i:00}";
            {
                await using var scope = SystemScope.Begin(app.Services);
                var phone = $"135{seed + i:00000000}";
                var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>()
                    .RegisterAsync(phone, name, "Lantern-Seven-42", Roles.Volunteer, CancellationToken.None);
                var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
                var birth = new DateOnly(1988, 1, 1).AddDays(seed + i);
                var idNumber = FakeChinese.IdNumber(new Random(seed + i), community[..6], birth);
                var volunteer = new Volunteer
                {
                    Id = Guid.NewGuid(), OwnerUserId = account.Id, RegionCode = community, Number = $"VC{seed + i:000000}", RealName = name, IdNumber = idNumber,
                    IdNumberIndex = PersonalDataProtector.Current!.BlindIndex(idNumber), Phone = phone, PhoneIndex = PersonalDataProtector.Current!.BlindIndex(phone),
                    BirthDate = birth, RegisteredAt = DateTimeOffset.UtcNow,
                };
                db.Volunteers.Add(volunteer);
                await db.SaveChangesAsync();
                var client = app.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(phone, "Lantern-Seven-42"));
                made.Add((volunteer.Id, account.Id, client));
            }
        }

        return made;
    }

    /// <summary>What the calendar holds for the people whose key starts with the prefix (read as the system, past any scope).</summary>
    private static Task<IReadOnlyList<PersonBusy>> BusyAsync(YilianApp app, string keyPrefix, DateTimeOffset from, DateTimeOffset to) =>
        SystemScope.WithAsync<IPersonCalendar, IReadOnlyList<PersonBusy>>(app.Services, calendar => calendar.BusyAsync(keyPrefix, from, to, CancellationToken.None));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SignUpAsync(HttpClient client, string activity)
    {
        var response = await client.PostAsync($"/api/v1/activities/{activity}/signups", null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<string> StatusOfAsync(HttpClient org, string activity, Guid volunteer) =>
        (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/signups")).EnumerateArray()
            .Single(s => s.GetProperty("volunteerId").GetGuid() == volunteer).GetProperty("status").GetString()!;

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Confirmed_Place_Holds_The_Volunteer_So_Overlapping_Sign_Ups_Are_Refused_And_Promotion_Skips_The_Busy(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var ten = VolunteerHoursTests.TenOClock(app).AddDays(1);
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await VolunteerHoursTests.OwnOrganizationAsync(org);
        var a = await VolunteerHoursTests.PublishedActivityAsync(org, "敬老院陪伴", null, ten, ten.AddHours(2), places: 1);
        var b = await VolunteerHoursTests.PublishedActivityAsync(org, "社区义诊引导", null, ten.AddHours(1), ten.AddHours(3), places: 1);
        var c = await VolunteerHoursTests.PublishedActivityAsync(org, "图书角整理", null, ten.AddHours(2), ten.AddHours(4)); // starts as the first ends: no overlap
        var people = await VolunteersAsync(app, community, "cal", 3, 700);
        var (v1, v2, v3) = (people[0], people[1], people[2]);

        (await SignUpAsync(v1.Client, a)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");
        var clash = await SignUpAsync(v1.Client, b);
        clash.Status.ShouldBe(HttpStatusCode.Conflict);
        clash.Body.GetProperty("detail").GetString()!.ShouldContain("您已报名「敬老院陪伴」");
        clash.Body.GetProperty("detail").GetString()!.ShouldContain(ten.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture));
        (await v1.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).GetArrayLength().ShouldBe(1); // nothing written
        (await SignUpAsync(v1.Client, c)).Body.GetProperty("status").GetString().ShouldBe("Confirmed"); // half-open: 12:00 follows 12:00

        // Waiting holds nobody: v2 waits for A and takes B, which overlaps A; v3 waits behind v2.
        (await SignUpAsync(v2.Client, a)).Body.GetProperty("waitlistPosition").GetInt32().ShouldBe(1);
        (await SignUpAsync(v3.Client, a)).Body.GetProperty("waitlistPosition").GetInt32().ShouldBe(2);
        (await SignUpAsync(v2.Client, b)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");

        // v1 withdraws from A: v2 is busy at that time now and keeps their place in the queue; v3 is promoted and held.
        var v1OnA = (await v1.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).EnumerateArray().Single(s => s.GetProperty("activityId").GetString() == a);
        (await v1.Client.DeleteAsync($"/api/v1/activities/{a}/signups/{v1OnA.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatusOfAsync(org, a, v3.Id)).ShouldBe("Confirmed");
        (await StatusOfAsync(org, a, v2.Id)).ShouldBe("Waitlisted");
        (await v3.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString()!.Contains("候补转正"));
        // Also by text message to v3's registered number (masked in the log), and to nobody else.
        for (var i = 0; i < 20 && !app.Logs.Any(l => l.Contains("SMS to") && l.Contains("候补转正")); i++)
        {
            await Task.Delay(500);
        }

        app.Logs.Where(l => l.Contains("SMS to") && l.Contains("候补转正")).ShouldHaveSingleItem().ShouldContain("****" + (702 % 10_000).ToString("0000", CultureInfo.InvariantCulture));
        var held = await SignUpAsync(v3.Client, b); // B's place is v2's, but the clash comes first
        held.Status.ShouldBe(HttpStatusCode.Conflict);
        held.Body.GetProperty("detail").GetString()!.ShouldContain("敬老院陪伴");
        // Withdrawing let v1's time for A go: B is now refused because of C alone.
        var onlyC = await SignUpAsync(v1.Client, b);
        onlyC.Status.ShouldBe(HttpStatusCode.Conflict);
        onlyC.Body.GetProperty("detail").GetString()!.ShouldContain("图书角整理");
        onlyC.Body.GetProperty("detail").GetString()!.ShouldNotContain("敬老院陪伴");

        // The calendar knows: v3 is held for A, v1 for C only, v2 for B.
        var busy = await BusyAsync(app, PersonKeys.UserPrefix, ten.AddHours(-1), ten.AddHours(5));
        busy.Where(x => x.PersonKey == PersonKeys.User(v3.UserId)).Select(x => x.ActivityId.ToString()).ShouldBe([a]);
        busy.Where(x => x.PersonKey == PersonKeys.User(v1.UserId)).Select(x => x.ActivityId.ToString()).ShouldBe([c]);
        busy.Where(x => x.PersonKey == PersonKeys.User(v2.UserId)).Select(x => x.ActivityId.ToString()).ShouldBe([b]);

        // People move with the occurrence that holds them: A (holding v3) moves to the afternoon, and v3 is free for C at noon.
        var occurrence = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{a}")).GetProperty("occurrences")[0].GetProperty("id").GetString();
        var moved = await org.PutAsJsonAsync($"/api/v1/activities/{a}/occurrences/{occurrence}",
            new { start = VolunteerHoursTests.Iso(ten.AddHours(5)), end = VolunteerHoursTests.Iso(ten.AddHours(7)) });
        moved.StatusCode.ShouldBe(HttpStatusCode.NoContent, await moved.Content.ReadAsStringAsync());
        (await SignUpAsync(v3.Client, c)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");
        // Now A cannot be moved back over C: v3 would be in two places at once.
        var newOccurrence = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{a}")).GetProperty("occurrences")[0].GetProperty("id").GetString();
        var back = await org.PutAsJsonAsync($"/api/v1/activities/{a}/occurrences/{newOccurrence}",
            new { start = VolunteerHoursTests.Iso(ten.AddHours(2)), end = VolunteerHoursTests.Iso(ten.AddHours(4)) });
        back.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await back.Content.ReadAsStringAsync()).ShouldContain("已有其他安排");

        // v2 (still waiting for A) takes D at A's new time. The organizer removes v3 from A: v3 is told, and the place stays
        // free while v2, the only one waiting, is busy with D …
        var d = await VolunteerHoursTests.PublishedActivityAsync(org, "社区夜市志愿服务", null, ten.AddHours(5), ten.AddHours(7));
        (await SignUpAsync(v2.Client, d)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");
        var v3OnA = (await v3.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).EnumerateArray().Single(s => s.GetProperty("activityId").GetString() == a);
        (await org.DeleteAsync($"/api/v1/activities/{a}/signups/{v3OnA.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await v3.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString() == "报名已取消");
        (await StatusOfAsync(org, a, v2.Id)).ShouldBe("Waitlisted");
        // … and goes to v2 as soon as v2 withdraws from D.
        var v2OnD = (await v2.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).EnumerateArray().Single(s => s.GetProperty("activityId").GetString() == d);
        (await v2.Client.DeleteAsync($"/api/v1/activities/{d}/signups/{v2OnD.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatusOfAsync(org, a, v2.Id)).ShouldBe("Confirmed");

        foreach (var p in people)
        {
            p.Client.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Ten_Simultaneous_Sign_Ups_Of_One_Volunteer_For_Overlapping_Activities_Confirm_Exactly_One(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var ten = VolunteerHoursTests.TenOClock(app).AddDays(2);
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await VolunteerHoursTests.OwnOrganizationAsync(org);
        var activities = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            activities.Add(await VolunteerHoursTests.PublishedActivityAsync(org, $"同时段活动{i}", null, ten.AddMinutes(10 * i), ten.AddMinutes(10 * i + 120)));
        }

        var volunteer = (await VolunteersAsync(app, community, "rush", 1, 800))[0];
        using var gate = new SemaphoreSlim(0);
        var attempts = activities.Select(async a =>
        {
            await gate.WaitAsync();
            return await volunteer.Client.PostAsync($"/api/v1/activities/{a}/signups", null);
        }).ToList();
        gate.Release(activities.Count);
        var responses = await Task.WhenAll(attempts);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(9, string.Join(", ", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"))));
        var mine = await volunteer.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups");
        mine.GetArrayLength().ShouldBe(1);
        (await BusyAsync(app, PersonKeys.User(volunteer.UserId), ten.AddHours(-1), ten.AddHours(5))).Select(x => x.ActivityId.ToString())
            .ShouldBe([mine[0].GetProperty("activityId").GetString()]);

        volunteer.Client.Dispose();
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Cancelling_An_Activity_Closes_Its_Sign_Ups_Frees_The_Volunteers_And_Tells_Them(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var ten = VolunteerHoursTests.TenOClock(app).AddDays(3);
        using var org = await app.ClientAsAsync("orgadmin");
        var (_, community) = await VolunteerHoursTests.OwnOrganizationAsync(org);
        var doomed = await VolunteerHoursTests.PublishedActivityAsync(org, "雨天取消的河边健步走", null, ten, ten.AddHours(2), places: 1);
        var people = await VolunteersAsync(app, community, "rain", 3, 900);
        (await SignUpAsync(people[0].Client, doomed)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");
        (await SignUpAsync(people[1].Client, doomed)).Body.GetProperty("status").GetString().ShouldBe("Waitlisted");
        var invited = await org.PostAsJsonAsync($"/api/v1/activities/{doomed}/invitations", new { volunteerIds = new[] { people[2].Id } });
        (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32().ShouldBe(1);

        (await org.PostAsync($"/api/v1/activities/{doomed}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Both who signed up are told; their sign-ups are closed; the one who had the place is free for another activity at that hour.
        foreach (var p in people.Take(2))
        {
            (await p.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString() == "活动已取消");
            (await p.Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Cancelled");
        }

        (await people[2].Client.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/invitations"))[0].GetProperty("status").GetString().ShouldBe("Cancelled");
        var instead = await VolunteerHoursTests.PublishedActivityAsync(org, "室内改为图书整理", null, ten, ten.AddHours(2));
        (await SignUpAsync(people[0].Client, instead)).Body.GetProperty("status").GetString().ShouldBe("Confirmed");

        // The volunteer's own calendar subscription lists what holds them: the new activity, not the cancelled one.
        var feed = await (await people[0].Client.PostAsJsonAsync("/api/v1/feeds", new { kind = "Person" })).Content.ReadFromJsonAsync<JsonElement>();
        using var phoneCalendar = app.CreateClient();
        var ics = await phoneCalendar.GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        ics.ShouldContain("室内改为图书整理");
        ics.ShouldNotContain("雨天取消的河边健步走");
        foreach (var p in people)
        {
            p.Client.Dispose();
        }
    }
}
