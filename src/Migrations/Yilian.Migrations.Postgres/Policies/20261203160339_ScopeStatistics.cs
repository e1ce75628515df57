using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Policies
{
    /// <inheritdoc />
    public partial class ScopeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Create(migrationBuilder, "pol_households", "pol_residents", "pol_candidates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Drop(migrationBuilder, "pol_households", "pol_residents", "pol_candidates");
        }
    }
}
