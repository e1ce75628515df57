using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Discovery
{
    /// <inheritdoc />
    public partial class DiscoveryMapPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dis_map_points",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    Recent = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Class = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dis_map_points", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dis_map_points_Kind_SourceId",
                table: "dis_map_points",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dis_map_points_RegionCode",
                table: "dis_map_points",
                column: "RegionCode");

            // The R*Tree the nearby search reads (decision 034) — latitude, longitude and class (kind and category) — kept by
            // triggers; 32-bit bounds are rounded outwards, and the search measures every point it reads exactly. The index is
            // rebuilt at the next start so existing documents get points.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE dis_map_rtree USING rtree(id, min_lat, max_lat, min_lng, max_lng, min_class, max_class);
                CREATE TRIGGER dis_map_points_ai AFTER INSERT ON dis_map_points BEGIN
                    INSERT INTO dis_map_rtree VALUES (new."Id", new."Latitude", new."Latitude", new."Longitude", new."Longitude",
                        new."Class", new."Class");
                END;
                CREATE TRIGGER dis_map_points_au AFTER UPDATE OF "Latitude", "Longitude", "Class" ON dis_map_points BEGIN
                    UPDATE dis_map_rtree SET min_lat = new."Latitude", max_lat = new."Latitude", min_lng = new."Longitude",
                        max_lng = new."Longitude", min_class = new."Class", max_class = new."Class" WHERE id = new."Id";
                END;
                CREATE TRIGGER dis_map_points_ad AFTER DELETE ON dis_map_points BEGIN
                    DELETE FROM dis_map_rtree WHERE id = old."Id";
                END;
                UPDATE dis_search_cursor SET "AuditSequence" = NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS dis_map_rtree;");
            migrationBuilder.DropTable(
                name: "dis_map_points");
        }
    }
}
