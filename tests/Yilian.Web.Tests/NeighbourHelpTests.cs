using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Neighbours.Data;
using Yilian.Neighbours.Features;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// Neighbour help through the API: a resident's ask shown with consent and without their phone; a neighbour answers; the poster
/// accepts one of two answers sent at once (exactly one wins) and only then do the two see each other's phone; done when both
/// say so. A late withdrawal is recorded and shown to the other side; a report is decided by the community's officer only; the
/// morning sweep reminds and expires. Bad input is answered by field and nothing is written.
/// </summary>
public sealed class NeighbourHelpTests
{
    private const string Community = "320571001001";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task An_Ask_Is_Answered_Matched_And_Done_With_Phones_Shared_Only_When_Both_Agree(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var resident = await app.ClientAsAsync("resident");
        using var neighbour = await app.ClientAsAsync("volunteer");
        using var another = await app.ClientAsAsync("mentor");
        using var stranger = await app.ClientAsAsync("orgstaff");
        var ask = new
        {
            kind = "Ask", category = "errand", title = "帮我把快递搬上五楼", details = "腿脚不便，想请邻居帮忙从驿站取两个快递。", regionCode = Community,
            when = "周六上午", until = (DateOnly?)null, noExpiry = false, contact = "13912345678", consent = true,
        };

        // Bad input: each field answered, nothing written.
        var bad = await ProblemAsync(await resident.PostAsJsonAsync("/api/v1/help-posts", ask with
        {
            kind = "Sell", category = "pets", title = "<script>alert(1)</script>", details = new string('长', 100_000),
            regionCode = "999999999999", contact = "12345", consent = false, until = (DateOnly?)new DateOnly(2099, 1, 1),
        }), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "category", "title", "details", "regionCode", "contact", "consent", "until" })
        {
            bad.ShouldContain($"\"{field}\"", customMessage: field);
        }

