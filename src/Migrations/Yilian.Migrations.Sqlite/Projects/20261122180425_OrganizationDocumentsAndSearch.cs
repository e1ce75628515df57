using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Projects
{
    /// <inheritdoc />
    public partial class OrganizationDocumentsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_prj_documents_OrganizationId_UploadedAt",
                table: "prj_documents",
                columns: new[] { "OrganizationId", "UploadedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_documents_OrganizationId_UploadedAt",
                table: "prj_documents");
        }
    }
}
