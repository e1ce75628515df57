using Microsoft.Playwright;
using Yilian.Testing;

namespace Yilian.BrowserTests;

/// <summary>One Yilian host on a real port and one headless Chromium per test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Extra configuration for the host; set before <see cref="InitializeAsync"/>.</summary>
    public IDictionary<string, string?>? Settings { get; init; }

    public YilianApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>The folder holding Yilian.slnx above the test binaries; null when the tests run elsewhere.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yilian.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName;
        }
    }

    public static string ScreenshotDirectory
    {
        get
        {
            var path = Path.Combine(RepositoryRoot ?? Path.GetTempPath(), "test-results", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        App = await YilianApp.StartAsync(Databases.Sqlite, Settings, kestrel: true);
        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("YILIAN_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <param name="bypassCsp">Only for tests that inject their own script (axe-core): the product's policy refuses inline scripts.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // Yilian must stay Chinese unless the user chooses otherwise.
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
