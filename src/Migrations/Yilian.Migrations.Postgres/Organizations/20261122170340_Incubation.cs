using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Organizations
{
    /// <inheritdoc />
    public partial class Incubation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_incubators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_incubators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_incubations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncubatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    StewardUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StewardName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Mentors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GraduatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_incubations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_incubations_org_incubators_IncubatorId",
                        column: x => x.IncubatorId,
                        principalTable: "org_incubators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_org_incubations_org_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "org_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_advice_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncubationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_advice_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_advice_notes_org_incubations_IncubationId",
                        column: x => x.IncubationId,
                        principalTable: "org_incubations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_advice_notes_IncubationId",
                table: "org_advice_notes",
                column: "IncubationId");

            migrationBuilder.CreateIndex(
                name: "IX_org_incubations_IncubatorId",
                table: "org_incubations",
                column: "IncubatorId");

            migrationBuilder.CreateIndex(
                name: "IX_org_incubations_OrganizationId_Status",
                table: "org_incubations",
                columns: new[] { "OrganizationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_advice_notes");

            migrationBuilder.DropTable(
                name: "org_incubations");

            migrationBuilder.DropTable(
                name: "org_incubators");
        }
    }
}
