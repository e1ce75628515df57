using Microsoft.Extensions.DependencyInjection;

namespace Yilian.SharedKernel.Security;

/// <summary>
/// Marks the current async flow as system work (a command, a scheduled job, the audit sealer) that may
/// see all data. Web requests never enter it; without it and without a signed-in user the scope is empty.
/// </summary>
public static class SystemScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Exit(previous);
    }

    /// <summary>
    /// Leaves the system scope for the rest of this async flow, until disposed: work done as a person (demo data
    /// acting as a volunteer, say) then has that person's data scope, not everything.
    /// </summary>
    public static IDisposable Leave()
    {
        var previous = Active.Value;
        Active.Value = false;
        return new Exit(previous);
    }

    /// <summary>
    /// Enters the system scope and creates a service scope inside it; disposing the result leaves both. A DbContext
    /// captures the data scope when it is created, so one taken from this scope sees everything. This is the one way
    /// to begin system work that needs services (a job, a command, a cache load): <c>await using var scope =
    /// SystemScope.Begin(scopes);</c>, or <see cref="RunAsync{T}"/> / <see cref="WithAsync{TService, T}(IServiceScopeFactory, Func{TService, Task{T}})"/> for a lambda.
    /// </summary>
    public static SystemServiceScope Begin(IServiceScopeFactory scopes)
    {
        var system = Enter();
        return new SystemServiceScope(system, scopes.CreateAsyncScope());
    }

    /// <inheritdoc cref="Begin(IServiceScopeFactory)"/>
    public static SystemServiceScope Begin(IServiceProvider services) => Begin(services.GetRequiredService<IServiceScopeFactory>());

    /// <summary>Runs system work in a service scope of its own (see <see cref="Begin(IServiceScopeFactory)"/>).</summary>
    public static async Task<T> RunAsync<T>(IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Begin(scopes);
        return await work(scope.ServiceProvider);
    }

    /// <inheritdoc cref="RunAsync{T}(IServiceScopeFactory, Func{IServiceProvider, Task{T}})"/>
    public static Task RunAsync(IServiceScopeFactory scopes, Func<IServiceProvider, Task> work) =>
        RunAsync(scopes, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>Reads or writes one service (usually a DbContext) in the system scope, in a service scope of its own.</summary>
    public static Task<T> WithAsync<TService, T>(IServiceScopeFactory scopes, Func<TService, Task<T>> work) where TService : notnull =>
        RunAsync(scopes, sp => work(sp.GetRequiredService<TService>()));

    /// <inheritdoc cref="WithAsync{TService, T}(IServiceScopeFactory, Func{TService, Task{T}})"/>
    public static Task WithAsync<TService>(IServiceProvider services, Func<TService, Task> work) where TService : notnull =>
        RunAsync(services.GetRequiredService<IServiceScopeFactory>(), sp => work(sp.GetRequiredService<TService>()));

    /// <inheritdoc cref="WithAsync{TService, T}(IServiceScopeFactory, Func{TService, Task{T}})"/>
    public static Task<T> WithAsync<TService, T>(IServiceProvider services, Func<TService, Task<T>> work) where TService : notnull =>
        WithAsync(services.GetRequiredService<IServiceScopeFactory>(), work);

    private sealed class Exit(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}

/// <summary>A service scope created inside the system scope; disposing it disposes the services, then leaves the system scope.</summary>
public sealed class SystemServiceScope(IDisposable system, AsyncServiceScope scope) : IAsyncDisposable, IDisposable
{
    public IServiceProvider ServiceProvider => scope.ServiceProvider;

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        system.Dispose();
    }

    public void Dispose()
    {
        scope.Dispose();
        system.Dispose();
    }
}
