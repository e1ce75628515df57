using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.SharedKernel.Security;

namespace Yilian.SharedKernel.Data;

/// <summary>Applies one module's migrations; the host runs every registered migrator at start-up and for the <c>migrate</c> command.</summary>
public interface IModuleMigrator
{
    string Module { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken ct);

    Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken ct);
}

internal sealed class ModuleMigrator<TContext>(string module) : IModuleMigrator
    where TContext : DbContext
{
    public string Module => module;

    public async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(ct);
    }

    public async Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        return await scope.ServiceProvider.GetRequiredService<TContext>().Database.CanConnectAsync(ct);
    }
}
