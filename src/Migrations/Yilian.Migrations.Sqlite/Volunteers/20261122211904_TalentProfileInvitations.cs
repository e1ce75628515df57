using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Volunteers
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "vol_volunteers",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "vol_volunteers",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillLevels",
                table: "vol_volunteers",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Unavailable",
                table: "vol_volunteers",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WeeklyAvailability",
                table: "vol_volunteers",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "vol_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActivityTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
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
