using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.SharedKernel.Security;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Web.Tests;

/// <summary>
/// Check-in and check-out with signed codes, the organizer's confirmation, service hours that never
/// count twice, points from hours, corrections with reasons, and a certificate anyone can verify.
/// The host's clock is moved so that an activity's hour really passes.
/// </summary>
public sealed class VolunteerHoursTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Security:LoginAttemptsPerIpPerMinute"] = "5000",
        ["Security:LoginAttemptsPerAccountPerMinute"] = "5000",
        ["Security:IdleTimeout"] = "3.00:00:00",
    };

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    internal static string Iso(DateTimeOffset t) => t.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Moves the host's clock so that China time reads 09:50 (today or tomorrow) and returns 10:00 that day.</summary>
    internal static DateTimeOffset TenOClock(YilianApp app)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        var ten = new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, China);
        if (ten - now < TimeSpan.FromMinutes(10))
        {
            ten = ten.AddDays(1);
        }

        app.Clock.Offset = ten.AddMinutes(-10) - now;
        return ten;
    }

    internal static async Task<(string OrganizationId, string Community)> OwnOrganizationAsync(HttpClient org)
    {
        var first = (await org.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0];
        return (first.GetProperty("id").GetString()!, first.GetProperty("regionCode").GetString()!);
    }

    /// <summary>A venue open every day around the clock, at a known point, so the test does not depend on the day it runs.</summary>
    internal static async Task<string> AlwaysOpenVenueAsync(HttpClient op, string community)
    {
        var allDay = new { open = "00:00:00", close = "23:59:00" };
        var created = await op.PostAsJsonAsync("/api/v1/venues", new
        {
            name = "星湖社区服务站", ownerKind = "Community", regionCode = community, capacity = 40, latitude = 31.32, longitude = 120.72,
            openingHours = new { days = Enumerable.Repeat(allDay, 7).ToArray() }, followsWorkCalendar = false,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return created.Headers.Location!.ToString().Split('/')[^1];
    }

    internal static async Task<string> PublishedActivityAsync(HttpClient org, string title, string? venueId, DateTimeOffset start, DateTimeOffset end, int places = 5)
    {
        var created = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title, type = "volunteering", venueId, online = venueId is null, start = Iso(start), end = Iso(end), volunteerNeeds = new Dictionary<string, int> { ["order"] = places },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = created.Headers.Location!.ToString().Split('/')[^1];
        (await org.PostAsync($"/api/v1/activities/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return id;
    }

    private static async Task OverlappingSignupsAsync(YilianApp app, HttpClient volunteer, IReadOnlyList<string> activities)
    {
        var me = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me");
        var first = (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups"))[0];
        {
            await using var scope = SystemScope.Begin(app.Services);
            var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
            var template = await db.Signups.AsNoTracking().SingleAsync(s => s.Id == first.GetProperty("id").GetGuid());
            foreach (var activity in activities)
            {
                db.Signups.Add(new Signup
                {
                    Id = Guid.NewGuid(), ActivityId = Guid.Parse(activity), VolunteerId = me.GetProperty("id").GetGuid(), OrganizationId = template.OrganizationId,
                    VolunteerName = template.VolunteerName, OwnerUserId = template.OwnerUserId, RegionCode = template.RegionCode, Sequence = 1,
                    Status = SignupStatus.Confirmed, SignedUpAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ScanAsync(HttpClient client, string code, DateTimeOffset? scannedAt = null, double? lat = null, double? lng = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/checkins", new { code, scannedAt = scannedAt is { } s ? Iso(s) : null, latitude = lat, longitude = lng });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default);
    }

    private static string Detail(JsonElement problem) => problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : problem.ToString();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Check_In_And_Out_With_Signed_Codes_Then_Confirmed_Hours_Count_Once_Earn_Points_And_Certify(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var ten = TenOClock(app);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        using var volunteer = await app.ClientAsAsync("volunteer");
        var (organizationId, community) = await OwnOrganizationAsync(org);
        var venue = await AlwaysOpenVenueAsync(op, community);
        var river = await PublishedActivityAsync(org, "河道清洁志愿服务", venue, ten, ten.AddHours(1));
        // Three more activities of the same organization that overlap the first: their hours must not count twice.
        var second = await PublishedActivityAsync(org, "河道清洁：垃圾分拣", null, ten.AddMinutes(30), ten.AddMinutes(90));
        var third = await PublishedActivityAsync(org, "河道清洁：宣传", null, ten.AddMinutes(45), ten.AddMinutes(75));
        var signup = await volunteer.PostAsync($"/api/v1/activities/{river}/signups", null);
        signup.StatusCode.ShouldBe(HttpStatusCode.Created, await signup.Content.ReadAsStringAsync());
        // The calendar holds the volunteer for the first, so signing up for an overlapping one is refused …
        (await volunteer.PostAsync($"/api/v1/activities/{second}/signups", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // … but overlapping records can still reach the ledger (sign-ups from before the calendar held volunteers,
        // records kept on paper and entered later): those two sign-ups are written straight into the store.
        await OverlappingSignupsAsync(app, volunteer, [second, third]);

        // The organizer shows the codes; the volunteer may not fetch them.
        (await volunteer.GetAsync($"/api/v1/activities/{river}/checkin-codes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var codes = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{river}/checkin-codes");
        var checkIn = codes.GetProperty("checkInCode").GetString()!;
        var earlyCheckOut = codes.GetProperty("checkOutCode").GetString()!;
        codes.GetProperty("checkInUrl").GetString()!.ShouldEndWith("/volunteer/checkin?code=" + checkIn);

        // Bad input: a forged code, a check-out before a check-in, a phone far away, a time in the future, someone not signed up.
        var forged = checkIn[..^3] + (checkIn[^3] == 'A' ? "B" : "A") + checkIn[^2..];
        var (status, body) = await ScanAsync(volunteer, forged);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Detail(body).ShouldContain("二维码无效");
        (status, body) = await ScanAsync(volunteer, earlyCheckOut);
        Detail(body).ShouldContain("尚未签到");
        (status, body) = await ScanAsync(volunteer, checkIn, lat: 31.40, lng: 120.72);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Detail(body).ShouldContain("超出签到范围");
        (status, _) = await ScanAsync(volunteer, checkIn, scannedAt: app.Clock.GetUtcNow().AddMinutes(30));
        status.ShouldBe(HttpStatusCode.BadRequest);
        (status, _) = await ScanAsync(op, checkIn);
        status.ShouldBe(HttpStatusCode.Forbidden);

        // Check-in ten minutes early, at the venue; a second submission (a double tap) counts nothing more.
        (status, body) = await ScanAsync(volunteer, checkIn, lat: 31.3201, lng: 120.7201);
        status.ShouldBe(HttpStatusCode.Created, body + string.Join("\n", app.Logs.Where(l => l.Contains("Exception")).Take(2)));
        body.GetProperty("status").GetString().ShouldBe("CheckedIn");
        body.GetProperty("late").GetBoolean().ShouldBeFalse();
        body.GetProperty("distanceMeters").GetInt32().ShouldBeLessThan(50);
        var attendanceId = body.GetProperty("id").GetString();
        (status, body) = await ScanAsync(volunteer, checkIn);
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("id").GetString().ShouldBe(attendanceId);

        // A code shown a quarter of an hour ago has expired.
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        (status, body) = await ScanAsync(volunteer, earlyCheckOut);
        status.ShouldBe(HttpStatusCode.Conflict);
        Detail(body).ShouldContain("已过期");

        // 10:55 the volunteer scans the check-out code with no signal; the phone sends it at 12:30 with its original time.
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        var lateCodes = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{river}/checkin-codes");
        var scannedAt = app.Clock.GetUtcNow().AddMinutes(1);
        app.Clock.Advance(TimeSpan.FromMinutes(95));
        // The phone sends it twice at once (a retry on a bad connection): one check-out, the other answered as a repeat.
        var twice = await Task.WhenAll(
            ScanAsync(volunteer, lateCodes.GetProperty("checkOutCode").GetString()!, scannedAt: scannedAt),
            ScanAsync(volunteer, lateCodes.GetProperty("checkOutCode").GetString()!, scannedAt: scannedAt));
        twice.Count(b => b.Status == HttpStatusCode.Created).ShouldBe(1, string.Join("\n", twice.Select(b => b.Body.ToString())) + string.Join("\n", app.Logs.Where(l => l.Contains("Exception")).Take(2)));
        twice.Count(b => b.Status == HttpStatusCode.OK).ShouldBe(1);
        (status, body) = twice.Single(b => b.Status == HttpStatusCode.Created);
        body.GetProperty("status").GetString().ShouldBe("CheckedOut");
        body.GetProperty("minutes").GetInt32().ShouldBe(56); // 10:00 to 10:56: the ten minutes before the start do not count
        body.GetProperty("leftEarly").GetBoolean().ShouldBeFalse();
        (status, _) = await ScanAsync(volunteer, lateCodes.GetProperty("checkOutCode").GetString()!, scannedAt: scannedAt);
        status.ShouldBe(HttpStatusCode.OK); // a duplicate
        var hours = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/hours");
        hours.GetProperty("confirmedMinutes").GetInt32().ShouldBe(0);
        hours.GetProperty("pendingMinutes").GetInt32().ShouldBe(56);

        // Only the organizer confirms; confirming twice counts once.
        (await volunteer.PostAsync($"/api/v1/checkins/{attendanceId}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var confirm = await org.PostAsync($"/api/v1/checkins/{attendanceId}/confirm", null);
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        var confirmed = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        confirmed.GetProperty("status").GetString().ShouldBe("Confirmed");
        confirmed.GetProperty("creditedMinutes").GetInt32().ShouldBe(56);
        (await org.PostAsync($"/api/v1/checkins/{attendanceId}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points")).GetProperty("balance").GetInt32().ShouldBe(9); // 10 points an hour, 56 minutes

        // A correction needs a reason; the hours and the points follow it through compensating rows.
        var noReason = await org.PostAsJsonAsync($"/api/v1/checkins/{attendanceId}/corrections", new { checkOutAt = Iso(ten.AddHours(1)) });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var corrected = await org.PostAsJsonAsync($"/api/v1/checkins/{attendanceId}/corrections", new { checkOutAt = Iso(ten.AddHours(1)), reason = "签退时信号不好，按现场签到表更正" });
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("creditedMinutes").GetInt32().ShouldBe(60);
        var ledger = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points");
        ledger.GetProperty("balance").GetInt32().ShouldBe(10);
        ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("delta").GetInt32()).Order().ShouldBe([-9, 9, 10]);

        // Two overlapping records confirmed by two organizers at the same moment: the union counts, once.
        var signups = new List<string>();
        foreach (var (activity, from, to) in new[] { (second, ten.AddMinutes(30), ten.AddMinutes(90)), (third, ten.AddMinutes(45), ten.AddMinutes(75)) })
        {
            var sheet = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/signups");
            var signupId = sheet.EnumerateArray().Single().GetProperty("id").GetString();
            var occurrence = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/checkin-codes")).GetProperty("occurrenceId").GetString();
            var recorded = await org.PostAsJsonAsync($"/api/v1/activities/{activity}/attendance", new { signupId, occurrenceId = occurrence, checkInAt = Iso(from), checkOutAt = Iso(to) });
            recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
            signups.Add((await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        using var colleague = await app.ClientAsAsync("orgadmin");
        var both = await Task.WhenAll(org.PostAsync($"/api/v1/checkins/{signups[0]}/confirm", null), colleague.PostAsync($"/api/v1/checkins/{signups[1]}/confirm", null));
        both.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        hours = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/hours");
        hours.GetProperty("confirmedMinutes").GetInt32().ShouldBe(90); // 10:00–11:30, not 60 + 60 + 30
        hours.GetProperty("records").EnumerateArray().Sum(r => r.GetProperty("creditedMinutes").GetInt32()).ShouldBe(90);
        (await org.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{hours.GetProperty("volunteerId").GetString()}/hours")).GetProperty("confirmedMinutes").GetInt32().ShouldBe(90);

        // Ledgers: the activity's and the organization's, on screen and in Excel; the volunteer's own record.
        var activityLedger = await org.GetFromJsonAsync<JsonElement>($"/api/v1/ledgers/activities/{river}");
        activityLedger.GetProperty("confirmedMinutes").GetInt32().ShouldBe(60);
        activityLedger.GetProperty("attended").GetInt32().ShouldBe(1);
        (await volunteer.GetAsync($"/api/v1/ledgers/activities/{river}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var orgLedger = await org.GetFromJsonAsync<JsonElement>($"/api/v1/ledgers/organizations/{organizationId}?from={ten.AddDays(-1):yyyy-MM-dd}&to={ten.AddDays(1):yyyy-MM-dd}");
        orgLedger.GetProperty("activities").GetInt32().ShouldBe(3);
        orgLedger.GetProperty("confirmedMinutes").GetInt32().ShouldBe(90); // credited minutes: the overlaps once
        (await org.GetAsync($"/api/v1/ledgers/organizations/{organizationId}?from=2026-12-01&to=2026-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var workbook = await org.GetByteArrayAsync($"/api/v1/ledgers/organizations/{organizationId}/export?from={ten.AddDays(-1):yyyy-MM-dd}&to={ten.AddDays(1):yyyy-MM-dd}");
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(workbook));
        sheets.ShouldBe(["汇总", "明细"]);
        var detail = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "明细").Cast<IDictionary<string, object>>().ToList();
        detail.Count.ShouldBe(3);
        detail.ShouldAllBe(r => (string)r["状态"] == "已确认");
        var mineBook = await volunteer.GetByteArrayAsync("/api/v1/ledgers/volunteers/me/export");
        MiniExcelLibs.MiniExcel.Query(new MemoryStream(mineBook), useHeaderRow: true, sheetName: "明细").Count().ShouldBe(3);

        // A team of the organization: members, leader, and the service its members did with the organization.
        var team = await org.PostAsJsonAsync("/api/v1/teams", new { name = "河道守护志愿服务队", focus = "order", organizationId });
        team.StatusCode.ShouldBe(HttpStatusCode.Created, await team.Content.ReadAsStringAsync());
        var teamId = (await team.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await org.PostAsJsonAsync("/api/v1/teams", new { name = "河道守护志愿服务队", organizationId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var volunteerId = hours.GetProperty("volunteerId").GetString();
        (await org.PostAsJsonAsync($"/api/v1/teams/{teamId}/members", new { volunteerIds = new[] { volunteerId }, leaderId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await org.PostAsJsonAsync($"/api/v1/teams/{teamId}/members", new { volunteerIds = new[] { Guid.NewGuid() } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var members = await (await org.PostAsJsonAsync($"/api/v1/teams/{teamId}/members", new { volunteerIds = new[] { volunteerId }, leaderId = volunteerId })).Content.ReadFromJsonAsync<JsonElement>();
        members[0].GetProperty("isLeader").GetBoolean().ShouldBeTrue();
        members[0].GetProperty("confirmedMinutes").GetInt32().ShouldBe(90);
        var myTeams = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/teams");
        myTeams.GetArrayLength().ShouldBe(1);
        myTeams[0].GetProperty("confirmedMinutes").GetInt32().ShouldBe(90);
        var teamBook = await org.GetByteArrayAsync($"/api/v1/teams/{teamId}/ledger/export");
        MiniExcelLibs.MiniExcel.Query(new MemoryStream(teamBook), useHeaderRow: true, sheetName: "明细").Count().ShouldBe(3);
        (await volunteer.GetAsync($"/api/v1/teams/{teamId}/ledger/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The leader is one of the members; a member leaves the team and keeps their records.
        (await org.PutAsJsonAsync($"/api/v1/teams/{teamId}/leader", new { volunteerId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await volunteer.PutAsJsonAsync($"/api/v1/teams/{teamId}/leader", new { volunteerId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await org.PutAsJsonAsync($"/api/v1/teams/{teamId}/leader", new { volunteerId })).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("isLeader").GetBoolean().ShouldBeTrue();
        (await volunteer.DeleteAsync($"/api/v1/teams/{teamId}/members/{volunteerId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await org.DeleteAsync($"/api/v1/teams/{teamId}/members/{volunteerId}")).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        (await org.DeleteAsync($"/api/v1/teams/{teamId}/members/{volunteerId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/teams")).GetArrayLength().ShouldBe(0);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/hours")).GetProperty("confirmedMinutes").GetInt32().ShouldBe(90);

        // The certificate: issued from confirmed service, downloadable as a PDF, verifiable by anyone.
        var issued = await volunteer.PostAsJsonAsync("/api/v1/volunteers/me/certificates", new { organizationId });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var certificate = await issued.Content.ReadFromJsonAsync<JsonElement>();
        certificate.GetProperty("minutes").GetInt32().ShouldBe(90);
        certificate.GetProperty("records").GetInt32().ShouldBe(3);
        certificate.GetProperty("idNumberMasked").GetString()!.ShouldContain("****");
        certificate.GetProperty("serviceContent").GetString()!.ShouldContain("河道清洁志愿服务");
        certificate.GetProperty("handlerName").GetString()!.ShouldStartWith("陈晓燕"); // the person who confirmed, by name, not the account
        var number = certificate.GetProperty("number").GetString()!;
        var pdf = await volunteer.GetAsync($"/api/v1/certificates/{number}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeLessThan(2_000_000); // fonts are embedded as subsets
        using var stranger = app.CreateClient();
        var check = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/public/certificates/{number}");
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
        check.GetProperty("hours").GetString().ShouldBe("1.5");
        check.GetProperty("volunteerName").GetString()!.ShouldContain("*");
        (await stranger.GetAsync("/api/v1/public/certificates/ZY20260101XXXXXXXX")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetStringAsync($"/verify/certificates/{number}")).ShouldContain("该证明真实有效");
        (await stranger.GetAsync($"/api/v1/certificates/{number}/pdf")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
