using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Projects
{
    /// <inheritdoc />
    public partial class BoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_projects_Stage_OrganizationId",
                table: "prj_projects");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_Stage_RegionCode_OrganizationId",
                table: "prj_projects",
                columns: new[] { "Stage", "RegionCode", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_Stage_StageChangedAt",
                table: "prj_projects",
                columns: new[] { "Stage", "StageChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_projects_Stage_RegionCode_OrganizationId",
                table: "prj_projects");

            migrationBuilder.DropIndex(
                name: "IX_prj_projects_Stage_StageChangedAt",
                table: "prj_projects");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_Stage_OrganizationId",
                table: "prj_projects",
                columns: new[] { "Stage", "OrganizationId" });
        }
    }
}
