using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Policies
{
    /// <inheritdoc />
    public partial class DistrictFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pol_residents_screening",
                table: "pol_residents");

            migrationBuilder.AddColumn<int>(
                name: "IdSequence",
                table: "pol_residents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "pol_policy_versions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "pol_policy_versions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "pol_data_dictionaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_data_dictionaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_fact_values",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fact = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_fact_values", x => new { x.SubjectId, x.Fact });
                });

            migrationBuilder.CreateIndex(
                name: "IX_pol_residents_screening",
                table: "pol_residents",
                columns: new[] { "HouseholdId", "Id", "IsHead", "BirthDate", "DisabilityGrade", "DisabilityTypes", "SpecialStatuses",
                    "Employment", "Schooling", "SevereIllness", "LongTermCareNeed", "HasSupporter", "Receiving", "IdSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_pol_data_dictionaries_Version",
                table: "pol_data_dictionaries",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_fact_values_Fact_SubjectId_Value_AsOf",
                table: "pol_fact_values",
                columns: new[] { "Fact", "SubjectId", "Value", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_pol_fact_values_HouseholdId",
                table: "pol_fact_values",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pol_data_dictionaries");

            migrationBuilder.DropTable(
                name: "pol_fact_values");

            migrationBuilder.DropIndex(
                name: "IX_pol_residents_screening",
                table: "pol_residents");

            migrationBuilder.DropColumn(
                name: "IdSequence",
                table: "pol_residents");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "pol_policy_versions");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "pol_policy_versions");

            migrationBuilder.CreateIndex(
                name: "IX_pol_residents_screening",
                table: "pol_residents",
                columns: new[] { "HouseholdId", "Id", "IsHead", "BirthDate", "DisabilityGrade", "DisabilityTypes", "SpecialStatuses",
                    "Employment", "Schooling", "SevereIllness", "LongTermCareNeed", "HasSupporter", "Receiving" });
        }
    }
}
