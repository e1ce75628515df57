using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using Yilian.Discovery.Search;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>
/// The one search box as a resident uses it on a phone: typed on the home page in characters, pinyin, initials or traditional
/// characters, it finds the elderly-care service first with the typed characters marked, and one tap opens the service with a
/// button to call; nonsense gets a message under the box. An organization's administrator adds a service in the back office,
/// and the top bar's box finds it.
/// </summary>
public sealed class SearchPagesTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private BrowserFixture Fixture => demo.Browser;

    [Fact]
    public async Task A_Resident_Finds_A_Service_However_They_Type_It_And_Calls_It()
    {
        await Fixture.App.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        var page = await Fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/");
        await page.FillAsync("[data-testid=home-search-input]", "养老");
        await page.PressAsync("[data-testid=home-search-input]", "Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var first = page.Locator("[data-testid=search-group-service] [data-testid=search-hit]").First;
        (await first.InnerTextAsync()).ShouldStartWith("养老服务站");
        (await first.Locator("mark").First.InnerTextAsync()).ShouldBe("养老");
        await BrowserFixture.ScreenshotAsync(page, "120-search-yanglao-375");

        foreach (var typed in new[] { "yanglao", "yl", "養老", "助餐" })
        {
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString(typed));
            var hits = await page.Locator("[data-testid=search-group-service] [data-testid=search-hit]").AllInnerTextsAsync();
            hits.Take(3).ShouldContain(h => h.StartsWith("养老服务站", StringComparison.Ordinal) || h.StartsWith("长者助餐点",
                StringComparison.Ordinal), typed);
        }

        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("！？"));
        (await page.Locator("[data-testid=search-error]").InnerTextAsync()).ShouldContain("没有可以查找的文字");

        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("助餐"));
        await page.Locator("[data-testid=search-group-service] [data-testid=search-hit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("h1").InnerTextAsync()).ShouldStartWith("长者助餐点");
        (await page.Locator("[data-testid=service-call]").GetAttributeAsync("href"))!.ShouldStartWith("tel:0512-");
        await BrowserFixture.ScreenshotAsync(page, "121-service-375");
    }

    [Fact]
    public async Task An_Organization_Adds_A_Service_And_The_Top_Bar_Finds_It()
    {
        var page = await Fixture.NewPageAsync();
        await new LoginPage(page).SubmitAsyncAt("orgadmin", YilianApp.DemoPassword);
        await page.GotoAsync("/admin/services/new");
        await page.FillAsync("#name", "浏览器测试：老年智能手机课堂");
        await page.SelectOptionAsync("#category", "elderly");
        await page.FillAsync("#summary", "教老人用手机挂号、视频通话和防范诈骗。");
        await page.FillAsync("#address", "邻里中心 3 楼");
        await page.FillAsync("#hours", "每周四 14:00–16:00");
        await page.FillAsync("#howToApply", "到前台报名。");
        await page.FillAsync("#contact", "0512-62345678");
        await page.FillAsync("#latitude", "abc");
        await page.ClickAsync("[data-testid=service-save]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=form-error]").InnerTextAsync()).ShouldContain("纬度");
        (await page.InputValueAsync("#summary")).ShouldBe("教老人用手机挂号、视频通话和防范诈骗。");
        await page.FillAsync("#latitude", "");
        await page.ClickAsync("[data-testid=service-save]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=services-table]").InnerTextAsync()).ShouldContain("老年智能手机课堂");

        // The index follows within moments; the top bar's box finds it by initials.
        var found = false;
        for (var attempt = 0; attempt < 40 && !found; attempt++)
        {
            await page.FillAsync("[data-testid=admin-search] input", "lnznsj");
            await page.PressAsync("[data-testid=admin-search] input", "Enter");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found = (await page.Locator("[data-testid=search-hit]").AllInnerTextsAsync()).Any(h => h.Contains("老年智能手机课堂",
                StringComparison.Ordinal));
            if (!found)
            {
                await Task.Delay(250);
            }
        }

        found.ShouldBeTrue(await page.InnerTextAsync("main"));
        await BrowserFixture.ScreenshotAsync(page, "122-admin-search");
    }
}
