using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Yilian.Platform.Identity;

/// <summary>Rejects principals whose server-side session was ended or went idle.</summary>
internal sealed class SessionValidationMiddleware(RequestDelegate next)
{
    private static bool MayPassWithoutTwoFactor(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/healthz") || Path.HasExtension(path.Value);

    public async Task InvokeAsync(HttpContext context, SessionRegistry sessions)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var sid = context.User.FindFirstValue(YilianClaims.SessionId);
            if (!Guid.TryParse(sid, out var sessionId) || !await sessions.ValidateAsync(sessionId, context.RequestAborted))
            {
                if (context.User.Identity.AuthenticationType == IdentityConstants.ApplicationScheme)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (context.User.HasClaim(c => c.Type == YilianClaims.MustEnrollTwoFactor) && !MayPassWithoutTwoFactor(context.Request.Path))
            {
                // Roles that must use two-factor login reach nothing but the enrolment page until they have it.
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect("/account/two-factor");
                return;
            }
        }

        await next(context);
    }
}
