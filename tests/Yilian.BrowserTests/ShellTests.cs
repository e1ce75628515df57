using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Login_AsDemoRegulator_SeesChineseBackOfficeShell()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        (await login.DemoAccounts.InnerTextAsync()).ShouldContain("regulator");
        await BrowserFixture.ScreenshotAsync(page, "01-login");

        await login.SubmitAsync("regulator", YilianApp.DemoPassword);
        page.Url.ShouldEndWith("/admin");
        var shell = new AdminShell(page);
        var menu = await shell.Menu.InnerTextAsync();
        menu.ShouldContain("社会组织");
        menu.ShouldContain("审计日志");
        (await shell.Breadcrumbs.InnerTextAsync()).ShouldContain("工作台");
        (await page.Locator("[data-testid=scope]").InnerTextAsync()).ShouldContain("苏州工业园区");
        await BrowserFixture.ScreenshotAsync(page, "02-admin-dashboard-zh");

        await page.ClickAsync("text=社会组织");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=org-table] tbody tr").CountAsync()).ShouldBe(15);
        await BrowserFixture.ScreenshotAsync(page, "03-organizations");
        await page.SelectOptionAsync("[data-testid=street-filter]", "320571002000");
        await page.ClickAsync("[data-testid=org-filter] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=org-table] tbody tr, .alert-info").CountAsync()).ShouldBeLessThan(15);

        await page.GotoAsync("/admin/audit");
        (await page.Locator("[data-testid=audit-table] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await page.ClickAsync("[data-testid=audit-verify]");
        (await page.Locator("[data-testid=audit-verification]").InnerTextAsync()).ShouldContain("完整");
        await BrowserFixture.ScreenshotAsync(page, "04-audit");
    }

    [Fact]
    public async Task SwitchLanguage_ToEnglishAndBack_AndLogout()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("operator", YilianApp.DemoPassword);
        var shell = new AdminShell(page);

        await shell.SwitchToEnglishAsync();
        (await shell.Menu.InnerTextAsync()).ShouldContain("Organizations");
        (await shell.Title.InnerTextAsync()).ShouldBe("Dashboard");
        await BrowserFixture.ScreenshotAsync(page, "05-admin-dashboard-en");
        await shell.SwitchToChineseAsync();
        (await shell.Menu.InnerTextAsync()).ShouldContain("社会组织");

        await shell.LogoutAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.Locator("[data-testid=login-link]").IsVisibleAsync()).ShouldBeTrue();
        await page.GotoAsync("/admin");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task LockedOutAccount_SeesTheSameMessageAsAnUnknownName()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await login.SubmitAsync("resident", "Wrong-pass-" + i);
        }

        // The page says what any failed sign-in says (a locked account is not revealed to whoever typed the name) …
        await login.SubmitAsync("resident", YilianApp.DemoPassword);
        var locked = await login.Error.InnerTextAsync();
        locked.ShouldContain("锁定");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
        await login.SubmitAsync("no-such-person", "Wrong-pass-0");
        (await login.Error.InnerTextAsync()).ShouldBe(locked);
        await BrowserFixture.ScreenshotAsync(page, "06-locked-out");
    }

    [Fact]
    public async Task OrgAdmin_OpeningAnotherOrganizationByUrl_Gets404()
    {
        using var regulator = await fixture.App.ClientAsAsync("regulator");
        using var orgAdmin = await fixture.App.ClientAsAsync("orgadmin");
        var own = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
        var otherOrg = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=50")).GetProperty("items")
            .EnumerateArray().First(o => o.GetProperty("id").GetString() != own);
        var other = otherOrg.GetProperty("id").GetString();
        var otherName = otherOrg.GetProperty("name").GetString()!;

        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        var ownResponse = await page.GotoAsync($"/admin/organizations/{own}");
        ownResponse!.Status.ShouldBe(200);
        (await page.Locator("[data-testid=org-name]").IsVisibleAsync()).ShouldBeTrue();

        var response = await page.GotoAsync($"/admin/organizations/{other}");
        response!.Status.ShouldBe(404);
        (await page.Locator("[data-testid=not-found]").InnerTextAsync()).ShouldContain("不在您的数据权限范围内");
        (await page.ContentAsync()).ShouldNotContain(otherName);
        await BrowserFixture.ScreenshotAsync(page, "07-out-of-scope-404");
    }

    [Fact]
    public async Task PublicHome_OnA375PxPhone_FitsTheScreen()
    {
        var page = await fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("益联");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserFixture.ScreenshotAsync(page, "08-public-home-375");
    }
}

