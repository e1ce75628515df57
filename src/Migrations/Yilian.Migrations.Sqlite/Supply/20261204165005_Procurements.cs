using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Supply
{
    /// <inheritdoc />
    public partial class Procurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sup_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_panel_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PanelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_panel_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_panel_judges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PanelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WorksFor = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Mentors = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SeatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_panel_judges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_panel_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PanelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_panel_scores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_panels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Rubric = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Normalize = table.Column<bool>(type: "INTEGER", nullable: false),
                    DropExtremes = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_panels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_procurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PanelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ProposalsDue = table.Column<long>(type: "INTEGER", nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    Invited = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AwardedProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwardedOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    AwardNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedByRequest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_procurements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sup_milestones_OrganizationId_DueOn",
                table: "sup_milestones",
                columns: new[] { "OrganizationId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_milestones_ProcurementId_Sequence",
                table: "sup_milestones",
                columns: new[] { "ProcurementId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_panel_conflicts_PanelId_EntryId_UserName",
                table: "sup_panel_conflicts",
                columns: new[] { "PanelId", "EntryId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_panel_judges_PanelId_UserName",
                table: "sup_panel_judges",
                columns: new[] { "PanelId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_panel_judges_UserName",
                table: "sup_panel_judges",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_sup_panel_scores_PanelId_EntryId_UserName",
                table: "sup_panel_scores",
                columns: new[] { "PanelId", "EntryId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_panels_Kind_SubjectId",
                table: "sup_panels",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_CreatedByRequest",
                table: "sup_procurements",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_NeedId",
                table: "sup_procurements",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_Number",
                table: "sup_procurements",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_RegionCode_OpenedAt",
                table: "sup_procurements",
                columns: new[] { "RegionCode", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_procurements_Status_ProposalsDue",
                table: "sup_procurements",
                columns: new[] { "Status", "ProposalsDue" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_proposals_OrganizationId",
                table: "sup_proposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_proposals_ProcurementId_OrganizationId",
                table: "sup_proposals",
                columns: new[] { "ProcurementId", "OrganizationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_milestones");

            migrationBuilder.DropTable(
                name: "sup_panel_conflicts");

            migrationBuilder.DropTable(
                name: "sup_panel_judges");

            migrationBuilder.DropTable(
                name: "sup_panel_scores");

            migrationBuilder.DropTable(
                name: "sup_panels");

            migrationBuilder.DropTable(
                name: "sup_procurements");

            migrationBuilder.DropTable(
                name: "sup_proposals");
        }
    }
}
