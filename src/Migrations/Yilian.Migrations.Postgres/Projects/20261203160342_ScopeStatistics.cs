using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Projects
{
    /// <inheritdoc />
    public partial class ScopeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Create(migrationBuilder, "prj_projects");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Drop(migrationBuilder, "prj_projects");
        }
    }
}
