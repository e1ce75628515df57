using Npgsql;
using Xunit;

namespace Yilian.Testing;

/// <summary>
/// Providers a data test runs on: SQLite always, PostgreSQL when <c>YILIAN_TEST_POSTGRES</c> holds a
/// connection string to a server where the user may create databases (the test command sets it).
/// </summary>
public static class Databases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("YILIAN_TEST_POSTGRES");

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (!string.IsNullOrWhiteSpace(PostgresServer))
            {
                data.Add(Postgres);
            }

            return data;
        }
    }
}

/// <summary>A fresh, empty database for one test host, removed afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string dataDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "yilian-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (provider == Databases.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "yilian.db")}", dir, null);
        }

        var server = Databases.PostgresServer ?? throw new InvalidOperationException("YILIAN_TEST_POSTGRES is not set.");
        var name = "yilian_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        // A bounded pool per test database: under a burst, requests wait for a connection instead of exhausting the server.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 };
        return new TestDatabase(provider, builder.ConnectionString, dir, name);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}
