using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;

namespace Yilian.Platform.Identity;

/// <summary>
/// Accounts, sign-in and the named authorization policies of the whole back office, in one place: cookies for pages,
/// bearer tokens for the API, both behind one scheme that picks by the Authorization header.
/// </summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddYilianIdentity(this IServiceCollection services, SecurityOptions security)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "smart";
                o.DefaultChallengeScheme = "smart";
            })
            .AddPolicyScheme("smart", "cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = security.IdleTimeout)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "yilian.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = security.IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            }));

        // Every 30 minutes Identity re-creates the cookie's principal from the user (security-stamp check);
        // the session id added at sign-in must survive it, or an active user is signed out half an hour in.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(YilianClaims.SessionId) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == YilianClaims.SessionId))
            {
                identity.AddClaim(new Claim(YilianClaims.SessionId, sid.Value));
            }

            return Task.CompletedTask;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.BackOffice, p => p.RequireRole([.. Roles.BackOffice]))
            .AddPolicy(Policies.Regulator, p => p.RequireRole(Roles.Regulator))
            .AddPolicy(Policies.Operator, p => p.RequireRole(Roles.PlatformOperator, Roles.Regulator))
            .AddPolicy(Policies.AuditReader, p => p.RequireRole(Roles.Regulator));
        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
