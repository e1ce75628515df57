using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Discovery
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: true),
                    NextSeq = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dis_search_entries",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    Recent = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TextHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_entries", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "dis_search_postings",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MinSeq = table.Column<long>(type: "bigint", nullable: false),
                    MaxSeq = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    Tail = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_search_postings", x => new { x.Kind, x.Gram, x.MinSeq });
                });

            migrationBuilder.CreateTable(
                name: "dis_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RegionName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HowToApply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
