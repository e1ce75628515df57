using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Supply
{
    /// <inheritdoc />
    public partial class NeedThreadsAndServedRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EvaluatorOrganizationId",
                table: "sup_procurements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "sup_needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SplitFromId",
                table: "sup_needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sup_served_people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Masked = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_served_people", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sup_needs_MergedIntoId",
                table: "sup_needs",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_needs_SplitFromId",
                table: "sup_needs",
                column: "SplitFromId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_served_people_ProcurementId_PhoneIndex",
                table: "sup_served_people",
                columns: new[] { "ProcurementId", "PhoneIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_served_people_Token",
                table: "sup_served_people",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_served_people");

            migrationBuilder.DropIndex(
                name: "IX_sup_needs_MergedIntoId",
                table: "sup_needs");

            migrationBuilder.DropIndex(
                name: "IX_sup_needs_SplitFromId",
                table: "sup_needs");

            migrationBuilder.DropColumn(
                name: "EvaluatorOrganizationId",
                table: "sup_procurements");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "sup_needs");

            migrationBuilder.DropColumn(
                name: "SplitFromId",
                table: "sup_needs");
        }
    }
}
