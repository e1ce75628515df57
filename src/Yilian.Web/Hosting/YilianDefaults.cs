using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;
using Yilian.Platform;
using Yilian.Platform.Seeding;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Platform.Scheduling;
using Yilian.Web.Components;

namespace Yilian.Web.Hosting;

internal static class YilianDefaults
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddYilianDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var db = ResolveDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(Options.Create(db));
        Directory.CreateDirectory(db.DataDirectory);
        PersonalDataProtector.Current ??= PersonalDataProtector.Create(
            builder.Configuration["Security:PersonalDataKeyFile"] is { Length: > 0 } keyFile ? keyFile : Path.Combine(db.DataDirectory, "keys", "personal-data.keys"));
        services.AddDataProtection().SetApplicationName("Yilian").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(db.DataDirectory, "keys")));

        services.AddPersonalNumberRedaction();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemText.Localize);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ChinaTimeJsonConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        // run.sh serves the build output in Production; modules' _content (their own static files) is found
        // there only through the static-web-assets manifest, which ASP.NET Core reads by itself only in Development.
        // A publish output has no such manifest (its assets are under wwwroot), so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese first: the browser's Accept-Language does not switch the language; the user's choice (cookie) does.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddRazorComponents();
        services.AddPublicPageCache();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.AddYilianOpenApi();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind nginx or haproxy the client IP (for login throttling and the audit) comes from
            // X-Forwarded-For, trusted only from the configured proxies.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Network:TrustedProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton<Seeder>();
        services.AddSingleton<Yilian.SharedKernel.Files.IFileStorage, Yilian.SharedKernel.Files.LocalFileStorage>();
        services.AddYilianScheduler(builder.Configuration, db);
        return builder;
    }

    /// <summary>SQLite under the data directory unless <c>Database:Provider</c> and <c>ConnectionStrings:Yilian</c> say otherwise.</summary>
    public static DatabaseOptions ResolveDatabase(IConfiguration config, string contentRoot)
    {
        var db = new DatabaseOptions();
        config.GetSection(DatabaseOptions.Section).Bind(db);
        db.DataDirectory = Path.GetFullPath(db.DataDirectory, contentRoot);
        db.ConnectionString = config.GetConnectionString("Yilian") ?? "";
        if (db.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(db.ConnectionString))
        {
            db.ConnectionString = $"Data Source={Path.Combine(db.DataDirectory, "yilian.db")}";
        }

        if (string.IsNullOrWhiteSpace(db.ConnectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Yilian is empty.");
        }

        return db;
    }

    public static WebApplication UseYilianDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            headers.ContentSecurityPolicy = ContentSecurity.PolicyFor(http.Request.Path);
            return next(http);
        });
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        // An empty error response becomes problem details for the API and the not-found page for people.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // Explicit, after the status-code pages, so that a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UsePlatformSessions();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        // No fonts from an outside host: the policy (decision 018) would refuse them, and offline sites have none.
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Yilian 益联 API").DisableDefaultFonts());
        return app;
    }

    public static WebApplication MapYilianPages(this WebApplication app, params Assembly[] moduleAssemblies)
    {
        ModulePages.Assemblies = moduleAssemblies;
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddAdditionalAssemblies(moduleAssemblies);
        return app;
    }

    /// <summary>Applies every module's migrations, then seeds demo data on the first run in demo mode.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        foreach (var migrator in app.Services.GetServices<IModuleMigrator>())
        {
            await migrator.MigrateAsync(app.Services, CancellationToken.None);
        }

        if (app.Configuration.GetValue<bool>("Demo:Enabled") && !await DemoAccounts.HasUsersAsync(app.Services))
        {
            await app.Services.GetRequiredService<Seeder>().RunAsync(SeedSize.Demo, 20261122, CancellationToken.None);
        }

        var demo = await DemoAccounts.ListAsync(app.Services, app.Configuration);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Plain console lines for the person who started Yilian, whatever the log format.
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Yilian 益联 is running: open {url.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
            }

            if (demo is { } d)
            {
                Console.WriteLine($"Demo mode: sign in as {string.Join(", ", d.Accounts.Select(a => a.UserName))} with the password {d.Password} (also listed on the sign-in page).");
            }

            Console.WriteLine("Press Ctrl+C to stop.");
        });
    }
}

internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var migrator in services.GetServices<IModuleMigrator>())
        {
            if (!await migrator.CanConnectAsync(services, cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"{migrator.Module}: database unreachable");
            }
        }

        return HealthCheckResult.Healthy();
    }
}

public static class ModulePages
{
    public static IReadOnlyList<Assembly> Assemblies { get; set; } = [];
}
