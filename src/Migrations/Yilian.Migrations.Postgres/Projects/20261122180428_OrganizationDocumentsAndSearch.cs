using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Projects
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

            // Board search is a substring match (LIKE '%term%') on project and organization names;
            // trigram indexes answer it without scanning every project (docs/decisions/010).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_prj_projects_name_trgm ON prj_projects USING gin (\"Name\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_prj_projects_org_name_trgm ON prj_projects USING gin (\"OrganizationName\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_prj_projects_name_trgm; DROP INDEX IF EXISTS ix_prj_projects_org_name_trgm;");
            migrationBuilder.DropIndex(
                name: "IX_prj_documents_OrganizationId_UploadedAt",
                table: "prj_documents");
        }
    }
}
