using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Activities.Domain;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Security;
using Yilian.Testing;
using Yilian.Volunteers.Data;

namespace Yilian.Web.Tests;

/// <summary>
/// The living demo district and each role's workbench, on every configured provider: the demo seeds a week of
/// service through the real handlers, and every workbench count equals the list it links to, within the caller's scope.
/// </summary>
public sealed class WorkbenchTests
{
    private static readonly Dictionary<string, string?> LivingDemo = new()
    {
        ["Demo:LivingDistrict"] = "true",
        ["Policies:DemoResidents"] = "true",
    };

    private static async Task<Dictionary<string, int>> WorkbenchAsync(HttpClient client)
    {
        var items = await client.GetFromJsonAsync<JsonElement>("/api/v1/workbench");
        return items.EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("count").GetInt32());
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Workbench_EachRole_CountsMatchTheLinkedListsWithinScope(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, LivingDemo);
        using var regulator = await app.ClientAsAsync("regulator");
        using var orgAdmin = await app.ClientAsAsync("orgadmin");
        using var officer = await app.ClientAsAsync("officer");

        var district = await WorkbenchAsync(regulator);
        new[] { "organizations.changes-pending", "organizations.annual-report-missing", "organizations.grade-expiring", "projects.stalled", "relief.unclaimed", "platform.unread" }.ShouldBeSubsetOf(district.Keys);
        district["organizations.annual-report-missing"].ShouldBe(await TotalAsync(regulator, "/api/v1/organizations?attention=AnnualReportMissing&pageSize=200"));
        district["organizations.grade-expiring"].ShouldBe(await TotalAsync(regulator, "/api/v1/organizations?attention=GradeExpiring&pageSize=200"));
        var board = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/projects/board?stalled=true");
        district["projects.stalled"].ShouldBe(board.EnumerateArray().Sum(c => c.GetProperty("total").GetInt32()));
        district["projects.stalled"].ShouldBeGreaterThan(0, "the demo has projects that have not moved for months");
        district["relief.unclaimed"].ShouldBeGreaterThan(0, "the demo screening finds leads");

