using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Finance
{
    /// <inheritdoc />
    public partial class CharityDonationsAnnualFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fin_annual_figures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    PublicFundraising = table.Column<bool>(type: "boolean", nullable: false),
                    TotalIncome = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    NetAssetsYearEnd = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    CharitableSpending = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    ManagementCost = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    TotalSpending = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_annual_figures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_charity_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Raised = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    DonationCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_charity_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_donation_allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpenseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CharityProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_donation_allocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_donation_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    RecordedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    OfferedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_donation_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_donation_intents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CharityProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    DonorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    Message = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_donation_intents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CharityProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Refunded = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Allocated = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    DonorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    Message = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RefundsId = table.Column<Guid>(type: "uuid", nullable: true),
                    RefundReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_donations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fin_annual_figures_OrganizationId_Year",
                table: "fin_annual_figures",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_charity_projects_CreatedByRequest",
                table: "fin_charity_projects",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_charity_projects_FundId",
                table: "fin_charity_projects",
                column: "FundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_charity_projects_OrganizationId",
                table: "fin_charity_projects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donation_allocations_At",
                table: "fin_donation_allocations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donation_allocations_DonationId",
                table: "fin_donation_allocations",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donation_allocations_ExpenseId",
                table: "fin_donation_allocations",
                column: "ExpenseId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donation_flags_DonationId",
                table: "fin_donation_flags",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_Channel_TransactionId",
                table: "fin_donations",
                columns: new[] { "Channel", "TransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_CharityProjectId_Open_ReceivedAt",
                table: "fin_donations",
                columns: new[] { "CharityProjectId", "Open", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_CharityProjectId_ReceivedAt",
                table: "fin_donations",
                columns: new[] { "CharityProjectId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_CreatedByRequest",
                table: "fin_donations",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_Number",
                table: "fin_donations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_ReceivedAt",
                table: "fin_donations",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_RecordedAt",
                table: "fin_donations",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_fin_donations_RefundsId",
                table: "fin_donations",
                column: "RefundsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fin_annual_figures");

            migrationBuilder.DropTable(
                name: "fin_charity_projects");

            migrationBuilder.DropTable(
                name: "fin_donation_allocations");

            migrationBuilder.DropTable(
                name: "fin_donation_flags");

            migrationBuilder.DropTable(
                name: "fin_donation_intents");

            migrationBuilder.DropTable(
                name: "fin_donations");
        }
    }
}
