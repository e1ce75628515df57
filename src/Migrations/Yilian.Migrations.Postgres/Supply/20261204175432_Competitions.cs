using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Supply
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ServiceField = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Eligible = table.Column<bool>(type: "boolean", nullable: false),
                    Screening = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RoadshowAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FundedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_competition_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_competitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PanelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rules = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MaxAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    MinGrade = table.Column<int>(type: "integer", nullable: false),
                    ApplicationsDue = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PresentMinutes = table.Column<int>(type: "integer", nullable: false),
                    QuestionMinutes = table.Column<int>(type: "integer", nullable: false),
                    RoadshowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RoadshowActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
