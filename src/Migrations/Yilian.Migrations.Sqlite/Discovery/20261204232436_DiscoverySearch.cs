using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Discovery
{
    /// <inheritdoc />
    public partial class DiscoverySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dis_search_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    NextSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dis_search_entries",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    Recent = table.Column<long>(type: "INTEGER", nullable: false),
                    TextHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_entries", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "dis_search_postings",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MinSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Tail = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_postings", x => new { x.Kind, x.Gram, x.MinSeq });
                });

            migrationBuilder.CreateTable(
                name: "dis_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HowToApply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByRequest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_services", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dis_search_entries_Kind_NameKey",
                table: "dis_search_entries",
                columns: new[] { "Kind", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_dis_search_entries_Kind_SourceId",
                table: "dis_search_entries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dis_search_postings_Tails",
                table: "dis_search_postings",
                columns: new[] { "Kind", "Gram" },
                filter: "\"Tail\"");

            migrationBuilder.CreateIndex(
                name: "IX_dis_services_Category_Status",
                table: "dis_services",
                columns: new[] { "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dis_services_CreatedByRequest",
                table: "dis_services",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dis_services_OrganizationId",
                table: "dis_services",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_dis_services_RegionCode_UpdatedAt",
                table: "dis_services",
                columns: new[] { "RegionCode", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dis_search_cursor");

            migrationBuilder.DropTable(
                name: "dis_search_entries");

            migrationBuilder.DropTable(
                name: "dis_search_postings");

            migrationBuilder.DropTable(
                name: "dis_services");
        }
    }
}
