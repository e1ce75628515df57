using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Activities
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TargetGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecurrenceRule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VenueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    ExpectedParticipants = table.Column<int>(type: "integer", nullable: false),
                    StaffIds = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    VolunteerNeeds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_feed_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_feed_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_venues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Facilities = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OpeningHours = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FollowsWorkCalendar = table.Column<bool>(type: "boolean", nullable: false),
                    MinMinutes = table.Column<int>(type: "integer", nullable: false),
                    MaxMinutes = table.Column<int>(type: "integer", nullable: false),
                    BufferMinutes = table.Column<int>(type: "integer", nullable: false),
                    Policy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_act_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "act_occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    VenueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VenueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            // The database itself makes double-booking impossible (decision 011): no two occurrences of a
            // venue overlap over [Start, BlockEnd), and no person is in two occurrences at once.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE act_occurrences ADD CONSTRAINT ex_act_occurrences_venue_time
                    EXCLUDE USING gist ("VenueId" WITH =, tstzrange("Start", "BlockEnd", '[)') WITH &&) WHERE ("VenueId" IS NOT NULL);
                """);
            migrationBuilder.Sql("""
                ALTER TABLE act_person_bookings ADD CONSTRAINT ex_act_person_bookings_person_time
                    EXCLUDE USING gist ("PersonKey" WITH =, tstzrange("Start", "End", '[)') WITH &&);
                """);
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
