using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Supply
{
    /// <inheritdoc />
    public partial class BeneficiaryRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sup_evaluations_NeedId_ServiceProjectId_Source",
                table: "sup_evaluations");

            migrationBuilder.AddColumn<string>(
                name: "RatingToken",
                table: "sup_procurements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RaterKey",
                table: "sup_evaluations",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "community");

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_RatingToken",
                table: "sup_procurements",
                column: "RatingToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_NeedId_ServiceProjectId_Source_RaterKey",
                table: "sup_evaluations",
                columns: new[] { "NeedId", "ServiceProjectId", "Source", "RaterKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sup_procurements_RatingToken",
                table: "sup_procurements");

            migrationBuilder.DropIndex(
                name: "IX_sup_evaluations_NeedId_ServiceProjectId_Source_RaterKey",
                table: "sup_evaluations");

            migrationBuilder.DropColumn(
                name: "RatingToken",
                table: "sup_procurements");

            migrationBuilder.DropColumn(
                name: "RaterKey",
                table: "sup_evaluations");

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_NeedId_ServiceProjectId_Source",
                table: "sup_evaluations",
                columns: new[] { "NeedId", "ServiceProjectId", "Source" },
                unique: true);
        }
    }
}
