using Microsoft.EntityFrameworkCore.Migrations;

namespace Yilian.Migrations.Postgres;

/// <summary>
/// The data-scope filter compares <c>substring("RegionCode", 1, 6)</c> (district) and <c>(1, 9)</c> (street) on every
/// query. PostgreSQL keeps no statistics on those expressions, so it guessed that a district-wide filter keeps 0.5 % of
/// the rows: for the project board's smaller columns it read and sorted the whole stage (15–20 ms) instead of walking
/// the (Stage, StageChangedAt) index for 20 rows (0.3 ms). Expression statistics let it see what the filter keeps.
/// </summary>
internal static class ScopeStatisticsSql
{
    public static void Create(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"CREATE STATISTICS IF NOT EXISTS {table}_scope_district ON (substring(\"RegionCode\", 1, 6)) FROM {table};");
            migrationBuilder.Sql($"CREATE STATISTICS IF NOT EXISTS {table}_scope_street ON (substring(\"RegionCode\", 1, 9)) FROM {table};");
            migrationBuilder.Sql($"ANALYZE {table};");
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"DROP STATISTICS IF EXISTS {table}_scope_district;");
            migrationBuilder.Sql($"DROP STATISTICS IF EXISTS {table}_scope_street;");
        }
    }
}
