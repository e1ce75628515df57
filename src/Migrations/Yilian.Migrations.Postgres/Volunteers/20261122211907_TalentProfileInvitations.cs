using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Volunteers
{
    /// <inheritdoc />
    public partial class TalentProfileInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "vol_volunteers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "vol_volunteers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "vol_volunteers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillLevels",
                table: "vol_volunteers",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Unavailable",
                table: "vol_volunteers",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WeeklyAvailability",
                table: "vol_volunteers",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "vol_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActivityTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_invitations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vol_invitations_ActivityId_VolunteerId",
                table: "vol_invitations",
                columns: new[] { "ActivityId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_invitations_OwnerUserId_Status",
                table: "vol_invitations",
                columns: new[] { "OwnerUserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vol_invitations");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "vol_volunteers");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "vol_volunteers");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "vol_volunteers");

            migrationBuilder.DropColumn(
                name: "SkillLevels",
                table: "vol_volunteers");

            migrationBuilder.DropColumn(
                name: "Unavailable",
                table: "vol_volunteers");

            migrationBuilder.DropColumn(
                name: "WeeklyAvailability",
                table: "vol_volunteers");
        }
    }
}
