using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Projects
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CommunityRating",
                table: "prj_projects",
                type: "TEXT",
                precision: 3,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prj_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EvaluatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    MaxTotal = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_evaluations_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_evaluations_ProjectId_EvaluatorId",
                table: "prj_evaluations",
                columns: new[] { "ProjectId", "EvaluatorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_evaluations");

            migrationBuilder.DropColumn(
                name: "CommunityRating",
                table: "prj_projects");
        }
    }
}
