using Microsoft.Playwright;

namespace Yilian.BrowserTests;

/// <summary>Page object of the login page.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task OpenAsync(string? returnUrl = null) =>
        await page.GotoAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));

    public async Task SubmitAsync(string userName, string password)
    {
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public ILocator Error => page.Locator("[data-testid=login-error]");

    public ILocator DemoAccounts => page.Locator("[data-testid=demo-accounts]");
}

/// <summary>Page object of the back-office shell.</summary>
public sealed class AdminShell(IPage page)
{
    public ILocator Menu => page.Locator("[data-testid=admin-menu]");

    public ILocator Breadcrumbs => page.Locator("[data-testid=breadcrumbs]");

    public ILocator Title => page.Locator("h1");

    public async Task SwitchToEnglishAsync()
    {
        await page.ClickAsync("[data-testid=to-english]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task SwitchToChineseAsync()
    {
        await page.ClickAsync("[data-testid=to-chinese]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task LogoutAsync()
    {
        await page.ClickAsync("[data-testid=user-menu-toggle]");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
