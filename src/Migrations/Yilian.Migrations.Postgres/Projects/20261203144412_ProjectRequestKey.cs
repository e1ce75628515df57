using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Projects
{
    /// <inheritdoc />
    public partial class ProjectRequestKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByRequest",
                table: "prj_projects",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_CreatedByRequest",
                table: "prj_projects",
                column: "CreatedByRequest",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_projects_CreatedByRequest",
                table: "prj_projects");

            migrationBuilder.DropColumn(
                name: "CreatedByRequest",
                table: "prj_projects");
        }
    }
}
