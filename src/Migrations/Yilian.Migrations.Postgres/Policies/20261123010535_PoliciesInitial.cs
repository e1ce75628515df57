using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Policies
{
    /// <inheritdoc />
    public partial class PoliciesInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pol_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    FoundInRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_candidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_contact_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Policies = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Handled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_contact_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_facts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Attribute = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Conflict = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncomeHundredths = table.Column<long>(type: "bigint", nullable: true),
                    AssetsHundredths = table.Column<long>(type: "bigint", nullable: true),
                    SizeHundredths = table.Column<long>(type: "bigint", nullable: true),
                    HousingAreaHundredths = table.Column<long>(type: "bigint", nullable: true),
                    OwnsVehicle = table.Column<bool>(type: "boolean", nullable: true),
                    DangerousHousing = table.Column<bool>(type: "boolean", nullable: true),
                    SuddenHardship = table.Column<bool>(type: "boolean", nullable: true),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    ResidentsCreated = table.Column<int>(type: "integer", nullable: false),
                    HouseholdsChanged = table.Column<int>(type: "integer", nullable: false),
                    Conflicts = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_policy_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_policy_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IsHead = table.Column<bool>(type: "boolean", nullable: false),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: true),
                    DisabilityTypes = table.Column<int>(type: "integer", nullable: false),
                    SpecialStatuses = table.Column<int>(type: "integer", nullable: false),
                    Employment = table.Column<int>(type: "integer", nullable: false),
                    Schooling = table.Column<int>(type: "integer", nullable: false),
                    SevereIllness = table.Column<bool>(type: "boolean", nullable: true),
                    LongTermCareNeed = table.Column<bool>(type: "boolean", nullable: true),
                    HasSupporter = table.Column<bool>(type: "boolean", nullable: true),
                    Receiving = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pol_screening_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    PolicyVersions = table.Column<string>(type: "text", nullable: false),
                    ParameterDates = table.Column<string>(type: "text", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Found = table.Column<int>(type: "integer", nullable: false),
                    New = table.Column<int>(type: "integer", nullable: false),
                    Lapsed = table.Column<int>(type: "integer", nullable: false),
                    LoadMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    EvaluateMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pol_screening_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pol_candidates_HouseholdId",
                table: "pol_candidates",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_pol_candidates_ResidentId_PolicyId",
                table: "pol_candidates",
                columns: new[] { "ResidentId", "PolicyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_candidates_Status_RegionCode",
                table: "pol_candidates",
                columns: new[] { "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_pol_facts_HouseholdId",
                table: "pol_facts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_pol_facts_SubjectId_Attribute_Department",
                table: "pol_facts",
                columns: new[] { "SubjectId", "Attribute", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_households_ChangeSeq",
                table: "pol_households",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_pol_households_Number",
                table: "pol_households",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_households_RegionCode",
                table: "pol_households",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_pol_imports_ImportedAt",
                table: "pol_imports",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pol_policy_versions_PolicyId_Version",
                table: "pol_policy_versions",
                columns: new[] { "PolicyId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_residents_IdNumberIndex",
                table: "pol_residents",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pol_residents_RegionCode",
                table: "pol_residents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_pol_residents_screening",
                table: "pol_residents",
                columns: new[] { "HouseholdId", "Id", "IsHead", "BirthDate", "DisabilityGrade", "DisabilityTypes", "SpecialStatuses", "Employment", "Schooling", "SevereIllness", "LongTermCareNeed", "HasSupporter", "Receiving" });

            migrationBuilder.CreateIndex(
                name: "IX_pol_screening_runs_StartedAt",
                table: "pol_screening_runs",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pol_candidates");

            migrationBuilder.DropTable(
                name: "pol_contact_requests");

            migrationBuilder.DropTable(
                name: "pol_facts");

            migrationBuilder.DropTable(
                name: "pol_households");

            migrationBuilder.DropTable(
                name: "pol_imports");

            migrationBuilder.DropTable(
                name: "pol_policy_versions");

            migrationBuilder.DropTable(
                name: "pol_residents");

            migrationBuilder.DropTable(
                name: "pol_screening_runs");
        }
    }
}
