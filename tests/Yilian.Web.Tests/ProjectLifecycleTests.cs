using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>A project from intake to closure through the API, with every gate, on every provider.</summary>
public sealed class ProjectLifecycleTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%test\n%%EOF\n");

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string projectId, string type, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(type), "documentType" },
            { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", fileName },
        };
        return await client.PostAsync($"/api/v1/projects/{projectId}/documents", form);
    }

    private static async Task<string[]> FailuresOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("details").GetProperty("failures").EnumerateArray().Select(f => f.GetString()!)];
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string id, string to, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to, comment });

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Project_FromIntakeToClosed_ThroughEveryGate(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var org = await app.ClientAsAsync("orgadmin");
        using var op = await app.ClientAsAsync("operator");
        using var regulator = await app.ClientAsAsync("regulator");
        using var otherOrg = await app.ClientAsAsync("orgadmin2");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var created = await org.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "乐龄助餐测试项目", periodStart = today.AddDays(-200).ToString("yyyy-MM-dd"), periodEnd = today.AddDays(10).ToString("yyyy-MM-dd"),
            fundingSource = "政府购买服务", fundingAmount = 80000, indicators = new[] { new { name = "服务人次", target = 500, unit = "人次" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = created.Headers.Location!.ToString().Split('/')[^1];

        // Intake → review needs the application and the plan.
        (await FailuresOf(await MoveAsync(org, id, "review"))).ShouldBe(["缺少必需的材料：项目申报书", "缺少必需的材料：实施方案"]);
        (await UploadAsync(org, id, "application", Pdf, "申报书.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(org, id, "plan", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "方案.pdf")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await UploadAsync(org, id, "plan", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "plan.html")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await UploadAsync(org, id, "plan", Pdf, "方案.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(org, id, "review")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Only the platform may approve; out-of-order moves are refused with the reason.
        (await MoveAsync(org, id, "execution")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FailuresOf(await MoveAsync(op, id, "closed"))).Single().ShouldContain("不能直接转到");
        // 立项 needs the budget approved, through this gate's roles: drafted and submitted by the organization, approved here.
        (await FailuresOf(await MoveAsync(op, id, "execution"))).ShouldBe(["项目尚未编制预算：请机构编制并提交项目预算"]);
        var budget = await org.PostAsJsonAsync("/api/v1/budgets", new { projectId = id, lines = new[] { new { category = "personnel", name = "社工劳务", amount = 60000m } } });
        budget.StatusCode.ShouldBe(HttpStatusCode.Created, await budget.Content.ReadAsStringAsync());
        var budgetId = (await budget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await FailuresOf(await MoveAsync(op, id, "execution"))).ShouldBe(["项目预算尚未提交审批"]);
        (await org.PostAsync($"/api/v1/budgets/{budgetId}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FailuresOf(await MoveAsync(op, id, "execution"))).ShouldBe(["项目预算待审批：请先在本页“项目预算”中审批"]);
        (await op.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/decision", new { approve = true, note = "预算合理" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(op, id, "execution")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await FailuresOf(await MoveAsync(org, id, "midterm"))).ShouldBe(["缺少必需的材料：中期报告"]);
        (await UploadAsync(org, id, "midterm-report", Pdf, "中期报告.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(org, id, "midterm")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var closingFailures = await FailuresOf(await MoveAsync(org, id, "closing"));
        closingFailures.ShouldBe(["缺少必需的材料：结项报告", "缺少必需的材料：财务报表", "还有 1 项指标未填写实际完成值"]);
        (await UploadAsync(org, id, "closing-report", Pdf, "结项报告.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(org, id, "financial-statement", Pdf, "财务.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await org.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var indicator = detail.GetProperty("indicators")[0].GetProperty("id").GetString();
        (await org.PutAsJsonAsync($"/api/v1/projects/{id}/indicators/{indicator}", new { actual = 520 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MoveAsync(org, id, "closing")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MoveAsync(op, id, "closed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await FailuresOf(await MoveAsync(op, id, "terminated", "试图终止已结项的项目"))).Single().ShouldContain("不能直接转到");

        // The regulator sees the whole timeline; another organization does not see the project at all.
        var seen = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        seen.GetProperty("stage").GetString().ShouldBe("closed");
        var kinds = seen.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.Count(k => k == "StageChanged").ShouldBe(5);
        kinds.Count(k => k == "DocumentUploaded").ShouldBe(5);
        kinds.ShouldContain("Created");
        kinds.ShouldContain("IndicatorUpdated");
        (await otherOrg.GetAsync($"/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(otherOrg, id, "other", Pdf, "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Download_IsAnAttachment_NeverInline_AndAudited()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var org = await app.ClientAsAsync("orgadmin");
        var board = await org.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        var id = board.EnumerateArray().First(c => c.GetProperty("stage").GetString() == "execution").GetProperty("cards")[0].GetProperty("id").GetString()!;
        var document = await (await UploadAsync(org, id, "other", Pdf, "说明.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        document.GetProperty("version").GetInt32().ShouldBe(1);
        var again = await (await UploadAsync(org, id, "other", Pdf, "说明v2.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("version").GetInt32().ShouldBe(2);

        var response = await org.GetAsync($"/api/v1/projects/{id}/documents/{document.GetProperty("id").GetString()}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        // The organization's profile lists the newest documents first and counts its projects by stage.
        var orgId = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("organizationId").GetString();
        var profile = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{orgId}/profile")).GetProperty("projects");
        profile.GetProperty("documents")[0].GetProperty("fileName").GetString().ShouldBe("说明v2.pdf");
        profile.GetProperty("documents")[1].GetProperty("fileName").GetString().ShouldBe("说明.pdf");
        var stageTotal = profile.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32());
        var boardTotal = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/projects/board?organizationId={orgId}")).EnumerateArray().Sum(c => c.GetProperty("total").GetInt32());
        stageTotal.ShouldBe(boardTotal);
        stageTotal.ShouldBeGreaterThan(0);
        (await org.GetStringAsync($"/admin/organizations/{orgId}")).ShouldContain("说明v2.pdf");

        using var regulator = await app.ClientAsAsync("regulator");
        var audit = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=Downloaded&entityId={document.GetProperty("id").GetString()}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Upload_Oversize_Answers413()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var org = await app.ClientAsAsync("orgadmin");
        var board = await org.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        var id = board.EnumerateArray().First(c => c.GetProperty("total").GetInt32() > 0).GetProperty("cards")[0].GetProperty("id").GetString()!;
        var big = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        (await UploadAsync(org, id, "other", big, "big.pdf")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Workflow_BadDefinitionRefusedWithReasons_NewVersionLeavesRunningProjectsAlone()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        var current = await op.GetFromJsonAsync<JsonElement>("/api/v1/workflows/current");
        current.GetProperty("version").GetInt32().ShouldBe(1);
        var definition = current.GetProperty("definition").GetRawText();

        var broken = definition.Replace("\"to\":\"closed\"", "\"to\":\"midterm\"", StringComparison.Ordinal);
        var refused = await op.PostAsync("/api/v1/workflows", new StringContent(broken, Encoding.UTF8, "application/json"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("definition").EnumerateArray().Select(p => p.GetString()).ToList();
        problems.ShouldContain(p => p!.Contains("can never be closed"));
        problems.ShouldContain(p => p!.Contains("'closed' cannot be reached"));
        (await op.PostAsync("/api/v1/workflows", new StringContent("{ not json", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Version 2 drops the plan from the first gate; a project started on version 1 still needs it.
        using var org = await app.ClientAsAsync("orgadmin");
        var created = await org.PostAsJsonAsync("/api/v1/projects", new { name = "版本测试项目", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        var id = created.Headers.Location!.ToString().Split('/')[^1];
        var relaxed = definition.Replace("[\"application\",\"plan\"]", "[\"application\"]", StringComparison.Ordinal);
        relaxed.ShouldNotBe(definition);
        (await op.PostAsync("/api/v1/workflows", new StringContent(relaxed, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(org, id, "application", Pdf, "a.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FailuresOf(await MoveAsync(org, id, "review"))).ShouldBe(["缺少必需的材料：实施方案"]);

        var newer = await org.PostAsJsonAsync("/api/v1/projects", new { name = "新版本项目", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        var newId = newer.Headers.Location!.ToString().Split('/')[^1];
        (await UploadAsync(org, newId, "application", Pdf, "a.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(org, newId, "review")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await org.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{newId}")).GetProperty("workflowVersion").GetInt32().ShouldBe(2);

        using var staff = await app.ClientAsAsync("orgstaff");
        var forbidden = await staff.PostAsync("/api/v1/workflows", new StringContent(relaxed, Encoding.UTF8, "application/json"));
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await forbidden.Content.ReadAsStringAsync());
    }
}

public sealed class ProjectEvaluationTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ProjectInAsync(HttpClient client, string stage) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/board")).EnumerateArray()
            .First(c => c.GetProperty("stage").GetString() == stage).GetProperty("cards")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task Evaluators_ScoreOnTheRubric_AtClosingOnly()
    {
        using var op = await _app.ClientAsAsync("operator");
        using var regulator = await _app.ClientAsAsync("regulator");
        using var org = await _app.ClientAsAsync("orgadmin");
        var closing = await ProjectInAsync(op, "closing");
        var intake = await ProjectInAsync(op, "intake");
        var good = new { scores = new Dictionary<string, decimal> { ["delivery"] = 25, ["outcomes"] = 27, ["finance"] = 18, ["satisfaction"] = 19 }, comment = "执行规范" };

        (await op.PostAsJsonAsync($"/api/v1/projects/{intake}/evaluations", good)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var partial = await op.PostAsJsonAsync($"/api/v1/projects/{closing}/evaluations", new { scores = new Dictionary<string, decimal> { ["delivery"] = 31, ["bribes"] = 5 } });
        partial.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await partial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("scores.delivery")[0].GetString()!.ShouldContain("0–30");
        errors.TryGetProperty("scores.outcomes", out _).ShouldBeTrue();
        errors.TryGetProperty("scores.bribes", out _).ShouldBeTrue();

        (await op.PostAsJsonAsync($"/api/v1/projects/{closing}/evaluations", good)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await op.PostAsJsonAsync($"/api/v1/projects/{closing}/evaluations", good)).StatusCode.ShouldBe(HttpStatusCode.NoContent); // replaces, not adds
        (await regulator.PostAsJsonAsync($"/api/v1/projects/{closing}/evaluations",
            new { scores = new Dictionary<string, decimal> { ["delivery"] = 20, ["outcomes"] = 20, ["finance"] = 15, ["satisfaction"] = 16 } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var summary = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{closing}/evaluations");
        summary.GetProperty("evaluations").GetArrayLength().ShouldBe(2);
        summary.GetProperty("averageTotal").GetDecimal().ShouldBe((89m + 71m) / 2);
        summary.GetProperty("rubric").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Organization_CannotScoreItself()
    {
        using var op = await _app.ClientAsAsync("operator");
        using var org = await _app.ClientAsAsync("orgadmin");
        var own = (await org.GetFromJsonAsync<JsonElement>("/api/v1/projects/board")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cards").EnumerateArray()).First().GetProperty("id").GetString();
        var response = await org.PostAsJsonAsync($"/api/v1/projects/{own}/evaluations", new { scores = new Dictionary<string, decimal>() });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
