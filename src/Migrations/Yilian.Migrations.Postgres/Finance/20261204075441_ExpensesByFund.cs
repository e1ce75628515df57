using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Finance
{
    /// <inheritdoc />
    public partial class ExpensesByFund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_fin_expenses_FundId_Status",
                table: "fin_expenses",
                columns: new[] { "FundId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fin_expenses_FundId_Status",
                table: "fin_expenses");
        }
    }
}