        bad.ShouldContain("同意在社区互助板上展示");
        (await BoardAsync(neighbour)).ShouldNotContain(p => p.GetProperty("title").GetString() == ask.title, "nothing half-written");
        (await Anonymous(app).GetAsync("/api/v1/help-posts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var posted = await OkAsync(await resident.PostAsJsonAsync("/api/v1/help-posts", ask), HttpStatusCode.Created);
        var id = posted.GetProperty("id").GetString();
        posted.GetProperty("until").GetString().ShouldNotBeNull("14 days unless no expiry is chosen");
        var onBoard = (await BoardAsync(neighbour)).Single(p => p.GetProperty("id").GetString() == id);
        onBoard.GetProperty("contact").ValueKind.ShouldBe(JsonValueKind.Null);
        onBoard.GetProperty("shownName").GetString()!.ShouldEndWith("**");
        onBoard.GetProperty("regionName").GetString().ShouldNotBeNullOrEmpty();

        // Answers: consent to share the phone is required; one open answer each; not to one's own post.
        var answer = new { message = "我下午去驿站，顺路帮您取。", contact = "13800001111", shareContact = true };
        (await ProblemAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/responses", answer with { shareContact = false }),
            HttpStatusCode.BadRequest)).ShouldContain("shareContact");
        await OkAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/responses", answer));
        (await ProblemAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/responses", answer), HttpStatusCode.Conflict))
            .ShouldContain("AlreadyAnswered");
        (await ProblemAsync(await resident.PostAsJsonAsync($"/api/v1/help-posts/{id}/responses", answer),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("NotOwnPost");
        await OkAsync(await another.PostAsJsonAsync($"/api/v1/help-posts/{id}/responses", answer with { contact = "13700002222" }));

        var seen = await OkAsync(await resident.GetAsync($"/api/v1/help-posts/{id}"));
        var responses = seen.GetProperty("responses").EnumerateArray().ToList();
        responses.Count.ShouldBe(2);
        responses.ShouldAllBe(r => r.GetProperty("contact").ValueKind == JsonValueKind.Null, "no phone before the poster accepts");
        (await OkAsync(await neighbour.GetAsync($"/api/v1/help-posts/{id}"))).GetProperty("contact").ValueKind.ShouldBe(JsonValueKind.Null);
        (await neighbour.PostAsync($"/api/v1/help-posts/{id}/responses/{responses[0].GetProperty("id").GetString()}/accept", null))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the poster accepts");

        // The poster taps "accept" on both answers at once: exactly one is accepted.
        var accepts = await Task.WhenAll(responses.Select(r =>
            resident.PostAsync($"/api/v1/help-posts/{id}/responses/{r.GetProperty("id").GetString()}/accept", null)));
        accepts.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var matched = await OkAsync(await resident.GetAsync($"/api/v1/help-posts/{id}"));
        matched.GetProperty("status").GetString().ShouldBe("Matched");
        var accepted = matched.GetProperty("responses").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "Accepted")
            .ToList();
        accepted.Count.ShouldBe(1);
        accepted[0].GetProperty("contact").GetString().ShouldBeOneOf("13800001111", "13700002222");
        var helper = accepted[0].GetProperty("contact").GetString() == "13800001111" ? neighbour : another;
        var other = helper == neighbour ? another : neighbour;
        (await OkAsync(await helper.GetAsync($"/api/v1/help-posts/{id}"))).GetProperty("contact").GetString().ShouldBe("13912345678");
        (await OkAsync(await other.GetAsync($"/api/v1/help-posts/{id}"))).GetProperty("contact").ValueKind.ShouldBe(JsonValueKind.Null);
        (await stranger.GetAsync($"/api/v1/help-posts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "off the board");
        (await BoardAsync(neighbour)).ShouldNotContain(p => p.GetProperty("id").GetString() == id);

        // Done when both say so.
        (await OkAsync(await resident.PostAsync($"/api/v1/help-posts/{id}/done", null))).GetProperty("status").GetString()
            .ShouldBe("Matched");
        (await OkAsync(await helper.PostAsync($"/api/v1/help-posts/{id}/done", null))).GetProperty("status").GetString().ShouldBe("Done");

        // An offer withdrawn after a match: the reason is required, recorded and shown to the neighbour.
        var offer = await OkAsync(await neighbour.PostAsJsonAsync("/api/v1/help-posts", ask with
        {
            kind = "Offer", category = "digital", title = "教老人用手机挂号", noExpiry = true, contact = "13800001111",
        }), HttpStatusCode.Created);
        var offerId = offer.GetProperty("id").GetString();
        offer.GetProperty("until").ValueKind.ShouldBe(JsonValueKind.Null);

        // Matching: an ask of the same category in the same community, not asks of another category nor other offers.
        var phoneAsk = await OkAsync(await resident.PostAsJsonAsync("/api/v1/help-posts", ask with
        {
            category = "digital", title = "想学用手机视频通话",
        }), HttpStatusCode.Created);
        var matches = (await OkAsync(await neighbour.GetAsync($"/api/v1/help-posts/{offerId}/matches"))).EnumerateArray().ToList();
        matches.ShouldContain(m => m.GetProperty("id").GetString() == phoneAsk.GetProperty("id").GetString());
        matches.ShouldAllBe(m => m.GetProperty("kind").GetString() == "Ask" && m.GetProperty("category").GetString() == "digital");
        (await resident.GetAsync($"/api/v1/help-posts/{offerId}/matches")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not theirs");
        var taken = await OkAsync(await resident.PostAsJsonAsync($"/api/v1/help-posts/{offerId}/responses", answer with
        {
            message = "想学用手机挂号。", contact = "13912345678",
        }));
        await OkAsync(await neighbour.PostAsync(
            $"/api/v1/help-posts/{offerId}/responses/{taken.GetProperty("myResponse").GetProperty("id").GetString()}/accept", null));
        (await ProblemAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{offerId}/withdraw", new { reason = "" }),
            HttpStatusCode.BadRequest)).ShouldContain("reason");
        await OkAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{offerId}/withdraw", new { reason = "临时出差" }));
        var told = await OkAsync(await resident.GetAsync($"/api/v1/help-posts/{offerId}"));
        (told.GetProperty("status").GetString(), told.GetProperty("lateWithdrawal").GetBoolean(), told.GetProperty("withdrawReason")
            .GetString()).ShouldBe(("Withdrawn", true, "临时出差"));
    }

    [Fact]
    public async Task A_Report_Is_Decided_By_The_Community_Officer_And_The_Sweep_Reminds_And_Expires()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var resident = await app.ClientAsAsync("resident");
        using var neighbour = await app.ClientAsAsync("volunteer");
        using var officer = await app.ClientAsAsync("officer");
        using var orgadmin = await app.ClientAsAsync("orgadmin");
        var today = ChinaTime.Today(TimeProvider.System);
        var post = await OkAsync(await resident.PostAsJsonAsync("/api/v1/help-posts", new
        {
            kind = "Offer", category = "other", title = "低价出售保健品", details = "加微信了解", regionCode = Community, when = "随时",
            until = today, noExpiry = false, contact = "13912345678", consent = true,
        }), HttpStatusCode.Created);
        var id = post.GetProperty("id").GetString();

        (await ProblemAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/reports", new { reason = "" }),
            HttpStatusCode.BadRequest)).ShouldContain("reason");
        await OkAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/reports", new { reason = "像是推销保健品" }));
        (await ProblemAsync(await neighbour.PostAsJsonAsync($"/api/v1/help-posts/{id}/reports", new { reason = "再报一次" }),
            HttpStatusCode.Conflict)).ShouldContain("AlreadyReported");

        (await orgadmin.GetAsync("/api/v1/help-reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reports = await OkAsync(await officer.GetAsync("/api/v1/help-reports"));
        var report = reports.EnumerateArray().Single(r => r.GetProperty("postId").GetString() == id);
        var reportId = report.GetProperty("id").GetString();
        (await orgadmin.PostAsJsonAsync($"/api/v1/help-reports/{reportId}/decide", new { remove = true, note = "推销" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/help-reports/{reportId}/decide",
            new { remove = true, note = "商业推销，不属于邻里互助。" }));
        var removed = await OkAsync(await resident.GetAsync($"/api/v1/help-posts/{id}"));
        removed.GetProperty("status").GetString().ShouldBe("Removed");
        (await BoardAsync(neighbour)).ShouldNotContain(p => p.GetProperty("id").GetString() == id);

        // The sweep: a post standing its last day today is reminded once; one past its last day expires.
        var lastDay = await OkAsync(await resident.PostAsJsonAsync("/api/v1/help-posts", new
        {
            kind = "Ask", category = "company", title = "想找人下象棋", details = "", regionCode = Community, when = "晚饭后", until = today,
            noExpiry = false, contact = "13912345678", consent = true,
        }), HttpStatusCode.Created);
        var lastId = lastDay.GetProperty("id").GetGuid();
        (await SweepAsync(app)).ShouldBe((1, 0));
        (await SweepAsync(app)).ShouldBe((0, 0));
        await using (var scope = SystemScope.Begin(app.Services))
        {
            await scope.ServiceProvider.GetRequiredService<NeighboursDbContext>().Posts.Where(p => p.Id == lastId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Until, today.AddDays(-1)));
        }

        (await SweepAsync(app)).ShouldBe((0, 1));
        (await OkAsync(await resident.GetAsync($"/api/v1/help-posts/{lastId}"))).GetProperty("status").GetString().ShouldBe("Expired");
    }

    private static HttpClient Anonymous(YilianApp app) => app.CreateClient();

    private static async Task<List<JsonElement>> BoardAsync(HttpClient client) =>
        [.. (await OkAsync(await client.GetAsync($"/api/v1/help-posts?community={Community}"))).EnumerateArray()];

    private static async Task<(int, int)> SweepAsync(YilianApp app)
    {
        await using var scope = SystemScope.Begin(app.Services);
        return await scope.ServiceProvider.GetRequiredService<HelpPosts>().SweepAsync(CancellationToken.None);
    }
}
