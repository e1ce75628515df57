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
    /// Runs system work in a service scope of its own, created inside the system scope: a DbContext captures
    /// the data scope when it is created, so one taken from this provider sees everything.
    /// </summary>
    public static async Task<T> RunAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        using var system = Enter();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <inheritdoc cref="RunAsync{T}(IServiceProvider, Func{IServiceProvider, Task{T}})"/>
    public static async Task RunAsync(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        using var system = Enter();
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Reads or writes one context in the system scope (see <see cref="RunAsync{T}(IServiceProvider, Func{IServiceProvider, Task{T}})"/>).</summary>
    public static Task<T> WithAsync<TContext, T>(IServiceProvider services, Func<TContext, Task<T>> work) where TContext : notnull =>
        RunAsync(services, sp => work(sp.GetRequiredService<TContext>()));

    private sealed class Exit(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
