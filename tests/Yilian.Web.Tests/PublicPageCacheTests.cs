using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// Public pages are served from the output cache to anonymous visitors, one copy per language, and rendered afresh as soon as
/// something they show changes (decision 022); a signed-in caller always gets a fresh page.
/// </summary>
public sealed class PublicPageCacheTests
{
    [Fact]
    public async Task PublicActivities_AreCachedPerLanguage_AndRefreshedWhenAnActivityIsPublished()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var anonymous = app.CreateClient();
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");

        var first = await anonymous.GetAsync("/activities");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Age.ShouldBeNull();
        var again = await anonymous.GetAsync("/activities");
        again.Headers.Age.ShouldNotBeNull("the second anonymous request is answered from the cache");
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());

        using var english = new HttpRequestMessage(HttpMethod.Get, "/activities");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var inEnglish = await anonymous.SendAsync(english);
        inEnglish.Headers.Age.ShouldBeNull("each language has its own copy");
        (await inEnglish.Content.ReadAsStringAsync()).ShouldContain("lang=\"en\"");

        // A draft does not show publicly and leaves the cache alone; publishing it refreshes the page at once.
        var community = (await org.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("regionCode").GetString()!;
        var venue = await ActivitySchedulingTests.VenueAsync(op, community, name: "缓存测试活动室");
        (await anonymous.GetAsync("/activities")).Headers.Age.ShouldBeNull("a new venue is shown on public pages");
        var start = DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8)).Date.AddHours(10);
        var created = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "缓存刷新测试讲座", type = "class", venueId = venue, expectedParticipants = 10,
            start = new DateTimeOffset(start, TimeSpan.FromHours(8)), end = new DateTimeOffset(start.AddHours(1), TimeSpan.FromHours(8)),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draftTime = await anonymous.GetAsync("/activities");
        draftTime.Headers.Age.ShouldNotBeNull("a draft changes nothing residents see");
        (await draftTime.Content.ReadAsStringAsync()).ShouldNotContain("缓存刷新测试讲座");

        (await org.PostAsync(created.Headers.Location + "/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var published = await anonymous.GetAsync("/activities");
        published.Headers.Age.ShouldBeNull();
        (await published.Content.ReadAsStringAsync()).ShouldContain("缓存刷新测试讲座");

        // A signed-in caller is never served a stored page.
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/activities");
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("regulator"));
        (await anonymous.SendAsync(signedIn)).Headers.Age.ShouldBeNull();
    }
}
