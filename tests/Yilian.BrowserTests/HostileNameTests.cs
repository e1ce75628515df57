using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>
/// A person's name is data, never code: a staff member named to break out of a quoted script does not run it when someone
/// clicks 移除, and the pages send a Content-Security-Policy that would block any inline script that slipped through.
/// </summary>
public sealed class HostileNameTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("测试'); alert('xss'); ('")]
    [InlineData("王\"); alert(\"xss\"); (\"")]
    [InlineData("李`${alert(1)}`")]
    public async Task Removing_A_Staff_Member_With_A_Hostile_Name_Asks_With_The_Name_As_Text_And_Runs_Nothing(string name)
    {
        using var orgAdmin = await fixture.App.ClientAsAsync("orgadmin");
        var org = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
        var added = await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{org}/staff", new { name, title = "干事", certificate = "None" });
        added.EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        var dialogs = new List<(string Type, string Message)>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add((dialog.Type, dialog.Message));
            await dialog.DismissAsync();
        };
        await new LoginPage(page).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        var response = await page.GotoAsync($"/admin/organizations/{org}");
        var scripts = response!.Headers["content-security-policy"].Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        scripts.ShouldBe("script-src 'self'");

        var row = page.Locator("[data-testid=staff] tr", new PageLocatorOptions { HasText = name });
        await row.Locator("[data-testid=remove-staff]").ClickAsync();
        await page.WaitForTimeoutAsync(300);

        // One question, the confirm, with the name in it as written; dismissed, so the member stays.
        dialogs.Select(d => d.Type).ShouldBe(["confirm"]);
        dialogs[0].Message.ShouldContain(name);
        (await row.CountAsync()).ShouldBe(1);
    }
}
