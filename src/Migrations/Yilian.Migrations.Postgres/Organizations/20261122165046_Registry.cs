using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Organizations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "org_organizations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "GradeAwardedOn",
                table: "org_organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasPublicFundraising",
                table: "org_organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsCharity",
                table: "org_organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredOn",
                table: "org_organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationAuthority",
                table: "org_organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceFieldCodes",
                table: "org_organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "org_annual_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_annual_reports_org_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "org_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_registration_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Proposed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_registration_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_registration_changes_org_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "org_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_Grade_Status",
                table: "org_organizations",
                columns: new[] { "Grade", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_org_annual_reports_OrganizationId_Year",
                table: "org_annual_reports",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_registration_changes_OrganizationId",
                table: "org_registration_changes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_org_registration_changes_Status_RequestedAt",
                table: "org_registration_changes",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_annual_reports");

            migrationBuilder.DropTable(
                name: "org_registration_changes");

            migrationBuilder.DropIndex(
                name: "IX_org_organizations_Grade_Status",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "GradeAwardedOn",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "HasPublicFundraising",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "IsCharity",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "RegisteredOn",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "RegistrationAuthority",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "ServiceFieldCodes",
                table: "org_organizations");
        }
    }
}
