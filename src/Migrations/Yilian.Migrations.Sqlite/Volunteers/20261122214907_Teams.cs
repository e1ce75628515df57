using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Volunteers
{
    /// <inheritdoc />
    public partial class Teams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vol_team_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_team_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_teams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vol_team_members_TeamId_VolunteerId",
                table: "vol_team_members",
                columns: new[] { "TeamId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_team_members_VolunteerId",
                table: "vol_team_members",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_teams_OrganizationId_Name",
                table: "vol_teams",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vol_team_members");

            migrationBuilder.DropTable(
                name: "vol_teams");
        }
    }
}