        var own = await WorkbenchAsync(orgAdmin);
        own.ShouldNotContainKey("organizations.changes-pending", "reviewing registration changes is the regulator's");
        own["organizations.annual-report-missing"].ShouldBe(await TotalAsync(orgAdmin, "/api/v1/organizations?attention=AnnualReportMissing"));
        own["organizations.annual-report-missing"].ShouldBeLessThanOrEqualTo(1);
        own["projects.stalled"].ShouldBeLessThanOrEqualTo(district["projects.stalled"]);
        own["volunteering.hours-pending"].ShouldBeGreaterThan(0, "last week's latest activity waits for the organizer to confirm");
        own["volunteering.photos-pending"].ShouldBeGreaterThan(0);
        var photos = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/photo-reports?status=Pending");
        own["volunteering.photos-pending"].ShouldBe(photos.GetArrayLength());
        var fitting = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/needs/fitting");
        own["supply.fitting-needs"].ShouldBe(fitting.GetProperty("total").GetInt32());
        own["supply.fitting-needs"].ShouldBeGreaterThan(0, "the demo's open public needs fit the organization's service projects");
        district.ShouldNotContainKey("supply.fitting-needs");
        // The demo purchases: the regulator sits on two panels and has not scored the one under review; the organization was
        // invited to a call it has not answered.
        var toScore = 0;
        foreach (var call in (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/procurements")).EnumerateArray()
            .Where(c => c.GetProperty("stage").GetString() == "Review"))
        {
            var panel = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/procurements/{call.GetProperty("id")}")).GetProperty("panel");
            toScore += panel.GetProperty("entries").EnumerateArray().Count(e => panel.GetProperty("iAmJudge").GetBoolean()
                && e.GetProperty("mine").ValueKind == JsonValueKind.Null && e.GetProperty("recusedBecause").ValueKind == JsonValueKind.Null);
        }

        district["supply.proposals-to-score"].ShouldBe(toScore);
        toScore.ShouldBe(2);
        // The demo competition in scoring: the regulator's entries to score, as its panel shows them.
        var entriesToScore = 0;
        foreach (var call in (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/competitions")).EnumerateArray()
            .Where(c => c.GetProperty("stage").GetString() is "Screening" or "Roadshow"))
        {
            var panel = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/competitions/{call.GetProperty("id")}")).GetProperty("panel");
            entriesToScore += panel.GetProperty("entries").EnumerateArray().Count(e => panel.GetProperty("iAmJudge").GetBoolean()
                && e.GetProperty("mine").ValueKind == JsonValueKind.Null && e.GetProperty("recusedBecause").ValueKind == JsonValueKind.Null);
        }

        entriesToScore.ShouldBeGreaterThan(0, "the regulator sits on the demo competition's panel and has not scored");
        district["supply.entries-to-score"].ShouldBe(entriesToScore);
        var invited = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/procurements/open")).EnumerateArray()
            .Count(c => c.GetProperty("invited").GetBoolean() && c.GetProperty("stage").GetString() == "Open");
        own["supply.calls-invited"].ShouldBe(invited);
        invited.ShouldBeGreaterThan(0);

        // The demo books raise a warning of each rule, counted where they are listed, for the regulator and the organization.
        district["finance.warnings"].ShouldBe(await TotalAsync(regulator, "/api/v1/finance-warnings"));
        own["finance.warnings"].ShouldBe(await TotalAsync(orgAdmin, "/api/v1/finance-warnings"));
        // The cash box the staff member counted waits for the administrator as its second counter — not for the one who counted.
        own["charity.cash-counts"].ShouldBe(1);
        using var staff = await app.ClientAsAsync("orgstaff");
        (await WorkbenchAsync(staff)).ContainsKey("charity.cash-counts").ShouldBeFalse();
        var rules = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings")).GetProperty("items").EnumerateArray()
            .Select(w => w.GetProperty("rule").GetString()).ToHashSet();
        rules.ShouldBe(["over-budget-line", "abnormal-expense", "split-below-limit", "duplicate-receipt", "outside-period",
            "management-ratio", "ahead-of-plan"], ignoreOrder: true);
        (await officer.GetAsync("/api/v1/finance-warnings")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        using var mentor = await app.ClientAsAsync("mentor");
        using var platform = await app.ClientAsAsync("operator");
        (await WorkbenchAsync(mentor))["organizations.advice-due"].ShouldBe(1, "of the mentor's two incubations, one was advised this week");
        (await WorkbenchAsync(platform))["organizations.advice-due"].ShouldBe(1);

        var community = await WorkbenchAsync(officer);
        community["relief.unclaimed"].ShouldBeGreaterThan(0);
        community["relief.unclaimed"].ShouldBeLessThan(district["relief.unclaimed"], "a community officer counts only the community's leads");
        community.ShouldNotContainKey("organizations.changes-pending");
        district.ShouldNotContainKey("volunteering.hours-pending", "the regulator supervises; organizers confirm hours");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task LivingDemo_VolunteerFindsWorkWaiting(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, LivingDemo);
        using var volunteer = await app.ClientAsAsync("volunteer");

        var mine = await WorkbenchAsync(volunteer);
        mine["volunteering.open-to-join"].ShouldBeGreaterThan(0, "activities this week are recruiting");
        mine["platform.unread"].ShouldBeGreaterThan(0, "the demo organization's invitation is waiting");
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/invitations")).GetArrayLength().ShouldBeGreaterThan(0);
        var signups = (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).EnumerateArray().ToList();
        signups.Count(s => s.GetProperty("status").GetString() == "Confirmed").ShouldBeGreaterThanOrEqualTo(2, "served last week and signed up ahead");
        var points = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points");
        points.GetProperty("balance").GetInt32().ShouldBeGreaterThan(0, "confirmed hours earned love points");

        using var regulator = await app.ClientAsAsync("regulator");
        var waiting = 0;
        var upcoming = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/public/activities?days=14");
        foreach (var activityId in upcoming.EnumerateArray().Select(a => a.GetProperty("activityId").GetString()).Distinct())
        {
            var list = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activityId}/signups");
            waiting += list.EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Waitlisted");
        }

        waiting.ShouldBeGreaterThan(0, "an over-subscribed activity has a waitlist");
    }

    /// <summary>
    /// The demo seeds at any hour: started a few minutes after a morning activity ended (11:00 in China, when a
    /// volunteer's check-out time could fall after now), every attendance it records lies in the past.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task LivingDemo_SeedsMinutesAfterAnActivityEnded(string provider)
    {
        var day = ChinaTime.Today(TimeProvider.System).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || HolidayCalendar.Embedded.Kind(day) == DayKind.Holiday)
        {
            day = day.AddDays(-1);
        }

        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 3)), TimeSpan.FromHours(8));
        await using var app = await YilianApp.StartAsync(provider, LivingDemo, now: start);

        await using var scope = SystemScope.Begin(app.Services);
        var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
        var attended = await db.Attendances.Select(a => new { a.CheckOutAt }).ToListAsync();
        attended.ShouldNotBeEmpty();
        var now = app.Clock.GetUtcNow();
        attended.ShouldAllBe(a => a.CheckOutAt == null || a.CheckOutAt <= now);
    }
}
