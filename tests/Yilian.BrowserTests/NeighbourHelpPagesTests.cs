using Microsoft.Playwright;

using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>
/// Neighbour help on two phones: a resident posts an ask (first forgetting the consent, told so by the field), a neighbour answers
/// it with consent to share a phone, the resident accepts, both get a call button with the other's number and both confirm it
/// done. The community's officer takes down a reported advert in the back office.
/// </summary>
public sealed class NeighbourHelpPagesTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private BrowserFixture Fixture => demo.Browser;

    [Fact]
    public async Task A_Resident_Asks_A_Neighbour_Helps_And_Both_Confirm_It_Done()
    {
        var resident = await Fixture.NewPageAsync(375, 740);
        await new LoginPage(resident).SubmitAsyncAt("resident", YilianApp.DemoPassword);
        await resident.GotoAsync("/");
        await resident.ClickAsync("[data-testid=tile-neighbours]");
        await resident.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await resident.Locator("[data-testid=help-item]").CountAsync()).ShouldBeGreaterThan(0, "the demo community's board has posts");
        await BrowserFixture.ScreenshotAsync(resident, "140-help-board-375");

        await resident.ClickAsync("[data-testid=help-new-ask]");
        await resident.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await resident.SelectOptionAsync("#category", "digital");
        await resident.FillAsync("#title", "请人教我用手机交电费");
        await resident.FillAsync("#when", "这周任意一天下午");
        await resident.SelectOptionAsync("#regionCode", new SelectOptionValue { Index = 1 });
        await resident.FillAsync("#contact", "13912345678");
        await resident.ClickAsync("[data-testid=help-submit]");
        await resident.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await resident.Locator("[data-testid=form-error]").InnerTextAsync()).ShouldContain("同意在社区互助板上展示");
        (await resident.InputValueAsync("#title")).ShouldBe("请人教我用手机交电费");
        await resident.CheckAsync("#consent");
        await resident.ClickAsync("[data-testid=help-submit]");
        await resident.WaitForURLAsync(url => url.Contains("/neighbours/", StringComparison.Ordinal)
            && !url.EndsWith("/new", StringComparison.Ordinal));
        var postUrl = new Uri(resident.Url).AbsolutePath;
        (await resident.Locator("[data-testid=help-status]").InnerTextAsync()).ShouldContain("等待回应");

        var neighbour = await Fixture.NewPageAsync(375, 740);
        await new LoginPage(neighbour).SubmitAsyncAt("volunteer", YilianApp.DemoPassword);
        await neighbour.GotoAsync(postUrl);
        (await neighbour.Locator("[data-testid=help-call-poster]").CountAsync()).ShouldBe(0, "no phone before the poster accepts");
        await neighbour.FillAsync("#message", "我晚上有空，可以教您。");
        await neighbour.FillAsync("#contact", "13800001111");
        await neighbour.CheckAsync("#shareContact");
        await neighbour.ClickAsync("[data-testid=help-respond]");
        await neighbour.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await neighbour.Locator("[data-testid=help-my-response]").InnerTextAsync()).ShouldContain("等待对方答复");

        await resident.ReloadAsync();
        await resident.ClickAsync("[data-testid=help-accept]");
        await resident.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await resident.Locator("[data-testid=help-call-helper]").GetAttributeAsync("href")).ShouldBe("tel:13800001111");
        await resident.ClickAsync("[data-testid=help-done]");
        await resident.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await resident.Locator("[data-testid=help-waiting-done]").CountAsync()).ShouldBe(1);
        await BrowserFixture.ScreenshotAsync(resident, "141-help-matched-375");

        await neighbour.ReloadAsync();
        (await neighbour.Locator("[data-testid=help-call-poster]").GetAttributeAsync("href")).ShouldBe("tel:13912345678");
        await neighbour.ClickAsync("[data-testid=help-done]");
        await neighbour.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await neighbour.Locator("[data-testid=help-status]").InnerTextAsync()).ShouldContain("已完成");
    }

    [Fact]
    public async Task The_Community_Officer_Takes_Down_A_Reported_Advert()
    {
        var page = await Fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("officer", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/help-reports");
        var row = page.Locator("[data-testid=help-report-row]").Filter(new LocatorFilterOptions { HasText = "保健品" }).First;
        await row.Locator("input[name=note]").FillAsync("商业推销，不属于邻里互助。");
        await BrowserFixture.ScreenshotAsync(page, "142-help-reports-1280");
        await row.Locator("[data-testid=report-remove]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=help-report-row]").Filter(new LocatorFilterOptions { HasText = "保健品" }).CountAsync()).ShouldBe(0);
    }
}
