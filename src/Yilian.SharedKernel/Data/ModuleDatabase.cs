using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Yilian.SharedKernel.Data;

public static class ModuleDatabase
{
    public const string SqliteMigrationsAssembly = "Yilian.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Yilian.Migrations.Postgres";

    /// <summary>Registers a module's DbContext on the configured provider with its own migrations-history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, module);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IModuleMigrator>(new ModuleMigrator<TContext>(module));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string module)
    {
        var history = $"__ef_migrations_{module.ToLowerInvariant()}";
        if (db.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(db.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).MigrationsHistoryTable(history));
        }
        else
        {
            options.UseSqlite(db.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(history));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
    }
}

/// <summary>
/// Every SQLite connection waits its turn for the write lock (busy timeout) instead of failing, uses WAL for concurrent
/// readers, FULL synchronous so a committed write survives power loss, and enforces foreign keys.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>How long a writer waits for another's write lock before SQLite answers "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    internal static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // The busy timeout first, so that switching the journal mode already waits its turn. A read-only connection (EF opens
        // one to ask whether the database exists) cannot switch a restored rollback-journal file to WAL: the next writable one will.
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        command.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; "
            + (readOnly ? "" : "PRAGMA journal_mode=WAL; ") + "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }
}
