using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Policies
{
    /// <inheritdoc />
    public partial class LeadClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssignedAt",
                table: "pol_candidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "pol_candidates",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "pol_candidates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_candidates_AssignedTo_Status",
                table: "pol_candidates",
                columns: new[] { "AssignedTo", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pol_candidates_AssignedTo_Status",
                table: "pol_candidates");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "pol_candidates");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "pol_candidates");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "pol_candidates");
        }
    }
}
