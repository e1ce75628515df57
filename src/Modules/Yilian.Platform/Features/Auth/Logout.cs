using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

using Yilian.Platform.Identity;

namespace Yilian.Platform.Features.Auth;

internal static class Logout
{
    /// <summary>POST /account/logout (form, antiforgery checked) and POST /api/v1/auth/logout.</summary>
    public static async Task<IResult> Handle(HttpContext http, SessionRegistry sessions, CancellationToken ct)
    {
        if (Guid.TryParse(http.User.FindFirstValue(YilianClaims.SessionId), out var sid))
        {
            await sessions.EndAsync(sid, http.User.Identity?.Name ?? "self", ct);
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return http.Request.Path.StartsWithSegments("/api") ? TypedResults.NoContent() : TypedResults.LocalRedirect("/");
    }
}

internal static class SetCulture
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    /// <summary>GET /culture?c=en&amp;returnUrl=/admin: remembers the choice in the culture cookie.</summary>
    public static RedirectHttpResult Handle(HttpContext http, string? c, string? returnUrl)
    {
        var culture = Supported.Contains(c) ? c! : Supported[0];
        http.Response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return TypedResults.LocalRedirect(Preferences.ReturnUrls.Local(returnUrl));
    }
}
