using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Volunteers
{
    /// <inheritdoc />
    public partial class ScopeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Create(migrationBuilder, "vol_volunteers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ScopeStatisticsSql.Drop(migrationBuilder, "vol_volunteers");
        }
    }
}
