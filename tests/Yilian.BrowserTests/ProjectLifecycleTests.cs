using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>Issue 3's "done when": submit, approve, be stopped by a missing document, fix it, close; the regulator sees it all.</summary>
public sealed class ProjectLifecycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%browser test\n%%EOF\n");

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt(user, YilianApp.DemoPassword);
        return page;
    }

    private static async Task UploadAsync(IPage page, string type, string fileName)
    {
        await page.SelectOptionAsync("[data-testid=document-type]", type);
        await page.SetInputFilesAsync("[data-testid=document-file]", new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf });
        await page.ClickAsync("[data-testid=upload]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static async Task MoveAsync(IPage page, string to)
    {
        await page.ClickAsync($"[data-testid=to-{to}]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task Project_SubmittedApprovedBlockedFixedClosed_RegulatorSeesTimeline()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var org = await SignedInAsync("orgadmin");
        await org.GotoAsync("/admin/projects/new");
        await org.FillAsync("#name", "浏览器测试：长者助餐点");
        await org.FillAsync("#start", today.AddDays(-200).ToString("yyyy-MM-dd"));
        await org.FillAsync("#end", today.AddDays(10).ToString("yyyy-MM-dd"));
        await org.FillAsync("#indicators", "服务人次, 300, 人次");
        await org.ClickAsync("[data-testid=submit-project]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=project-name]").InnerTextAsync()).ShouldBe("浏览器测试：长者助餐点");
        var projectUrl = new Uri(org.Url).AbsolutePath;

        await UploadAsync(org, "application", "申报书.pdf");
        await UploadAsync(org, "plan", "实施方案.pdf");
        await MoveAsync(org, "review");
        (await org.Locator("[data-testid=current-stage]").InnerTextAsync()).ShouldBe("审核/立项");
        (await org.Locator("[data-testid=to-execution]").CountAsync()).ShouldBe(0); // only the platform approves

        // The budget, drafted from the project's page with its labour phased by quarter, then submitted.
        await org.ClickAsync("[data-testid=draft-budget]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var quarters = await org.Locator("[data-testid=budget-lines] thead th.text-nowrap").AllInnerTextsAsync();
        quarters.Count.ShouldBeGreaterThan(1);
        await org.SelectOptionAsync("[name=category_0]", "personnel");
        await org.FillAsync("[name=name_0]", "社工劳务");
        await org.FillAsync($"[name='q_0_{quarters[0]}']", "12000");
        await org.FillAsync($"[name='q_0_{quarters[^1]}']", "8000.50");
        await org.SelectOptionAsync("[name=category_1]", "materials");
        await org.FillAsync("[name=name_1]", "宣传物资");
        await org.FillAsync("[name=amount_1]", "1.234");
        await org.ClickAsync("[data-testid=budget-save]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Refused with the row named, nothing written, and everything typed still there to correct.
        (await org.Locator("[data-testid=form-error]").InnerTextAsync()).ShouldContain("第 2 行");
        (await org.InputValueAsync($"[name='q_0_{quarters[^1]}']")).ShouldBe("8000.50");
        await org.FillAsync("[name=amount_1]", "1500");
        await org.ClickAsync("[data-testid=budget-save]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=budget-quarters]").InnerTextAsync()).ShouldContain($"{quarters[0]} 12,000.00");
        await BrowserFixture.ScreenshotAsync(org, "92-budget-phased");
        await org.ClickAsync("[data-testid=budget-submit]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // 立项 waits for the budget: the operator approves it from the project's page, then moves the project on.
        var op = await SignedInAsync("operator");
        await op.GotoAsync(projectUrl);
        await MoveAsync(op, "execution");
        (await op.Locator("[data-testid=transition-blocked]").InnerTextAsync()).ShouldContain("项目预算待审批");
        (await op.Locator("[data-testid=project-budget]").InnerTextAsync()).ShouldContain("21,500.50");
        await op.ClickAsync("[data-testid=open-budget]");
        await op.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await op.ClickAsync("[data-testid=budget-approve]");
        await op.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await op.GotoAsync(projectUrl);
        (await op.Locator("[data-testid=project-budget]").InnerTextAsync()).ShouldContain("已批准");
        await MoveAsync(op, "execution");
        (await op.Locator("[data-testid=current-stage]").InnerTextAsync()).ShouldBe("执行");

        await org.GotoAsync(projectUrl);
        await UploadAsync(org, "midterm-report", "中期报告.pdf");
        await MoveAsync(org, "midterm");
        await MoveAsync(org, "closing");
        var blocked = await org.Locator("[data-testid=transition-blocked]").InnerTextAsync();
        blocked.ShouldContain("缺少必需的材料：结项报告");
        blocked.ShouldContain("指标未填写实际完成值");
        await BrowserFixture.ScreenshotAsync(org, "20-project-blocked");

        await UploadAsync(org, "closing-report", "结项报告.pdf");
        await UploadAsync(org, "financial-statement", "财务报表.pdf");
        await org.FillAsync("[data-testid='actual-服务人次']", "320");
        await org.ClickAsync("[data-testid=indicators] button[type=submit]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await MoveAsync(org, "closing");
        (await org.Locator("[data-testid=current-stage]").InnerTextAsync()).ShouldBe("结项评估");

        await op.GotoAsync(projectUrl);
        foreach (var (code, score) in new[] { ("delivery", "26"), ("outcomes", "27"), ("finance", "18"), ("satisfaction", "19") })
        {
            await op.FillAsync($"#score-{code}", score);
        }

        await op.ClickAsync("[data-testid=submit-evaluation]");
        await op.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await op.Locator("[data-testid=evaluation-average]").InnerTextAsync()).ShouldBe("90");
        await MoveAsync(op, "closed");
        (await op.Locator("[data-testid=current-stage]").InnerTextAsync()).ShouldBe("结项");

        var regulator = await SignedInAsync("regulator");
        await regulator.GotoAsync(projectUrl);
        var timeline = await regulator.Locator("[data-testid=timeline]").InnerTextAsync();
        timeline.ShouldContain("创建项目");
        timeline.ShouldContain("结项评估 → 结项");
        timeline.ShouldContain("阶段变更：");
        timeline.ShouldContain("结项报告 v1");
        timeline.ShouldContain("服务人次: 320");
        await BrowserFixture.ScreenshotAsync(regulator, "21-project-timeline");

        await regulator.GotoAsync("/admin/projects");
        (await regulator.Locator("[data-stage=closed]").InnerTextAsync()).ShouldContain("浏览器测试：长者助餐点");
        await BrowserFixture.ScreenshotAsync(regulator, "22-project-board");
    }

    [Fact]
    public async Task Upload_WrongContent_ShowsClearMessage()
    {
        // Its own project in intake (not whichever the board shows first: the other test moves projects along).
        string id;
        using (var api = await fixture.App.ClientAsAsync("orgadmin"))
        {
            var created = await api.PostAsJsonAsync("/api/v1/projects", new { name = "浏览器测试：上传校验", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
            created.EnsureSuccessStatusCode();
            id = created.Headers.Location!.ToString().Split('/')[^1];
        }

        var org = await SignedInAsync("orgadmin");
        await org.GotoAsync($"/admin/projects/{id}");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await org.SelectOptionAsync("[data-testid=document-type]", "plan");
        await org.SetInputFilesAsync("[data-testid=document-file]", new FilePayload { Name = "方案.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("<html>不是 PDF</html>") });
        await org.ClickAsync("[data-testid=upload]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=upload-error]").InnerTextAsync()).ShouldContain("文件内容与扩展名不符");
    }
}
