using System.Text;
using Microsoft.Playwright;

using Yilian.SharedKernel.Identifiers;

namespace Yilian.BrowserTests;

/// <summary>
/// Issue 6 "done when": a resident answers the self-check on a phone and sees two policies with the reasons;
/// an operator imports two departments' files and runs a screening; a case worker closes one lead with an outcome.
/// </summary>
public sealed class ReliefTests : IAsyncLifetime
{
    private readonly BrowserFixture _fixture = new();

    static ReliefTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private static string Id(string birth, int sequence)
    {
        var first17 = $"320571{birth}{sequence:000}";
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task Resident_Self_Check_Then_Import_Screen_And_Close_A_Lead()
    {
        // The resident: 85, a veteran, living in the district on 3,000 a month per person, no disability.
        var truth = new Dictionary<string, string[]>
        {
            ["household.registration_region"] = ["320571000000"], ["person.birth_date"] = ["1941-05-02"], ["person.special_status"] = ["veteran"],
            ["household.per_capita_income"] = ["3000"], ["household.per_capita_assets"] = ["80000"], ["household.owns_vehicle"] = ["false"],
            ["person.disability_type"] = [], ["person.disability_grade"] = [""], ["person.long_term_care_need"] = ["false"], ["person.has_supporter"] = ["true"],
            ["person.severe_illness"] = ["false"], ["person.employment"] = ["retired"], ["person.schooling"] = ["none"], ["household.housing_area_per_capita"] = ["45"],
            ["household.dangerous_housing"] = ["false"], ["household.sudden_hardship"] = ["false"], ["household.size"] = ["2"],
        };
        var phone = await _fixture.NewPageAsync(375, 800);
        await phone.GotoAsync("/check");
        for (var asked = 0; await phone.Locator("[data-testid=check-done]").CountAsync() == 0; asked++)
        {
            asked.ShouldBeLessThan(16);
            var attribute = (await phone.Locator("[data-testid=check-question] input[name=answered]").Last.GetAttributeAsync("value"))!;
            var value = truth[attribute];
            if (asked == 1)
            {
                (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
                await BrowserFixture.ScreenshotAsync(phone, "53-self-check-question-phone");
            }

            if (await phone.Locator("[data-testid=answer-choices]").CountAsync() > 0)
            {
                foreach (var code in value)
                {
                    await phone.CheckAsync($"[data-testid=choice-{code}]");
                }
            }
            else if (await phone.Locator("[data-testid=answer-yes]").CountAsync() > 0)
            {
                await phone.CheckAsync(value[0] == "true" ? "[data-testid=answer-yes]" : "[data-testid=answer-no]");
            }
            else if (await phone.Locator("select[data-testid=answer]").CountAsync() > 0)
            {
                await phone.SelectOptionAsync("select[data-testid=answer]", value[0]);
            }
            else
            {
                await phone.FillAsync("[data-testid=answer]", value[0]);
            }

            await phone.ClickAsync("[data-testid=next]");
            await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var eligible = phone.Locator("[data-testid=eligible]");
        (await eligible.CountAsync()).ShouldBe(2);
        var text = await phone.Locator("[data-testid=self-check]").InnerTextAsync();
        text.ShouldContain("高龄老人尊老金");
        text.ShouldContain("退役士兵定期生活补助");
        (await eligible.First.Locator("[data-testid=eligible-reasons] li").CountAsync()).ShouldBeGreaterThan(0);
        (await eligible.First.InnerTextAsync()).ShouldContain("年龄 85 周岁，符合");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await BrowserFixture.ScreenshotAsync(phone, "54-self-check-result-phone");
        await phone.FillAsync("[data-testid=contact-form] input[name=name]", "陈阿婆");
        await phone.FillAsync("[data-testid=contact-form] input[name=phone]", "13912345678");
        await phone.ClickAsync("[data-testid=contact-form] button[type=submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=check-error]").InnerTextAsync()).ShouldContain("需要您同意"); // nothing kept without consent
        await phone.GoBackAsync();
        await phone.FillAsync("[data-testid=contact-form] input[name=name]", "陈阿婆");
        await phone.FillAsync("[data-testid=contact-form] input[name=phone]", "13912345678");
        await phone.SelectOptionAsync("[data-testid=contact-community]", "320571001001");
        await phone.CheckAsync("[data-testid=contact-form] input[name=consent]");
        await phone.ClickAsync("[data-testid=contact-form] button[type=submit]");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await phone.Locator("[data-testid=contact-saved]").InnerTextAsync()).ShouldContain("救助管家");

        // The operator imports the household registration (UTF-8) and civil affairs (GBK) files, then screens.
        var zhang = Id("19500101", 11);
        var zhao = Id("19460701", 44);
        var desk = await _fixture.NewPageAsync();
        var login = new LoginPage(desk);
        await login.OpenAsync();
        await login.SubmitAsync("operator", Yilian.Testing.YilianApp.DemoPassword);
        await desk.GotoAsync("/admin/relief");
        (await desk.Locator("[data-testid=import-form]").CountAsync()).ShouldBe(1, (await desk.ContentAsync())[..Math.Min(3000, (await desk.ContentAsync()).Length)] + string.Join("\n", _fixture.App.Logs.Where(l => l.Contains("xception")).Take(3).Select(l => l[..Math.Min(l.Length, 1500)])));
        // A file with a wrong check character is refused whole, naming the row, on the page.
        await ImportAsync(desk, "public_security", "有误.csv",
            Encoding.UTF8.GetBytes($"身份证号,姓名,户号,户籍地区划代码\n{zhang},张伟,H001,320571001001\n{zhao[..17]}{(zhao[17] == '1' ? '2' : '1')},赵丽,H003,320571001001\n"));
        (await desk.Locator("[data-testid=relief-error]").InnerTextAsync()).ShouldContain("第 3 行：身份证号校验位不正确");
        (await desk.Locator("[data-testid=relief-error]").InnerTextAsync()).ShouldContain("未导入任何数据");
        await ImportAsync(desk, "public_security", "公安户籍.csv",
            Encoding.UTF8.GetBytes($"身份证号,姓名,户号,户籍地区划代码,与户主关系\n{zhang},张伟,H001,320571001001,户主\n{zhao},赵丽,H003,320571001001,户主\n"));
        (await desk.Locator("[data-testid=import-result]").InnerTextAsync()).ShouldContain("新增居民 2 人");
        await ImportAsync(desk, "civil_affairs", "民政.csv",
            Encoding.GetEncoding(936).GetBytes($"身份证号,特殊身份,家庭人均月收入,家庭人均金融资产,拥有机动车,有赡养人\n{zhang},,900,5000,否,否\n{zhao},,3000,90000,否,是\n"));
        (await desk.Locator("[data-testid=import-result]").InnerTextAsync()).ShouldContain("GB18030");
        await desk.ClickAsync("[data-testid=run-screening]");
        for (var i = 0; i < 100 && (await desk.Locator("[data-testid=run-status]").AllInnerTextsAsync()).Any(s => s == "进行中"); i++)
        {
            await Task.Delay(300);
            await desk.ReloadAsync();
        }

        (await desk.Locator("[data-testid=run-status]").First.InnerTextAsync()).ShouldBe("完成");
        (await desk.Locator("[data-testid=candidates]").InnerTextAsync()).ShouldContain("特困人员救助供养");
        await BrowserFixture.ScreenshotAsync(desk, "55-relief-operator-screening");

        // The community's case worker opens the lead, reads why, and records the outcome.
        var worker = await _fixture.NewPageAsync();
        var workerLogin = new LoginPage(worker);
        await workerLogin.OpenAsync();
        await workerLogin.SubmitAsync("officer", Yilian.Testing.YilianApp.DemoPassword);
        await worker.GotoAsync("/admin/relief");
        (await worker.Locator("[data-testid=contact-requests]").InnerTextAsync()).ShouldContain("陈阿婆"); // the resident who asked to be called
        await worker.GotoAsync("/admin/relief?status=Open");
        await worker.Locator("[data-testid=candidate-row]", new PageLocatorOptions { HasText = "特困人员救助供养" }).Locator("[data-testid=candidate-open]").ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await worker.Locator("[data-testid=trace]").InnerTextAsync()).ShouldContain("来源：民政");
        // Takes it on, so nobody else calls the same family; the operator's list then names who follows it up.
        await worker.ClickAsync("[data-testid=claim-button]");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await worker.Locator("[data-testid=claim]").InnerTextAsync()).ShouldContain("我在跟进");
        await BrowserFixture.ScreenshotAsync(worker, "56-case-worker-lead");
        await desk.GotoAsync("/admin/relief?assigned=none");
        (await desk.Locator("[data-testid=candidates]").InnerTextAsync()).ShouldNotContain("特困人员救助供养");
        // The operator may hand an unclaimed lead to one of its community's case workers.
        await desk.Locator("[data-testid=candidate-open]").First.ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var choices = await desk.Locator("[data-testid=assign-worker] option").AllInnerTextsAsync();
        choices.ShouldNotBeEmpty();
        await desk.ClickAsync("[data-testid=assign-submit]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=claimed-by]").InnerTextAsync()).ShouldContain(choices[0]);
        await worker.SelectOptionAsync("[data-testid=outcome-status]", "Applied");
        await worker.FillAsync("[data-testid=outcome-note]", "已上门核实，协助提交特困供养申请");
        await worker.ClickAsync("[data-testid=outcome-submit]");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await worker.Locator("[data-testid=candidate-status]").InnerTextAsync()).ShouldBe("已申请");
        (await worker.Locator("[data-testid=outcome-closed]").InnerTextAsync()).ShouldContain("协助提交特困供养申请");
        await BrowserFixture.ScreenshotAsync(worker, "57-case-worker-closed");

        // Any resident of the community can be checked against every policy by ID number.
        await worker.GotoAsync("/admin/relief/residents");
        await worker.FillAsync("[data-testid=lookup-id]", zhang);
        await worker.ClickAsync("[data-testid=lookup-submit]");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await worker.Locator("[data-testid=lookup-result]").InnerTextAsync()).ShouldContain("张*");
        (await worker.Locator("[data-testid=policy-outcome]").CountAsync()).ShouldBe(28);
        await worker.Locator("[data-testid=policy-outcome] summary").First.ClickAsync();
        await BrowserFixture.ScreenshotAsync(worker, "58-case-worker-resident-check");
        await worker.FillAsync("[data-testid=lookup-id]", zhang[..17] + (zhang[17] == '1' ? "2" : "1"));
        await worker.ClickAsync("[data-testid=lookup-submit]");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await worker.Locator("[data-testid=lookup-error]").InnerTextAsync()).ShouldContain("校验位");
    }

    [Fact]
    public async Task Operator_Maps_A_Departments_Own_File_On_The_Page_Imports_It_And_Retires_A_Sample_Policy()
    {
        var desk = await _fixture.NewPageAsync();
        var login = new LoginPage(desk);
        await login.OpenAsync();
        await login.SubmitAsync("operator", Yilian.Testing.YilianApp.DemoPassword);
        await desk.GotoAsync("/admin/relief");
        await ImportAsync(desk, "public_security", "公安户籍.csv",
            Encoding.UTF8.GetBytes($"身份证号,姓名,户号,户籍地区划代码,与户主关系\n{Id("19500101", 11)},张伟,HX01,320571001001,户主\n"));
        (await desk.Locator("[data-testid=import-result]").InnerTextAsync()).ShouldContain("新增居民 1 人");

        // The housing bureau's export, keyed by household, with its own headers and 1/0: refused as it stands...
        var housing = Encoding.UTF8.GetBytes("户号,人均建筑面积,危房鉴定,经办人\nHX01,12,1,王某\n");
        await ImportAsync(desk, "housing", "住建.csv", housing);
        (await desk.Locator("[data-testid=relief-error]").InnerTextAsync()).ShouldContain("缺少必需的列");

        // ...so the operator maps it from its first rows: every column gets a suggestion with its reason.
        await desk.ClickAsync("[data-testid=mapping-link]");
        await desk.SelectOptionAsync("#department", "housing");
        await desk.SetInputFilesAsync("#file", new FilePayload { Name = "住建.csv", MimeType = "text/csv", Buffer = housing });
        await desk.ClickAsync("[data-testid=mapping-read-submit]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid='column-户号'] select").InputValueAsync()).ShouldBe("household");
        (await desk.Locator("[data-testid='column-人均建筑面积'] select").InputValueAsync()).ShouldBe("household.housing_area_per_capita");
        (await desk.Locator("[data-testid='column-危房鉴定'] select").InputValueAsync()).ShouldBe("household.dangerous_housing");
        (await desk.Locator("[data-testid='column-经办人'] select").InputValueAsync()).ShouldBe("ignore");
        (await desk.Locator("input[name=Keyed][value=household]").IsCheckedAsync()).ShouldBeTrue();
        (await desk.Locator("[data-testid=mapping-clean]").CountAsync()).ShouldBe(1);
        await BrowserFixture.ScreenshotAsync(desk, "59-mapping-builder");
        var phone = await _fixture.NewPageAsync(375, 800);
        await new LoginPage(phone).OpenAsync();
        await new LoginPage(phone).SubmitAsync("operator", Yilian.Testing.YilianApp.DemoPassword);
        await phone.GotoAsync("/admin/policies/mapping");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // Mapping the area column away makes the required fact missing: said on the page, nothing saved.
        await desk.SelectOptionAsync("[data-testid='column-人均建筑面积'] select", "ignore");
        await desk.ClickAsync("button[name=Action][value=check]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=mapping-problems]").InnerTextAsync()).ShouldContain("人均住房面积");
        await desk.SelectOptionAsync("[data-testid='column-人均建筑面积'] select", "household.housing_area_per_capita");
        await desk.ClickAsync("[data-testid=mapping-save]");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=mapping-saved]").InnerTextAsync()).ShouldContain("数据字典第");

        // The same file now imports as it came, the unused column reported.
        await desk.GotoAsync("/admin/relief");
        await ImportAsync(desk, "housing", "住建.csv", housing);
        var imported = await desk.Locator("[data-testid=import-result]").InnerTextAsync();
        imported.ShouldContain("经办人");

        // The operator retires a shipped sample on the policies page; it is listed as retired.
        await desk.GotoAsync("/admin/policies");
        var form = desk.Locator("[data-testid=retire-college-freshman-grant]");
        await form.Locator("input[name=note]").FillAsync("本区以自定政策替代");
        await form.Locator("button").ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await desk.Locator("[data-testid=retired]").InnerTextAsync()).ShouldContain("本区以自定政策替代");
        (await desk.Locator("[data-testid=retire-college-freshman-grant]").CountAsync()).ShouldBe(0);
    }

    private static async Task ImportAsync(IPage page, string department, string name, byte[] content)
    {
        await page.SelectOptionAsync("[data-testid=import-department]", department);
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.ClickAsync("[data-testid=import-submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
