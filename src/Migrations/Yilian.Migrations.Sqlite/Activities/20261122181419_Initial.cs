using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Activities
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "act_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    RecurrenceRule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpectedParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffIds = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    VolunteerNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_feed_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_feed_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_venues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Facilities = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FollowsWorkCalendar = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockEnd = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_occurrences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_act_occurrences_act_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "act_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_act_occurrences_act_venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "act_venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "act_venue_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_venue_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_act_venue_closures_act_venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "act_venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "act_person_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_person_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_act_person_bookings_act_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "act_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_act_activities_OrganizationId_Start",
                table: "act_activities",
                columns: new[] { "OrganizationId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_act_activities_ProjectId",
                table: "act_activities",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_act_activities_RegionCode_Start",
                table: "act_activities",
                columns: new[] { "RegionCode", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_act_feed_tokens_OwnerUserId",
                table: "act_feed_tokens",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_act_feed_tokens_TokenHash",
                table: "act_feed_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_act_occurrences_ActivityId",
                table: "act_occurrences",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_act_occurrences_Start_VenueId",
                table: "act_occurrences",
                columns: new[] { "Start", "VenueId" });

            migrationBuilder.CreateIndex(
                name: "IX_act_occurrences_VenueId_Start",
                table: "act_occurrences",
                columns: new[] { "VenueId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_act_person_bookings_OccurrenceId",
                table: "act_person_bookings",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_act_person_bookings_PersonKey_Start",
                table: "act_person_bookings",
                columns: new[] { "PersonKey", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_act_venue_closures_VenueId_Date",
                table: "act_venue_closures",
                columns: new[] { "VenueId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_act_venues_RegionCode",
                table: "act_venues",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "act_feed_tokens");

            migrationBuilder.DropTable(
                name: "act_person_bookings");

            migrationBuilder.DropTable(
                name: "act_venue_closures");

            migrationBuilder.DropTable(
                name: "act_occurrences");

            migrationBuilder.DropTable(
                name: "act_activities");

            migrationBuilder.DropTable(
                name: "act_venues");
        }
    }
}
