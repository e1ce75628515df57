using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Yilian.Platform.Features.Preferences;

/// <summary>
/// The elderly mode (适老化, after the MIIT guidance for ageing-friendly public web services): larger type, higher
/// contrast, bigger touch targets. One switch, remembered in a cookie, read by the public layout.
/// </summary>
public static class ElderlyMode
{
    public const string CookieName = "yl-elderly";

    public static bool IsOn(HttpContext? http) => http?.Request.Cookies[CookieName] == "1";

    /// <summary>GET /elderly?on=true&amp;returnUrl=/check: turns the mode on or off and goes back to the same page.</summary>
    public static RedirectHttpResult Handle(HttpContext http, bool? on, string? returnUrl)
    {
        if (on == true)
        {
            http.Response.Cookies.Append(CookieName, "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        else
        {
            http.Response.Cookies.Delete(CookieName);
        }

        return TypedResults.LocalRedirect(ReturnUrls.Local(returnUrl));
    }
}

/// <summary>Where a preference switch goes back to.</summary>
public static class ReturnUrls
{
    /// <summary>Only a path on this site: never an open redirect (nor a 500 from LocalRedirect on <c>/\\host</c>).</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
