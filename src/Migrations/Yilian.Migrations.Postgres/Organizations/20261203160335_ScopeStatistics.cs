using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Organizations
{
    /// <inheritdoc />
    public partial class ScopeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Create(migrationBuilder, "org_organizations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Drop(migrationBuilder, "org_organizations");
        }
    }
}
