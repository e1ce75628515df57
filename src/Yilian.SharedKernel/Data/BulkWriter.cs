using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

using Npgsql;

namespace Yilian.SharedKernel.Data;

/// <summary>
/// Writes many new rows of one entity type inside the context's current transaction, without change tracking: on
/// PostgreSQL by binary <c>COPY</c>, on SQLite by one prepared <c>INSERT</c> bound again for each row. Every value goes
/// through the property's own EF type mapping and converter (encrypted columns stay encrypted, GUIDs and dates are
/// written as SaveChanges writes them), so a row written here reads back exactly like one EF wrote. For entities whose
/// keys the application assigns; interceptors do not run, so the caller records the audit entry for the whole write
/// (decision 025).
/// </summary>
public static class BulkWriter
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate && p.GetColumnName(table) is not null && !p.IsShadowProperty())
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write runs inside the caller's transaction.");
        var name = Quote(table.Name, table.Schema);
        var list = string.Join(", ", columns.Select(c => Quote(c.Name, null)));
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, name, list, columns, rows, ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {name} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        await ExecutePerRowAsync(command, columns, rows, ct);
    }

    /// <summary>
    /// Writes the named properties of rows already in the table, matched by primary key: on SQLite one prepared
    /// <c>UPDATE</c> re-bound per row; on PostgreSQL the rows are copied into a temporary table and applied by one
    /// <c>UPDATE … FROM</c>. Only the named columns are written, so a concurrent writer of other columns is not undone.
    /// </summary>
    public static async Task UpdateAsync<T>(DbContext db, IReadOnlyCollection<T> rows, IReadOnlyCollection<string> properties,
        CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0 || properties.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Column Of(IProperty p) => new(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping());
        var key = entity.FindPrimaryKey()!.Properties.Select(Of).ToList();
        var set = properties.Select(name => Of(entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped."))).ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write runs inside the caller's transaction.");
        var name = Quote(table.Name, table.Schema);
        if (connection is NpgsqlConnection npgsql)
        {
            var columns = key.Concat(set).ToList();
            var list = string.Join(", ", columns.Select(c => Quote(c.Name, null)));
            var staging = Quote("bulk_" + table.Name, null);
            await using (var create = npgsql.CreateCommand())
            {
                create.CommandText = $"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {list} FROM {name} WITH NO DATA";
                await create.ExecuteNonQueryAsync(ct);
            }

            await CopyAsync(npgsql, staging, list, columns, rows, ct);

            await using var apply = npgsql.CreateCommand();
            var assignments = string.Join(", ", set.Select(c => $"{Quote(c.Name, null)} = s.{Quote(c.Name, null)}"));
            var matches = string.Join(" AND ", key.Select(c => $"t.{Quote(c.Name, null)} = s.{Quote(c.Name, null)}"));
            apply.CommandText = $"UPDATE {name} AS t SET {assignments} FROM {staging} AS s WHERE {matches}; "
                + $"DROP TABLE {staging}";
            await apply.ExecuteNonQueryAsync(ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var all = set.Concat(key).ToList();
        command.CommandText = $"UPDATE {name} SET {string.Join(", ", set.Select((c, i) => $"{Quote(c.Name, null)} = @p{i}"))} WHERE "
            + string.Join(" AND ", key.Select((c, i) => $"{Quote(c.Name, null)} = @p{set.Count + i}"));
        await ExecutePerRowAsync(command, all, rows, ct);
    }

    /// <summary>Binary <c>COPY</c> of the rows' columns into a table, in the columns' order.</summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string list, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>Prepares a command whose parameters <c>@p0…</c> are the columns, then runs it once per row.</summary>
    private static async Task ExecutePerRowAsync<T>(DbCommand command, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Quote(string name, string? schema) =>
        (schema is null ? "" : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".")
        + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter getter = Property.GetGetter();

        /// <summary>The store type without facets (<c>character varying(64)</c> → <c>character varying</c>), as COPY names it.</summary>
        public string StoreType { get; } = Mapping.StoreType.Split('(')[0].Trim();

        public object? Value(object row)
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
