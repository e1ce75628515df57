using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Yilian.Platform.Identity;

/// <summary>Rejects principals whose server-side session was ended or went idle.</summary>
internal sealed class SessionValidationMiddleware(RequestDelegate next)
{
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
        }

        await next(context);
    }
}
