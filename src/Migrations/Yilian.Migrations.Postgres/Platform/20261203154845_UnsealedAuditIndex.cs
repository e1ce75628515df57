using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Platform
{
    /// <inheritdoc />
    public partial class UnsealedAuditIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_Unsealed",
                table: "platform_audit_entries",
                column: "Id",
                filter: "\"Sequence\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_Unsealed",
                table: "platform_audit_entries");
        }
    }
}
