using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Organizations
{
    /// <inheritdoc />
    public partial class OrganizationRequestKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByRequest",
                table: "org_organizations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_CreatedByRequest",
                table: "org_organizations",
                column: "CreatedByRequest",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_org_organizations_CreatedByRequest",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "CreatedByRequest",
                table: "org_organizations");
        }
    }
}
