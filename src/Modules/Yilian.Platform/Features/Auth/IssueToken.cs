using System.Security.Claims;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using Yilian.Platform.Domain;
using Yilian.Platform.Identity;

namespace Yilian.Platform.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password, string? Totp);

/// <summary>POST /api/v1/auth/token: password (+ TOTP) for a bearer token bound to a server-side session.</summary>
internal static class IssueToken
{
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> Handle(
        [FromBody] TokenRequest request, HttpContext http, LoginService logins, SignInManager<AppUser> signIn, SessionRegistry sessions, CancellationToken ct)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var outcome = await logins.CheckAsync(request.UserName, request.Password, request.Totp, ip, userAgent, allowEnrollment: false, ct);
        if (!outcome.Succeeded)
        {
            var (status, title) = outcome.Status switch
            {
                LoginStatus.RateLimited => (StatusCodes.Status429TooManyRequests, "Too many login attempts"),
                LoginStatus.TwoFactorEnrollmentRequired => (StatusCodes.Status403Forbidden, "Two-factor enrollment required"),
                _ => (StatusCodes.Status401Unauthorized, "Login failed"),
            };
            if (outcome.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(outcome.Message, statusCode: status, title: title,
                extensions: new Dictionary<string, object?> { ["reason"] = outcome.Status.ToString() });
        }

        var principal = await signIn.CreateUserPrincipalAsync(outcome.User!);
        var sessionId = await sessions.StartAsync(outcome.User!, "api", ip, userAgent, ct);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(YilianClaims.SessionId, sessionId.ToString()));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
