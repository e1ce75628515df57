using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>The elderly mode and language switches: remembered in cookies, back to the same local page, never elsewhere.</summary>
public sealed class PreferencesTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/check?answered=household.registration_region&a.household.registration_region=320571001001", "/check?answered=household.registration_region&a.household.registration_region=320571001001")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    public async Task ElderlyAndCulture_ReturnUrl_GoesBackOnlyToALocalPage(string returnUrl, string expected)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/elderly?on=true&returnUrl=", "/culture?c=en&returnUrl=" })
        {
            var response = await client.GetAsync(url + Uri.EscapeDataString(returnUrl));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task ElderlyMode_OnThenOff_SetsAndClearsTheCookieAndThePageClass()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.GetStringAsync("/")).ShouldNotContain("yl-elderly\"");
        var on = await client.GetAsync("/elderly?on=true&returnUrl=%2F");
        on.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("yl-elderly=1", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        (await client.GetStringAsync("/")).ShouldContain("yl-public yl-elderly");
        await client.GetAsync("/elderly?on=false&returnUrl=%2F");
        (await client.GetStringAsync("/")).ShouldNotContain("yl-public yl-elderly");
    }
}
