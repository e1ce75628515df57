using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class ExpensesByActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_fin_expenses_ActivityId",
                table: "fin_expenses",
                column: "ActivityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fin_expenses_ActivityId",
                table: "fin_expenses");
        }
    }
}
