using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Yilian.Testing;

/// <summary>
/// The real Yilian host on a fresh database of the given provider, with demo data and a known demo
/// password. Each test class owns one; nothing is shared between classes.
/// </summary>
public sealed class YilianApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Pass-2026";

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private bool _keepDatabase;

    private YilianApp(TestDatabase database, Dictionary<string, string?> settings, bool kestrel)
    {
        _database = database;
        _settings = settings;
        _kestrel = kestrel;
    }

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The host's clock: real time plus an offset a test may advance (tokens are best taken before moving it).</summary>
    public TestClock Clock { get; private set; } = new();

    public string Provider => _database.Provider;

    /// <summary>Where this instance keeps its files (the SQLite database, keys, uploads).</summary>
    public string DataDirectory => _database.DataDirectory;

    /// <param name="now">When the host starts, if not now: the demo is seeded around that instant and the clock runs on from it.</param>
    public static async Task<YilianApp> StartAsync(
        string provider, IDictionary<string, string?>? settings = null, bool kestrel = false, DateTimeOffset? now = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Yilian"] = database.ConnectionString,
            ["Database:DataDirectory"] = database.DataDirectory,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = DemoPassword,
            // Tests bring their own residents (department files); the demo households are tested on their own.
            ["Policies:DemoResidents"] = "false",
            // Likewise the demo district's sign-ups, attendance and photos (the living demo has a test of its own).
            ["Demo:LivingDistrict"] = "false",
            // Quartz keeps schedulers in a process-wide registry: each test host needs its own name.
            ["Scheduler:Name"] = "yilian-test-" + Guid.NewGuid().ToString("N")[..8],
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new YilianApp(database, all, kestrel);
        if (now is { } start)
        {
            app.Clock.Offset = start - DateTimeOffset.UtcNow;
        }

        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else
        {
            _ = app.Server;
        }

        return app;
    }

    /// <summary>The real address when started with Kestrel.</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Logs)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<string> TokenAsync(string userName, string? password = null, string? totp = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = password ?? DemoPassword, totp });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {userName} failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpClient> ClientAsAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Stops this host and starts a new one on the same database and data directory, as after a restart.</summary>
    public async Task<YilianApp> RestartAsync()
    {
        _keepDatabase = true;
        await DisposeAsync();
        var app = new YilianApp(_database, _settings, _kestrel) { Clock = Clock };
        _ = app.Server;
        return app;
    }

    /// <summary>
    /// A second instance on the same database and data directory, as behind a load balancer: its own caches and scheduler,
    /// the same rows. The database stays until this (the first) instance is disposed.
    /// </summary>
    public YilianApp Twin()
    {
        var settings = new Dictionary<string, string?>(_settings) { ["Scheduler:Name"] = "yilian-test-" + Guid.NewGuid().ToString("N")[..8] };
        var twin = new YilianApp(_database, settings, _kestrel) { Clock = Clock, _keepDatabase = true };
        _ = twin.Server;
        return twin;
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> queue) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(queue, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> queue, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            queue.Enqueue($"{category} {formatter(state, exception)} {exception} {(state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(";", kv.Select(p => $"{p.Key}={p.Value}")) : "")}");
    }
}
