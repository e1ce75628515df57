using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Volunteers
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OldCheckInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OldCheckOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NewCheckInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NewCheckOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_attendance_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VolunteerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ActivityTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurrenceStart = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurrenceEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckInMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CheckOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckOutMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DistanceMeters = table.Column<int>(type: "INTEGER", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftEarly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganizationContact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_attendances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VolunteerNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceContent = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ServiceFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServiceTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HandlerContact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_hours_totals",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfirmedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false)
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
