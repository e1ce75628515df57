using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Auditing;
using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Features.Audit;
using Yilian.Platform.Features.Auth;
using Yilian.Platform.Features.Dictionaries;
using Yilian.Platform.Features.Regions;
using Yilian.Platform.Features.Sessions;
using Yilian.Platform.Identity;
using Yilian.Platform.Seeding;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Platform;

public static class PlatformModule
{
    public static IHostApplicationBuilder AddPlatformModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddHttpContextAccessor();
        services.AddScoped<IActAs, ActAs>();
        services.AddScoped<Features.Workbench.Workbench>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IDataScopeProvider, HttpDataScopeProvider>();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IWorkbenchSource, Features.Notifications.NotificationsWorkbench>();
        services.AddSingleton<AuditSignal>();
        services.AddScoped<IInterceptor, AuditInterceptor>();
        services.AddSingleton<AuditChain>();
        services.AddHostedService<AuditSealerService>();
        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Module);

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

        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionRegistry>();
        services.AddScoped<LoginService>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<IRegionDirectory>(sp => sp.GetRequiredService<RegionQueries>());
        services.AddScoped<DictionaryAdmin>();
        services.AddScoped<Features.Notifications.NotificationOutbox>();
        services.AddScoped<INotificationOutbox>(sp => sp.GetRequiredService<Features.Notifications.NotificationOutbox>());
        services.AddSingleton<INotificationSender, Features.Notifications.LogSmsSender>();
        services.AddScoped<IDictionaries>(sp => sp.GetRequiredService<DictionaryAdmin>());
        services.AddScoped<SearchAudit>();
        services.AddScoped<OnlineSessions>();
        services.AddScoped<RegionImporter>();
        services.AddScoped<ISeedStep, RegionSeedStep>();
        services.AddScoped<ISeedStep, AccountSeedStep>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<Features.Users.UserAdmin>();
        services.AddScoped<IIdempotencyFilter, Features.Idempotency.IdempotencyFilter>();
        return builder;
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

    public static IApplicationBuilder UsePlatformSessions(this IApplicationBuilder app) =>
        app.Use((http, next) =>
            {
                // The idempotency filter hashes the body after binding has read it.
                if (http.Request.Headers.ContainsKey(IdempotencyEndpointExtensions.Header))
                {
                    http.Request.EnableBuffering();
                }

                return next(http);
            })
            .UseMiddleware<SessionValidationMiddleware>();

    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", ([Microsoft.AspNetCore.Mvc.FromForm] string? unused, HttpContext http, SessionRegistry sessions, CancellationToken ct) =>
            Logout.Handle(http, sessions, ct)).ExcludeFromDescription();
        app.MapGet("/culture", SetCulture.Handle).ExcludeFromDescription();
        app.MapGet("/elderly", Features.Preferences.ElderlyMode.Handle).ExcludeFromDescription();
        app.MapPost("/admin/sessions/{id:guid}/end", async (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] string? reason, OnlineSessions s, HttpContext http, CancellationToken ct) =>
            {
                await s.EndAsync(id, http.User.Identity?.Name ?? "operator", ct);
                return TypedResults.LocalRedirect("/admin/sessions");
            })
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithTags("Platform");
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken.Handle).WithName("IssueToken").AllowAnonymous().DisableAntiforgery()
            .WithSummary("Exchange user name, password and optional TOTP code for a bearer token.");
        auth.MapPost("/logout", Logout.Handle).WithName("Logout").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/me", Me).WithName("GetMe").RequireAuthorization();
        api.MapGet("/workbench", async (Features.Workbench.Workbench workbench, CancellationToken ct) => TypedResults.Ok(await workbench.ItemsAsync(ct)))
            .WithName("GetWorkbench").WithSummary("The signed-in person's to-dos, counted within their data scope, each with the page that lists them.")
            .RequireAuthorization();

        var regions = api.MapGroup("/regions").WithTags("Regions").RequireAuthorization();
        regions.MapGet("/", async (string? parent, RegionQueries q, CancellationToken ct) => TypedResults.Ok(await q.ChildrenAsync(parent, ct)))
            .WithName("ListRegions");
        regions.MapGet("/{code}", GetRegion).WithName("GetRegion");

        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReader);
        audit.MapGet("/", async ([AsParameters] AuditQuery q, SearchAudit search, CancellationToken ct) => TypedResults.Ok(await search.HandleAsync(q, ct)))
            .WithName("SearchAudit");
        audit.MapGet("/export", async ([AsParameters] AuditQuery q, SearchAudit search, CancellationToken ct) =>
                TypedResults.File(await search.ExportCsvAsync(q, ct), "text/csv; charset=utf-8", "audit.csv"))
            .WithName("ExportAudit");
        audit.MapGet("/verify", async (AuditChain chain, CancellationToken ct) =>
            {
                await chain.SealPendingAsync(ct);
                return TypedResults.Ok(await chain.VerifyAsync(ct));
            })
            .WithName("VerifyAudit");

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Operator);
        users.MapGet("/", async (string? q, int? page, Features.Users.UserAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(q, page, ct)))
            .WithName("ListUsers");
        users.MapPost("/", async (Features.Users.CreateUserRequest request, Features.Users.UserAdmin admin, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/users/{await admin.CreateAsync(request, ct)}"))
            .WithName("CreateUser").WithIdempotency();
        users.MapPost("/{id}/unlock", async (string id, Features.Users.UserAdmin admin, CancellationToken ct) =>
            {
                await admin.UnlockAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockUser");
        app.MapPost("/admin/users/{id}/unlock", async (string id, [Microsoft.AspNetCore.Mvc.FromForm] string? reason, Features.Users.UserAdmin admin, CancellationToken ct) =>
            {
                await admin.UnlockAsync(id, ct);
                return TypedResults.LocalRedirect("/admin/users");
            })
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();

        var dictionaries = api.MapGroup("/dictionaries").WithTags("Dictionaries");
        dictionaries.MapGet("/{type}", async (string type, bool? includeInactive, IDictionaries d, CancellationToken ct) =>
                TypedResults.Ok(await d.ListAsync(type, includeInactive ?? false, ct)))
            .WithName("ListDictionary").AllowAnonymous().WithSummary("Entries of a managed dictionary (service-field, …) in display order.");
        dictionaries.MapPut("/{type}/{code}", async (string type, string code, DictionaryItemRequest request, DictionaryAdmin admin, CancellationToken ct) =>
            {
                request.Code = code;
                return TypedResults.Ok(await admin.SaveAsync(type, request, ct));
            })
            .WithName("SaveDictionaryEntry").RequireAuthorization(Policies.Operator).WithSummary("Adds an entry or changes its names, order and status.");
        app.MapPost("/admin/dictionaries/{type}", async (string type, [Microsoft.AspNetCore.Mvc.FromForm] string? code, [Microsoft.AspNetCore.Mvc.FromForm] string? nameZh,
                [Microsoft.AspNetCore.Mvc.FromForm] string? nameEn, [Microsoft.AspNetCore.Mvc.FromForm] int? sort, [Microsoft.AspNetCore.Mvc.FromForm] string? active,
                DictionaryAdmin admin, CancellationToken ct) =>
            {
                var back = $"/admin/dictionaries?type={Uri.EscapeDataString(type)}";
                try
                {
                    await admin.SaveAsync(type, new DictionaryItemRequest { Code = code, NameZh = nameZh, NameEn = nameEn, Sort = sort ?? 0, IsActive = active is "on" or "true" }, ct);
                    return Results.LocalRedirect(back + "&saved=" + Uri.EscapeDataString(code ?? ""));
                }
                catch (Exception e) when (e is InputValidationException or ForbiddenException)
                {
                    return Results.LocalRedirect(back + "&error=" + Uri.EscapeDataString(ErrorText.Of(e)));
                }
            })
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();

        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", async (Features.Notifications.NotificationOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.MineAsync(ct)))
            .WithName("MyNotifications").WithSummary("Your in-app notifications, newest first.");
        notifications.MapPost("/{id:guid}/read", async (Guid id, Features.Notifications.NotificationOutbox outbox, CancellationToken ct) =>
            {
                await outbox.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead");

        app.MapPost("/admin/notifications/{id:guid}/read", async (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] string? unused, Features.Notifications.NotificationOutbox outbox, CancellationToken ct) =>
            {
                await outbox.MarkReadAsync(id, ct);
                return TypedResults.LocalRedirect("/admin/notifications");
            })
            .RequireAuthorization().ExcludeFromDescription();

        var sessions = api.MapGroup("/sessions").WithTags("Sessions").RequireAuthorization(Policies.Operator);
        sessions.MapGet("/", async (OnlineSessions s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct))).WithName("ListOnlineSessions");
        sessions.MapDelete("/{id:guid}", EndSession).WithName("EndSession");
        return app;
    }

    private static Ok<MeDto> Me(HttpContext http)
    {
        var user = http.User;
        return TypedResults.Ok(new MeDto(
            user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            user.Identity?.Name ?? "",
            user.FindFirst(YilianClaims.DisplayName)?.Value ?? "",
            [.. user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)],
            [.. user.FindAll(YilianClaims.Scope).Select(c => c.Value)]));
    }

    private static async Task<Results<Ok<RegionDto>, NotFound>> GetRegion(string code, RegionQueries q, CancellationToken ct) =>
        await q.GetAsync(code, ct) is { } region ? TypedResults.Ok(region) : throw new NotFoundException("Region", code);

    private static async Task<NoContent> EndSession(Guid id, OnlineSessions s, HttpContext http, CancellationToken ct) =>
        await s.EndAsync(id, http.User.Identity?.Name ?? "operator", ct) ? TypedResults.NoContent() : throw new NotFoundException("Session", id);
}

public sealed record MeDto(string Id, string UserName, string DisplayName, string[] Roles, string[] Scopes);
