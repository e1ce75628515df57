using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Supply
{
    /// <inheritdoc />
    public partial class Competitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sup_competition_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ServiceField = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Screening = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RoadshowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FundedAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_competition_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_competitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PanelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    MinGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationsDue = table.Column<long>(type: "INTEGER", nullable: false),
                    PresentMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RoadshowStart = table.Column<long>(type: "INTEGER", nullable: true),
                    RoadshowActivityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_competitions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sup_competition_entries_CompetitionId_OrganizationId",
                table: "sup_competition_entries",
                columns: new[] { "CompetitionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_competition_entries_OrganizationId",
                table: "sup_competition_entries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_competitions_CreatedByRequest",
                table: "sup_competitions",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_competitions_Number",
                table: "sup_competitions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_competitions_RegionCode_CreatedAt",
                table: "sup_competitions",
                columns: new[] { "RegionCode", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_competition_entries");

            migrationBuilder.DropTable(
                name: "sup_competitions");
        }
    }
}
