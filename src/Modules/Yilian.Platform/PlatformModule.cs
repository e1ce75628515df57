using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Auditing;
using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Features.Audit;
using Yilian.Platform.Features.Auth;
using Yilian.Platform.Features.Dictionaries;
using Yilian.Platform.Features.Notifications;
using Yilian.Platform.Features.Preferences;
using Yilian.Platform.Features.Regions;
using Yilian.Platform.Features.Sessions;
using Yilian.Platform.Features.Users;
using Yilian.Platform.Features.Workbench;
using Yilian.Platform.Identity;
using Yilian.Platform.Seeding;
using Yilian.SharedKernel.Data;
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
        services.AddSingleton<AuditAnchorKey>();
        services.AddSingleton<IAuditAnchorStore, FileAuditAnchorStore>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddHostedService<AuditSealerService>();
        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Module);
        services.AddSingleton<IModuleMigrator, PhoneUserNames>(); // after Platform's migrations: it needs their PhoneIndex column

        services.AddYilianIdentity(security);
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
        services.AddOptions<Features.Idempotency.IdempotencyOptions>()
            .Bind(builder.Configuration.GetSection(Features.Idempotency.IdempotencyOptions.Section));
        services.AddScoped<Features.Idempotency.IdempotentRequest>();
        services.AddScoped<IIdempotentRequest>(sp => sp.GetRequiredService<Features.Idempotency.IdempotentRequest>());
        services.AddScoped<IIdempotencyFilter, Features.Idempotency.IdempotencyFilter>();
        return builder;
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
        app.MapModule("Platform")
            .MapAuthEndpoints()
            .MapPreferencesEndpoints()
            .MapWorkbenchEndpoints()
            .MapRegionsEndpoints()
            .MapAuditEndpoints()
            .MapUsersEndpoints()
            .MapDictionariesEndpoints()
            .MapNotificationsEndpoints()
            .MapSessionsEndpoints();
        return app;
    }
}
