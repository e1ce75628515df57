using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Organizations
{
    /// <inheritdoc />
    public partial class StaffAndAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "org_organizations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "org_organizations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceAreaCodes",
                table: "org_organizations",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "org_staff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Certificate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_staff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_staff_org_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "org_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_staff_OrganizationId",
                table: "org_staff",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_staff");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "ServiceAreaCodes",
                table: "org_organizations");
        }
    }
}