internal static class LoginPageExtensions
{
    public static async Task SubmitAsyncAt(this LoginPage login, string userName, string password)
    {
        await login.OpenAsync();
        await login.SubmitAsync(userName, password);
    }
}

/// <summary>With two-factor required, a regulator must enrol before using the back office.</summary>
public sealed class TwoFactorEnrollmentTests : IAsyncLifetime
{
    private readonly BrowserFixture _fixture = new() { Settings = new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "true" } };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Regulator_MustEnrol_ThenSignsInWithCode()
    {
        var page = await _fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("regulator", YilianApp.DemoPassword);
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/two-factor");
        (await page.Locator("[data-testid=must-enroll]").IsVisibleAsync()).ShouldBeTrue();

        await page.GotoAsync("/admin/audit");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/two-factor");
        await BrowserFixture.ScreenshotAsync(page, "09-two-factor-enrol");

        var key = (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.FillAsync("#code", new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.ClickAsync("[data-testid=enable-two-factor]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=two-factor-on]").IsVisibleAsync()).ShouldBeTrue();

        await page.GotoAsync("/admin/audit");
        new Uri(page.Url).AbsolutePath.ShouldBe("/admin/audit");
    }
}

public sealed class UserFormTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NewAccountForm_ShowsFieldMessagesInChinese_ThenCreates()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("operator", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/users/new");

        await page.FillAsync("#userName", "有 空格");
        await page.FillAsync("#displayName", "<b>张三</b>");
        await page.FillAsync("#password", "P@ssw0rd1");
        await page.SelectOptionAsync("#role", "Volunteer");
        await page.SelectOptionAsync("#scope", "Self");
        await page.ClickAsync("[data-testid=save-user]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var messages = await page.Locator(".validation-message").AllInnerTextsAsync();
        messages.ShouldContain(m => m.Contains("用户名只能包含"));
        messages.ShouldContain(m => m.Contains("尖括号"));
        await BrowserFixture.ScreenshotAsync(page, "10-new-account-errors");

        await page.FillAsync("#userName", "li.volunteer");
        await page.FillAsync("#displayName", "李志愿");
        await page.FillAsync("#password", "P@ssw0rd1");
        await page.ClickAsync("[data-testid=save-user]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator(".validation-message").AllInnerTextsAsync()).ShouldContain(m => m.Contains("太常见"));

        await page.FillAsync("#password", "Gx7-tree-lamp");
        await page.ClickAsync("[data-testid=save-user]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=user-created]").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("[data-testid=users-table]").InnerTextAsync()).ShouldContain("li.volunteer");
        await BrowserFixture.ScreenshotAsync(page, "11-accounts");
    }
}

public sealed class OrganizationImportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task<byte[]> SheetAsync(params (string Name, string Code)[] rows)
    {
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows.Select(r => new Dictionary<string, object?>
        {
            ["组织名称"] = r.Name, ["统一社会信用代码"] = r.Code, ["组织类型"] = "社会团体", ["所在社区"] = "湖东社区",
        }));
        return stream.ToArray();
    }

    [Fact]
    public async Task Operator_ImportsASheet_BadRowsNamedFirst()
    {
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("operator", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/organizations");
        var code = Yilian.SharedKernel.Seeding.FakeChinese.CreditCode(new Random(77), '1', "320571");

        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = "orgs.xlsx", MimeType = "application/octet-stream", Buffer = await SheetAsync(("园区页面导入协会", code), ("坏行", "123")) });
        await page.ClickAsync("[data-testid=import]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=import-error]").InnerTextAsync()).ShouldContain("第 3 行");
        await BrowserFixture.ScreenshotAsync(page, "12-import-errors");

        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload { Name = "orgs.xlsx", MimeType = "application/octet-stream", Buffer = await SheetAsync(("园区页面导入协会", code)) });
        await page.ClickAsync("[data-testid=import]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=import-done]").InnerTextAsync()).ShouldContain("已导入 1 家组织");
    }
}

public sealed class IncubationPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Mentor_SeesIncubatedOrganization_AndLeavesAdvice()
    {
        using var op = await fixture.App.ClientAsAsync("operator");
        using var orgAdmin = await fixture.App.ClientAsAsync("orgadmin2");
        var orgId = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
        var incubator = await op.PostAsJsonAsync("/api/v1/incubators", new { name = "园区社会组织发展中心", kind = "Platform" });
        var incubatorId = incubator.Headers.Location!.ToString().Split('/')[^1];
        (await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = orgId, steward = "operator", mentors = new[] { "mentor" } }))
            .EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("mentor", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/incubation");
        (await page.Locator("[data-testid=incubation]").CountAsync()).ShouldBe(1);
        await page.FillAsync("[data-testid=note-text]", "建议建立项目台账，按月归档活动照片。");
        await page.ClickAsync("[data-testid=add-note]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=incubation]").InnerTextAsync()).ShouldContain("按月归档活动照片");
        await BrowserFixture.ScreenshotAsync(page, "23-incubation");

        await page.GotoAsync("/admin/organizations");
        (await page.Locator("[data-testid=org-table] tbody tr").CountAsync()).ShouldBe(1);
    }
}

