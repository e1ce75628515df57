namespace Yilian.SharedKernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:Yilian</c>; for SQLite defaults to <c>{DataDirectory}/yilian.db</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Where the SQLite database, uploaded files and keys live.</summary>
    public string DataDirectory { get; set; } = "data/app";
}
