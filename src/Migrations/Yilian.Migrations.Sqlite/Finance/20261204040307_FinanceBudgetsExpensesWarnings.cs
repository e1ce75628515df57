using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class FinanceBudgetsExpensesWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fin_budgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_expenses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReversesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_expenses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_funds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_funds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExplainedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExplainedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fin_budget_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_budget_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_budget_versions_fin_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "fin_budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpenseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    InvoiceAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_receipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_receipts_fin_expenses_ExpenseId",
                        column: x => x.ExpenseId,
                        principalTable: "fin_expenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_warning_expenses",
                columns: table => new
                {
                    WarningId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpenseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_warning_expenses", x => new { x.WarningId, x.ExpenseId });
                    table.ForeignKey(
                        name: "FK_fin_warning_expenses_fin_warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "fin_warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fin_budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fin_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fin_budget_lines_fin_budget_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "fin_budget_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fin_budget_lines_VersionId_Code",
                table: "fin_budget_lines",
                columns: new[] { "VersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_budget_versions_BudgetId_Version",
                table: "fin_budget_versions",
                columns: new[] { "BudgetId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_budgets_OrganizationId",
                table: "fin_budgets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_budgets_ProjectId",
                table: "fin_budgets",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_expenses_BudgetId_LineCode",
                table: "fin_expenses",
                columns: new[] { "BudgetId", "LineCode" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_expenses_OrganizationId_Number",
                table: "fin_expenses",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_expenses_OrganizationId_Payee_Date",
                table: "fin_expenses",
                columns: new[] { "OrganizationId", "Payee", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_funds_OrganizationId",
                table: "fin_funds",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_receipts_ExpenseId",
                table: "fin_receipts",
                column: "ExpenseId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_receipts_InvoiceNumber_InvoiceAmount",
                table: "fin_receipts",
                columns: new[] { "InvoiceNumber", "InvoiceAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_fin_receipts_Sha256",
                table: "fin_receipts",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_fin_warning_expenses_ExpenseId",
                table: "fin_warning_expenses",
                column: "ExpenseId");

            migrationBuilder.CreateIndex(
                name: "IX_fin_warnings_OrganizationId_Key",
                table: "fin_warnings",
                columns: new[] { "OrganizationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fin_warnings_Status_Severity_RaisedAt",
                table: "fin_warnings",
                columns: new[] { "Status", "Severity", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fin_budget_lines");

            migrationBuilder.DropTable(
                name: "fin_funds");

            migrationBuilder.DropTable(
                name: "fin_receipts");

            migrationBuilder.DropTable(
                name: "fin_warning_expenses");

            migrationBuilder.DropTable(
                name: "fin_budget_versions");

            migrationBuilder.DropTable(
                name: "fin_expenses");

            migrationBuilder.DropTable(
                name: "fin_warnings");

            migrationBuilder.DropTable(
                name: "fin_budgets");
        }
    }
}