/// <summary>Its own host: the incubations it makes must not show up in other tests.</summary>
public sealed class IncubationSetupPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_SetsUpAnIncubatorAndIncubatesFromThePage()
    {
        using var orgAdmin = await fixture.App.ClientAsAsync("orgadmin");
        var code = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("creditCode").GetString()!;
        var page = await fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("operator", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/incubation");
        await page.FillAsync("[data-testid=incubator-name]", "斜塘街道社工站");
        await page.ClickAsync("[data-testid=create-incubator]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.SelectOptionAsync("[data-testid=incubator-select]", new SelectOptionValue { Label = "斜塘街道社工站" });
        await page.FillAsync("[data-testid=incubate-code]", code);
        await page.FillAsync("[data-testid=incubate-steward]", "mentor");
        await page.ClickAsync("[data-testid=incubate]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=setup-error]").InnerTextAsync()).ShouldContain("专属管家");

        await page.SelectOptionAsync("[data-testid=incubator-select]", new SelectOptionValue { Label = "斜塘街道社工站" });
        await page.FillAsync("[data-testid=incubate-code]", code);
        await page.FillAsync("[data-testid=incubate-steward]", "operator");
        await page.FillAsync("[data-testid=incubate-mentors]", "mentor");
        await page.ClickAsync("[data-testid=incubate]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=setup-error]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=incubation]").AllInnerTextsAsync()).ShouldContain(t => t.Contains("斜塘街道社工站"));
    }
}

public sealed class OrganizationEditPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OrgAdmin_EditsProfile_RenameWaitsForRegulator_WhoApproves()
    {
        var org = await fixture.NewPageAsync();
        await new LoginPage(org).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        await org.GotoAsync("/admin/organizations");
        await org.Locator("[data-testid=org-table] tbody a").First.ClickAsync();
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var profileUrl = new Uri(org.Url).AbsolutePath;
        await org.ClickAsync("[data-testid=edit-org]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await org.FillAsync("#address", "苏州工业园区星湖街 999 号");
        await org.FillAsync("#name", "园区浏览器改名社工服务中心");
        await org.ClickAsync("[data-testid=save-org]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=saved]").InnerTextAsync()).ShouldContain("已提交民政审核");
        (await org.ContentAsync()).ShouldContain("星湖街 999 号");
        (await org.Locator("[data-testid=org-name]").InnerTextAsync()).ShouldNotBe("园区浏览器改名社工服务中心");

        var regulator = await fixture.NewPageAsync();
        await new LoginPage(regulator).SubmitAsyncAt("regulator", YilianApp.DemoPassword);
        await regulator.GotoAsync("/admin/organizations/changes");
        (await regulator.Locator("[data-testid=change]").InnerTextAsync()).ShouldContain("园区浏览器改名社工服务中心");
        await BrowserFixture.ScreenshotAsync(regulator, "13-registration-review");
        await regulator.ClickAsync("[data-testid=approve]");
        await regulator.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await regulator.Locator("[data-testid=no-changes]").IsVisibleAsync()).ShouldBeTrue();

        await org.GotoAsync(profileUrl);
        (await org.Locator("[data-testid=org-name]").InnerTextAsync()).ShouldBe("园区浏览器改名社工服务中心");

        await org.FillAsync("[data-testid=staff-name]", "沈督导");
        await org.SelectOptionAsync("[data-testid=staff-certificate]", "Senior");
        await org.ClickAsync("[data-testid=add-staff]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=staff-error]").InnerTextAsync()).ShouldContain("证书编号");
        await org.FillAsync("[data-testid=staff-name]", "沈督导");
        await org.SelectOptionAsync("[data-testid=staff-certificate]", "Senior");
        await org.FillAsync("[data-testid=staff-number]", "SSW2026001");
        await org.ClickAsync("[data-testid=add-staff]");
        await org.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await org.Locator("[data-testid=staff]").InnerTextAsync()).ShouldContain("高级社会工作师 SSW2026001");
        await BrowserFixture.ScreenshotAsync(org, "14-organization-profile");
    }
}
