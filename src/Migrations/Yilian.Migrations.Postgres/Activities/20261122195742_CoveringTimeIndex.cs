using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Activities
{
    /// <inheritdoc />
    public partial class CoveringTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_act_occurrences_Start_VenueId",
                table: "act_occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_act_occurrences_Start_VenueId",
                table: "act_occurrences",
                columns: new[] { "Start", "VenueId" })
                .Annotation("Npgsql:IndexInclude", new[] { "End", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_act_occurrences_Start_VenueId",
                table: "act_occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_act_occurrences_Start_VenueId",
                table: "act_occurrences",
                columns: new[] { "Start", "VenueId" });
        }
    }
}
