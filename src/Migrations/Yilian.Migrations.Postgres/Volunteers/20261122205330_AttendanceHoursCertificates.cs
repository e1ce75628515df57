using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Volunteers
{
    /// <inheritdoc />
    public partial class AttendanceHoursCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vol_attendance_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AttendanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OldCheckInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OldCheckOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NewCheckInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NewCheckOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_attendance_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VolunteerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ActivityTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurrenceStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OccurrenceEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckInMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CheckOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckOutMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DistanceMeters = table.Column<int>(type: "integer", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    LeftEarly = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    CreditedMinutes = table.Column<int>(type: "integer", nullable: false),
                    PointsEntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationContact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_attendances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VolunteerNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    ServiceContent = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ServiceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceTo = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandlerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    HandlerContact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_hours_totals",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedMinutes = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_hours_totals", x => x.VolunteerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vol_attendance_corrections_AttendanceId",
                table: "vol_attendance_corrections",
                column: "AttendanceId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_attendances_ActivityId_OccurrenceStart",
                table: "vol_attendances",
                columns: new[] { "ActivityId", "OccurrenceStart" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_attendances_OrganizationId_Status",
                table: "vol_attendances",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_attendances_VolunteerId_OccurrenceId",
                table: "vol_attendances",
                columns: new[] { "VolunteerId", "OccurrenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_certificates_Number",
                table: "vol_certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_certificates_VolunteerId",
                table: "vol_certificates",
                column: "VolunteerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vol_attendance_corrections");

            migrationBuilder.DropTable(
                name: "vol_attendances");

            migrationBuilder.DropTable(
                name: "vol_certificates");

            migrationBuilder.DropTable(
                name: "vol_hours_totals");
        }
    }
}
