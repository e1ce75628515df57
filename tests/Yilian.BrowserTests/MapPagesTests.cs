using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using Yilian.Discovery.Search;

namespace Yilian.BrowserTests;

/// <summary>
/// The charity map as a resident uses it on a phone: they allow their location, see what is near them nearest first, switch to
/// the map and tap a place, narrow to services in their community, and open one. Refusing the location leaves a way on.
/// </summary>
public sealed class MapPagesTests(LivingDemoFixture demo) : IClassFixture<LivingDemoFixture>
{
    private BrowserFixture Fixture => demo.Browser;

    [Fact]
    public async Task A_Resident_Finds_What_Is_Near_Them_On_A_Phone()
    {
        await Fixture.App.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        var page = await Fixture.NewPageAsync(375, 740);
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.33f, Longitude = 120.66f });
        await page.GotoAsync("/");
        await page.ClickAsync("[data-testid=tile-map]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=map-consent]").InnerTextAsync()).ShouldContain("不会保存");
        await page.ClickAsync("[data-testid=map-locate]");
        await page.WaitForURLAsync(url => url.Contains("lat=31.33", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=map-centre]").InnerTextAsync()).ShouldContain("您附近");
        var items = page.Locator("[data-testid=map-item]");
        (await items.CountAsync()).ShouldBe(20);
        var distances = await page.Locator("[data-map-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.distance)");
        distances.Select(Metres).ShouldBeInOrder();
        await BrowserFixture.ScreenshotAsync(page, "130-map-list-375");

        // The same places on the map: one marker each and one for "you are here"; a tap opens the place's name as a link.
        await page.ClickAsync("[data-testid=map-show-map]");
        (await page.Locator("[data-testid=map-canvas]").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("[data-testid=map-list]").IsVisibleAsync()).ShouldBeFalse();
        var markers = page.Locator("[data-testid=map-canvas] path.leaflet-interactive");
        (await markers.CountAsync()).ShouldBe(21);
        await markers.Nth(1).DispatchEventAsync("click");
        (await page.Locator(".leaflet-popup-content a").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await BrowserFixture.ScreenshotAsync(page, "131-map-canvas-375");

        // Services only, in a chosen community: the list follows, and one tap opens the service.
        await page.ClickAsync("[data-testid=map-show-list]");
        await page.ClickAsync("label[for=kind-service]");
        var community = await page.Locator("[data-testid=map-community] option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("[data-testid=map-community]", community!);
        await page.WaitForURLAsync(url => url.Contains("community=" + community, StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=map-centre]").InnerTextAsync()).ShouldContain("附近");
        var kinds = await page.Locator("[data-map-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)");
        kinds.ShouldNotBeEmpty();
        kinds.ShouldAllBe(k => k == "service");
        await page.Locator("[data-testid=map-item]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("[data-testid=service-call]").GetAttributeAsync("href"))!.ShouldStartWith("tel:");
    }

    [Fact]
    public async Task Refusing_The_Location_Leaves_The_Community_Choice()
    {
        var page = await Fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/map");
        await page.ClickAsync("[data-testid=map-locate]");
        await page.Locator("#yl-locate-status").Filter(new LocatorFilterOptions { HasText = "选择一个社区" }).WaitForAsync();
        (await page.Locator("[data-testid=map-start]").InnerTextAsync()).ShouldContain("选择您所在的社区");

        await page.GotoAsync("/map?lat=95&lng=120.6");
        (await page.Locator("[data-testid=map-error]").InnerTextAsync()).ShouldContain("纬度须是");
    }

    private static double Metres(string distance) => distance.EndsWith(" 公里", StringComparison.Ordinal)
        ? double.Parse(distance[..^3], System.Globalization.CultureInfo.InvariantCulture) * 1000
        : double.Parse(distance[..^2], System.Globalization.CultureInfo.InvariantCulture);
}
