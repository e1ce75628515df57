using System.Text.Json;
using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>
/// axe-core (WCAG 2 A and AA rules) on the pages residents, volunteers and staff use most: no serious or critical
/// violation. The living demo fills the pages so that lists, cards and forms are really there to check.
/// </summary>
public sealed class AccessibilityTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe-core", "axe.min.js")));

    [Fact]
    public async Task PublicAndVolunteerPages_HaveNoSeriousViolations()
    {
        var page = await demo.Browser.NewPageAsync(375, 740, bypassCsp: true);
        var problems = new List<string>();
        foreach (var path in new[] { "/", "/account/login", "/check", "/activities", "/volunteer/register", "/suggestions" })
        {
            problems.AddRange(await CheckAsync(page, path));
        }

        await page.GotoAsync("/elderly?on=true&returnUrl=/");
        problems.AddRange(await CheckAsync(page, "/"));
        problems.AddRange(await CheckAsync(page, "/check"));
        await page.GotoAsync("/elderly?on=false&returnUrl=/");

        await new LoginPage(page).SubmitAsyncAt("volunteer", YilianApp.DemoPassword);
        foreach (var path in new[] { "/volunteer/activities", "/volunteer/hours", "/volunteer/points", "/volunteer/profile" })
        {
            problems.AddRange(await CheckAsync(page, path));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task BackOfficePages_HaveNoSeriousViolations()
    {
        var page = await demo.Browser.NewPageAsync(bypassCsp: true);
        var problems = new List<string>();
        await new LoginPage(page).SubmitAsyncAt("regulator", YilianApp.DemoPassword);
        foreach (var path in new[] { "/admin", "/admin/organizations", "/admin/projects", "/admin/calendar", "/admin/relief" })
        {
            problems.AddRange(await CheckAsync(page, path));
        }

        await page.Context.ClearCookiesAsync();
        await new LoginPage(page).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        foreach (var path in new[] { "/admin", "/admin/volunteering", "/admin/volunteering/photos" })
        {
            problems.AddRange(await CheckAsync(page, path));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Axe.Value });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))");
        return result.EnumerateArray().Select(v =>
            $"{path}: {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()} — {v.GetProperty("help").GetString()} — "
            + string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))).ToList();
    }
}
