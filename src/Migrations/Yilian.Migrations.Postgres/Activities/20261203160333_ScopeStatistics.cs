using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Activities
{
    /// <inheritdoc />
    public partial class ScopeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Create(migrationBuilder, "act_activities");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Drop(migrationBuilder, "act_activities");
        }
    }
}
