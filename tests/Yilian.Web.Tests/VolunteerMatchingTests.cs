using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Activities.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Web.Tests;

/// <summary>Explained matching for an activity, the week's proposal, invitations, and the talent profile behind them.</summary>
public sealed class VolunteerMatchingTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Security:LoginAttemptsPerIpPerMinute"] = "5000",
        ["Security:LoginAttemptsPerAccountPerMinute"] = "5000",
        ["Security:IdleTimeout"] = "3.00:00:00",
    };

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Volunteers_Are_Ranked_With_Reasons_Busy_And_Unavailable_Ones_Left_Out_And_Invited_Once(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var ten = VolunteerHoursTests.TenOClock(app);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        using var volunteer = await app.ClientAsAsync("volunteer");
        var (_, community) = await VolunteerHoursTests.OwnOrganizationAsync(org);
        var venue = await VolunteerHoursTests.AlwaysOpenVenueAsync(op, community);
        var created = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "社区急救培训志愿者", type = "volunteering", venueId = venue, start = VolunteerHoursTests.Iso(ten), end = VolunteerHoursTests.Iso(ten.AddHours(2)),
            volunteerNeeds = new Dictionary<string, int> { ["first-aid"] = 2 }, minimumVolunteerAge = 18,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var activity = created.Headers.Location!.ToString().Split('/')[^1];
        (await org.PostAsync($"/api/v1/activities/{activity}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var other = await VolunteerHoursTests.PublishedActivityAsync(org, "同时段的另一场活动", null, ten.AddMinutes(30), ten.AddMinutes(90));

        // The talent profile: bad input is refused with a clear message; a good one is kept.
        var badSlot = await volunteer.PutAsJsonAsync("/api/v1/volunteers/me/profile", new { skills = new[] { new { code = "first-aid", self = 4 } }, availability = new[] { new { day = 9, from = "09:00:00", to = "12:00:00" } } });
        badSlot.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badSlot.Content.ReadAsStringAsync()).ShouldContain("星期为 1–7");
        (await volunteer.PutAsJsonAsync("/api/v1/volunteers/me/profile", new { skills = new[] { new { code = "first-aid", self = 9 } } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var day = (int)ten.DayOfWeek == 0 ? 7 : (int)ten.DayOfWeek;
        var saved = await volunteer.PutAsJsonAsync("/api/v1/volunteers/me/profile", new
        {
            skills = new[] { new { code = "first-aid", self = 4 } }, languages = "普通话，吴语", latitude = 31.321, longitude = 120.721,
            availability = new[] { new { day, from = "08:00:00", to = "18:00:00" } },
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var me = await saved.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("languages").GetArrayLength().ShouldBe(2);
        var demoId = me.GetProperty("id").GetGuid();
        // Only an organizer who has worked with the volunteer may verify a skill: not yet.
        (await org.PostAsJsonAsync($"/api/v1/volunteers/{demoId}/skills/first-aid/verification", new { level = 5 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await volunteer.PostAsJsonAsync($"/api/v1/volunteers/{demoId}/skills/first-aid/verification", new { level = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Others, written straight into the store: one for each rule.
        var ids = new Dictionary<string, Guid>();
        {
            await using var scope = SystemScope.Begin(app.Services);
            var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
            var i = 0;
            void Add(string name, DateOnly birth, string skills, string levels, string availability = "[]", string unavailable = "[]", double? lat = null, double? lng = null)
            {
                var id = Guid.NewGuid();
                var idNumber = FakeChinese.IdNumber(new Random(100 + i), community[..6], birth);
                var phone = $"137{i++:00000000}";
                db.Volunteers.Add(new Volunteer
                {
                    Id = id, OwnerUserId = "matching-" + name, RegionCode = community, Number = $"VM{i:000000}", RealName = name, IdNumber = idNumber,
                    IdNumberIndex = PersonalDataProtector.Current!.BlindIndex(idNumber), Phone = phone, PhoneIndex = PersonalDataProtector.Current!.BlindIndex(phone),
                    BirthDate = birth, Skills = skills, SkillLevels = levels, WeeklyAvailability = availability, Unavailable = unavailable, Latitude = lat, Longitude = lng,
                    RegisteredAt = DateTimeOffset.UtcNow,
                });
                ids[name] = id;
            }

            var adult = new DateOnly(1990, 1, 1);
            var otherDay = day % 7 + 1;
            Add("自评急救", adult, "first-aid", """[{"code":"first-aid","self":3}]""", lat: 31.33, lng: 120.73);
            Add("无技能远处", adult, "it", "[]", lat: 31.60, lng: 120.90);
            Add("只在别的日子", adult, "first-aid", "[]", availability: $$"""[{"day":{{otherDay}},"from":"08:00:00","to":"18:00:00"}]""");
            Add("十五岁", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15), "first-aid", "[]");
            Add("请假中", adult, "first-aid", "[]", unavailable: $$"""[{"from":"{{ten:yyyy-MM-dd}}","to":"{{ten.AddDays(2):yyyy-MM-dd}}"}]""");
            Add("另有安排", adult, "first-aid", "[]");
            var activityAndOrg = (await VolunteerHoursTests.OwnOrganizationAsync(org)).OrganizationId;
            db.Signups.Add(new Signup
            {
                Id = Guid.NewGuid(), ActivityId = Guid.Parse(other), VolunteerId = ids["另有安排"], OrganizationId = Guid.Parse(activityAndOrg), VolunteerName = "另有安排",
                OwnerUserId = "matching-另有安排", RegionCode = community, Sequence = 1, Status = SignupStatus.Confirmed, SignedUpAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            // What a confirmed sign-up does: the calendar holds the person, and matching reads commitments from there.
            (await scope.ServiceProvider.GetRequiredService<IPersonCalendar>().HoldAsync(Guid.Parse(other), PersonKeys.User("matching-另有安排"), CancellationToken.None)).ShouldBeEmpty();
        }

        app.Services.GetRequiredService<Yilian.Volunteers.Matching.MatchPool>().Invalidate();
        (await volunteer.GetAsync($"/api/v1/activities/{activity}/matches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/matches");
        var ranked = list.GetProperty("matches").EnumerateArray().ToList();
        var names = ranked.Select(m => m.GetProperty("volunteerId").GetGuid()).ToList();
        names[0].ShouldBe(demoId); // first aid level 4, 150 m away, available
        names.IndexOf(ids["自评急救"]).ShouldBeLessThan(names.IndexOf(ids["无技能远处"]));
        foreach (var left in new[] { "只在别的日子", "十五岁", "请假中", "另有安排" })
        {
            names.ShouldNotContain(ids[left], left);
        }

        var excluded = list.GetProperty("excluded");
        excluded.GetProperty("OutsideAvailability").GetInt32().ShouldBe(1);
        excluded.GetProperty("TooYoung").GetInt32().ShouldBe(1);
        excluded.GetProperty("Unavailable").GetInt32().ShouldBe(1);
        excluded.GetProperty("Busy").GetInt32().ShouldBe(1);
        var best = ranked[0];
        var reasons = best.GetProperty("reasons").EnumerateArray().ToList();
        reasons.Select(r => r.GetProperty("text").GetString()).ShouldContain(t => t!.Contains("急救") && t.Contains("自评 4 级"));
        reasons.Sum(r => r.GetProperty("points").GetDouble()).ShouldBe(best.GetProperty("score").GetDouble(), 0.3); // the reasons add up to the score
        best.GetProperty("name").GetString()!.ShouldContain("*");

        // Invitations: once each; the volunteer sees theirs and answers by signing up.
        var invite = await org.PostAsJsonAsync($"/api/v1/activities/{activity}/invitations", new { volunteerIds = new[] { demoId, ids["自评急救"] } });
        (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32().ShouldBe(2);
        (await (await org.PostAsJsonAsync($"/api/v1/activities/{activity}/invitations", new { volunteerIds = new[] { demoId } })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("invited").GetInt32().ShouldBe(0);
        (await org.PostAsJsonAsync($"/api/v1/activities/{activity}/invitations", new { volunteerIds = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var mine = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/invitations");
        mine[0].GetProperty("reason").GetString()!.ShouldContain("急救");
        (await volunteer.PostAsync($"/api/v1/activities/{activity}/signups", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/invitations"))[0].GetProperty("status").GetString().ShouldBe("Accepted");
        var verified = await org.PostAsJsonAsync($"/api/v1/volunteers/{demoId}/skills/first-aid/verification", new { level = 5 });
        verified.StatusCode.ShouldBe(HttpStatusCode.OK); // now they have worked together
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/profile")).GetProperty("skills")[0].GetProperty("verified").GetInt32().ShouldBe(5);
        var again = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/matches");
        again.GetProperty("excluded").GetProperty("SignedUp").GetInt32().ShouldBe(1);

        // The week's proposal fills the remaining place of this activity and what it can of the other's, never with someone busy.
        var week = DateOnly.FromDateTime(ten.Date);
        var proposal = await org.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/proposal?week={week:yyyy-MM-dd}");
        var item = proposal.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("activityId").GetString() == activity);
        item.GetProperty("need").GetInt32().ShouldBe(1);
        item.GetProperty("assigned").GetArrayLength().ShouldBe(1);
        // Three volunteers are free for either (the others are busy, away, signed up or outside their hours), and one activity a day each.
        proposal.GetProperty("filled").GetInt32().ShouldBe(3);
        var assigned = proposal.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("assigned").EnumerateArray().Select(a => a.GetProperty("volunteerId").GetGuid())).ToList();
        assigned.Count.ShouldBe(assigned.Distinct().Count()); // one activity a day each: these two overlap
        var accepted = await org.PostAsJsonAsync("/api/v1/assignments/accept", new { items = new[] { new { activityId = activity, volunteerIds = new[] { item.GetProperty("assigned")[0].GetProperty("volunteerId").GetGuid() } } } });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
    }
}
