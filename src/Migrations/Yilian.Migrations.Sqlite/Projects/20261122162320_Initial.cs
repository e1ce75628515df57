using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Projects
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_workflows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_workflows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ServiceFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TargetGroups = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FundingAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkflowId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StageChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_projects_prj_workflows_WorkflowId",
                        column: x => x.WorkflowId,
                        principalTable: "prj_workflows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prj_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_documents_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_indicators_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_timeline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_timeline_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_documents_ProjectId_DocumentType_Version",
                table: "prj_documents",
                columns: new[] { "ProjectId", "DocumentType", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_indicators_ProjectId",
                table: "prj_indicators",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_OrganizationId",
                table: "prj_projects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_RegionCode",
                table: "prj_projects",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_Stage_OrganizationId",
                table: "prj_projects",
                columns: new[] { "Stage", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_WorkflowId",
                table: "prj_projects",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_timeline_ProjectId_OccurredAt",
                table: "prj_timeline",
                columns: new[] { "ProjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_workflows_Version",
                table: "prj_workflows",
                column: "Version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_documents");

            migrationBuilder.DropTable(
                name: "prj_indicators");

            migrationBuilder.DropTable(
                name: "prj_timeline");

            migrationBuilder.DropTable(
                name: "prj_projects");

            migrationBuilder.DropTable(
                name: "prj_workflows");
        }
    }
}
