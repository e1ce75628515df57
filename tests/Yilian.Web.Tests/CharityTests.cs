using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using Yilian.Finance.Features.Charity;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// Charity projects and donations through the API on every configured provider: each gift recorded exactly once by its
/// channel's transaction id (across two instances, under a hundred concurrent notices), refunds as compensating entries,
/// expenses drawing on the gifts first in, first out and never beyond them, and the live feed reaching a viewer on the
/// other instance.
/// </summary>
public sealed class CharityTests
{
    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>A project with an approved budget (lines aid and goods) and a charity project for it; returns the charity
    /// project.</summary>
    private static async Task<JsonElement> CampaignAsync(YilianApp app, HttpClient admin, HttpClient staff, string name)
    {
        using var regulator = await app.ClientAsAsync("regulator");
        var created = await admin.PostAsJsonAsync("/api/v1/projects", new
        {
            name, periodStart = Day(-100), periodEnd = Day(200), fundingSource = "公益募捐", fundingAmount = 50000,
            indicators = new[] { new { name = "受助儿童", target = 60, unit = "人" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var projectId = created.Headers.Location!.ToString().Split('/')[^1];
        var budget = await OkAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new
        {
            projectId, periodStart = Day(-60), periodEnd = Day(200),
            lines = new[]
            {
                new { code = "aid", category = "activities", name = "助学金", amount = 500_000m },
                new { code = "goods", category = "materials", name = "学习用品", amount = 100_000m },
            },
        }), HttpStatusCode.Created);
        var budgetId = budget.GetProperty("id").GetString();
        await OkAsync(await staff.PostAsync($"/api/v1/budgets/{budgetId}/submit", null));
        await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/decision", new { approve = true, note = "同意" }));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/charity-projects")
        {
            Content = JsonContent.Create(CharityBody(projectId, name)),
            Headers = { { "Idempotency-Key", Key(name) } },
        };
        var charity = await OkAsync(await admin.SendAsync(request), HttpStatusCode.Created);
        return charity.Clone();
    }

    private static object CharityBody(string projectId, string name) => new
    {
        projectId, title = name + "募捐", recordNumber = "53320000MJ5400001X-2026-099", summary = "测试", target = 100_000m,
        startsOn = Day(-30), endsOn = Day(30),
    };

    private static string Key(string name) => "charity-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static PaymentNotice Pay(YilianApp app, Guid intent, decimal amount) =>
        app.Services.GetRequiredService<SimulatedPaymentProvider>().Pay(intent, amount, DateTimeOffset.UtcNow);

    private static async Task<Guid> AskAsync(HttpClient anonymous, string charityId, decimal amount, string? name = null, bool show = false)
    {
        var ask = await OkAsync(await anonymous.PostAsJsonAsync($"/api/v1/charity-projects/{charityId}/donation-requests",
            new { amount, donorName = name, showName = show }));
        return ask.GetProperty("intentId").GetGuid();
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Gifts_Are_Recorded_Once_Refunded_By_Compensation_And_Traced_To_What_They_Paid(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var staff = await app.ClientAsAsync("orgstaff");
        using var admin = await app.ClientAsAsync("orgadmin");
        using var anonymous = app.CreateClient();
        var charity = await CampaignAsync(app, admin, staff, "助学测试");
        var charityId = charity.GetProperty("id").GetString()!;
        var fundId = charity.GetProperty("fundId").GetString();

        // Bad input: a clear answer each, nothing written.
        (await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/charity-projects/{charityId}/donation-requests", new { amount = 0m }),
            HttpStatusCode.BadRequest)).ShouldContain("amount");
        (await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/charity-projects/{charityId}/donation-requests", new { amount = 1.005m }),
            HttpStatusCode.BadRequest)).ShouldContain("两位小数");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId, channel = "BankTransfer",
            transactionId = "BANK-1", amount = -5m }), HttpStatusCode.BadRequest)).ShouldContain("amount");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId, channel = "BankTransfer",
            transactionId = "BANK-1", amount = 5m, receivedAt = DateTimeOffset.UtcNow.AddDays(45) }), HttpStatusCode.UnprocessableEntity))
            .ShouldContain("CampaignClosed");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId, channel = "Online",
            transactionId = "X", amount = 5m }), HttpStatusCode.BadRequest)).ShouldContain("channel");

        // Online: the provider's notice and the donor's return bring the same payment; one donation.
        var intent = await AskAsync(anonymous, charityId, 100m, "李小明");
        var notice = Pay(app, intent, 100m);
        var first = await OkAsync(await anonymous.PostAsJsonAsync("/api/v1/donations/notifications/simulated", notice));
        var again = await OkAsync(await anonymous.PostAsJsonAsync("/api/v1/donations/notifications/simulated", notice));
        again.GetProperty("number").GetString().ShouldBe(first.GetProperty("number").GetString());
        var returned = await anonymous.GetAsync($"/charity/pay/{intent}/return?txn={notice.TransactionId}&amount=100.00"
            + $"&paidAt={notice.PaidAt.ToUnixTimeMilliseconds()}&sig={notice.Signature}");
        returned.StatusCode.ShouldBe(HttpStatusCode.OK); // the donor lands on the thank-you page of the same gift
        returned.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/charity/donations/" + first.GetProperty("number").GetString());
        (await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/donations/notifications/simulated", notice with { Amount = 1000m }),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("PaymentNotVerified");

        // A bank transfer: the same reference again is the same gift; with another amount it is refused and flagged.
        var transfer = await OkAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId,
            channel = "BankTransfer", transactionId = "ICBC-001", amount = 300m, donorName = "某公司", showName = true }), HttpStatusCode.Created);
        var same = await OkAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId,
            channel = "BankTransfer", transactionId = "ICBC-001", amount = 300m, donorName = "某公司" }), HttpStatusCode.Created);
        same.GetProperty("id").GetString().ShouldBe(transfer.GetProperty("id").GetString());
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId, channel = "BankTransfer",
            transactionId = "ICBC-001", amount = 3000m }), HttpStatusCode.Conflict)).ShouldContain("TransactionAmountDiffers");
        var flags = await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}/flags"));
        flags.GetArrayLength().ShouldBe(1);
        flags[0].GetProperty("offeredAmount").GetDecimal().ShouldBe(3000m);

        // Cash: entered by one, counted again by another; it counts only then.
        var cash = await OkAsync(await staff.PostAsJsonAsync("/api/v1/donations", new { charityProjectId = charityId, channel = "Cash",
            amount = 50.5m }), HttpStatusCode.Created);
        cash.GetProperty("status").GetString().ShouldBe("AwaitingSecondCount");
        (await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"))).GetProperty("raised").GetDecimal().ShouldBe(400m);
        (await ProblemAsync(await staff.PostAsync($"/api/v1/donations/{cash.GetProperty("id").GetString()}/confirm-count", null),
            HttpStatusCode.UnprocessableEntity)).ShouldContain("SecondCounterSame");
        await OkAsync(await admin.PostAsync($"/api/v1/donations/{cash.GetProperty("id").GetString()}/confirm-count", null));
        (await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"))).GetProperty("raised").GetDecimal().ShouldBe(450.5m);

        // An expense beyond the gifts cannot be paid from them; nothing is half-written.
        async Task<string> ApprovedAsync(decimal amount, string line = "aid")
        {
            var e = await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", new
            {
                budgetId = (await OkAsync(await staff.GetAsync("/api/v1/budgets"))).EnumerateArray()
                    .First(b => b.GetProperty("projectName").GetString() == "助学测试").GetProperty("id").GetString(),
                lineCode = line, fundId, date = Day(-1), amount, payee = "受助学生", description = "助学金",
            }), HttpStatusCode.Created);
            var id = e.GetProperty("id").GetString()!;
            await OkAsync(await staff.PostAsync($"/api/v1/expenses/{id}/submit", null));
            await OkAsync(await admin.PostAsync($"/api/v1/expenses/{id}/approve", null));
            return id;
        }

        var tooMuch = await ApprovedAsync(451m);
        (await ProblemAsync(await admin.PostAsync($"/api/v1/expenses/{tooMuch}/pay", null), HttpStatusCode.Conflict))
            .ShouldContain("DonationsInsufficient");
        (await OkAsync(await admin.GetAsync($"/api/v1/expenses/{tooMuch}"))).GetProperty("status").GetString().ShouldBe("Approved");
        (await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"))).GetProperty("spent").GetDecimal().ShouldBe(0m);

        // First in, first out: 150 takes the online 100, then 50 of the transfer.
        var paid = await ApprovedAsync(150m);
        await OkAsync(await admin.PostAsync($"/api/v1/expenses/{paid}/pay", null));
        var online = await OkAsync(await anonymous.GetAsync($"/api/v1/donations/lookup/{first.GetProperty("number").GetString()}"));
        online.GetProperty("allocated").GetDecimal().ShouldBe(100m);
        online.GetProperty("expenses")[0].GetProperty("drawn").GetDecimal().ShouldBe(100m);
        online.GetProperty("name").GetString().ShouldBe("李**"); // masked: the donor did not choose to be named
        var company = await OkAsync(await admin.GetAsync($"/api/v1/donations/{transfer.GetProperty("id").GetString()}"));
        company.GetProperty("allocated").GetDecimal().ShouldBe(50m);

        // A refund takes only what is left: the transfer has 250 left.
        (await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/donations/{transfer.GetProperty("id").GetString()}/refunds",
            new { amount = 251m, reason = "退回" }), HttpStatusCode.Conflict)).ShouldContain("RefundBeyondAvailable");
        var refund = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/donations/{transfer.GetProperty("id").GetString()}/refunds",
            new { amount = 200m, reason = "捐赠人要求退回" }), HttpStatusCode.Created);
        refund.GetProperty("amount").GetDecimal().ShouldBe(-200m);
        var project = await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"));
        project.GetProperty("raised").GetDecimal().ShouldBe(250.5m);
        project.GetProperty("spent").GetDecimal().ShouldBe(150m);

        // A reversal gives back what the expense drew; the donor's lookup shows both entries.
        await OkAsync(await admin.PostAsJsonAsync($"/api/v1/expenses/{paid}/reverse", new { reason = "付错对象" }));
        online = await OkAsync(await anonymous.GetAsync($"/api/v1/donations/lookup/{first.GetProperty("number").GetString()}"));
        online.GetProperty("allocated").GetDecimal().ShouldBe(0m);
        online.GetProperty("expenses").EnumerateArray().Select(e => e.GetProperty("drawn").GetDecimal()).ShouldBe([100m, -100m],
            ignoreOrder: true);
        (await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"))).GetProperty("spent").GetDecimal().ShouldBe(0m);

        // The public disclosure: raised, masked names, the named company as it chose.
        var disclosure = await OkAsync(await anonymous.GetAsync($"/api/v1/charity-projects/{charityId}/disclosure"));
        disclosure.GetProperty("project").GetProperty("raised").GetDecimal().ShouldBe(250.5m);
        var names = disclosure.GetProperty("recent").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        names.ShouldContain("某公司");
        names.ShouldContain("李**");
        names.ShouldNotContain("李小明");
        disclosure.GetRawText().ShouldNotContain(first.GetProperty("number").GetString()!); // a receipt number is the donor's key

        // The donor's receipt: a PDF.
        var pdf = await anonymous.GetAsync($"/charity/donations/{first.GetProperty("number").GetString()}/receipt.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");
        (await anonymous.GetAsync("/api/v1/donations/lookup/JZ20260101ZZZZZZZZ")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A retried create with the same Idempotency-Key answers with the first.
        var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/charity-projects")
        {
            Content = JsonContent.Create(CharityBody(charity.GetProperty("projectId").GetString()!, "助学测试")),
            Headers = { { "Idempotency-Key", Key("助学测试") } },
        };
        (await OkAsync(await admin.SendAsync(retry), HttpStatusCode.Created)).GetProperty("id").GetString().ShouldBe(charityId);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Hundred_Concurrent_Notices_For_Ten_Payments_On_Two_Instances_Record_Ten_Gifts(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await using var twin = app.Twin();
        using var staff = await app.ClientAsAsync("orgstaff");
        using var admin = await app.ClientAsAsync("orgadmin");
        using var anonymous = app.CreateClient();
        using var other = twin.CreateClient();
        var charity = await CampaignAsync(app, admin, staff, "并发测试");
        var charityId = charity.GetProperty("id").GetString()!;
        var notices = new List<PaymentNotice>();
        for (var i = 0; i < 10; i++)
        {
            var amount = 10m + i * 1.01m;
            notices.Add(Pay(app, await AskAsync(anonymous, charityId, amount), amount));
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var response = await (i % 2 == 0 ? anonymous : other).PostAsJsonAsync("/api/v1/donations/notifications/simulated",
                notices[i % 10]);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            return (Transaction: notices[i % 10].TransactionId, Number: JsonDocument.Parse(body).RootElement.GetProperty("number").GetString());
        }));

        // Every notice of a payment was answered with the same receipt number, and there are ten.
        answers.GroupBy(a => a.Transaction).ShouldAllBe(g => g.Select(a => a.Number).Distinct().Count() == 1);
        answers.Select(a => a.Number).Distinct().Count().ShouldBe(10);
        var list = await OkAsync(await staff.GetAsync($"/api/v1/donations?charityProjectId={charityId}&pageSize=200"));
        list.GetProperty("total").GetInt32().ShouldBe(10);
        var project = await OkAsync(await staff.GetAsync($"/api/v1/charity-projects/{charityId}"));
        project.GetProperty("raised").GetDecimal().ShouldBe(notices.Sum(n => n.Amount));
        project.GetProperty("donationCount").GetInt32().ShouldBe(10);
        list.GetProperty("items").EnumerateArray().Sum(d => d.GetProperty("amount").GetDecimal()).ShouldBe(notices.Sum(n => n.Amount));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Viewer_On_One_Instance_Sees_A_Gift_Recorded_On_The_Other(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await using var twin = app.Twin();
        using var staff = await app.ClientAsAsync("orgstaff");
        using var admin = await app.ClientAsAsync("orgadmin");
        var charity = await CampaignAsync(app, admin, staff, "直播测试");
        var charityId = charity.GetProperty("id").GetString()!;
        using var viewer = app.CreateClient();
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        using var stream = await viewer.GetAsync("/api/v1/charity/live/events", HttpCompletionOption.ResponseHeadersRead);
        stream.StatusCode.ShouldBe(HttpStatusCode.OK);
        stream.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        stream.Headers.GetValues("X-Accel-Buffering").ShouldBe(["no"]); // a reverse proxy passes events on at once
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        await Task.Delay(CharityFeed.Interval * 4); // the feed takes its starting point

        using var donor = twin.CreateClient();
        var intent = await AskAsync(donor, charityId, 88m, "王大伟", show: true);
        var watch = Stopwatch.StartNew();
        await OkAsync(await donor.PostAsJsonAsync("/api/v1/donations/notifications/simulated", Pay(twin, intent, 88m)));
        var committed = watch.Elapsed;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? data = null;
        while (data is null)
        {
            var line = await reader.ReadLineAsync(cancel.Token);
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("王大伟", StringComparison.Ordinal))
            {
                data = line[5..];
            }
        }

        data.ShouldNotBeNull();
        var seen = watch.Elapsed - committed;
        var e = JsonDocument.Parse(data).RootElement;
        e.GetProperty("amount").GetDecimal().ShouldBe(88m);
        e.GetProperty("projectRaised").GetDecimal().ShouldBe(88m);
        // The 1 s target is measured by the benchmark; here it is reported (a loaded CI machine may be slower).
        Console.WriteLine($"live: seen on the other instance {seen.TotalMilliseconds:F0} ms after the commit answered");
    }
}
