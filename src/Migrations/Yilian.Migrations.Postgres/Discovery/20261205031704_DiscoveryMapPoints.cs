using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Discovery
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
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    Recent = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Class = table.Column<int>(type: "integer", nullable: false)
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

            // The nearby search's index (decision 034): a geography point computed from the coordinates, under GiST for `<->`,
            // alone and after the kind and category (btree_gist), so one kind's or one category's nearest are read directly.
            // The index is rebuilt at the next start so existing documents get points.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS postgis;
                ALTER TABLE dis_map_points ADD COLUMN geog geography(Point, 4326)
                    GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint("Longitude", "Latitude"), 4326)::geography) STORED;
                CREATE INDEX "IX_dis_map_points_geog" ON dis_map_points USING gist (geog);
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                CREATE INDEX "IX_dis_map_points_Kind_Category_geog" ON dis_map_points USING gist ("Kind", "Category", geog);
                UPDATE dis_search_cursor SET "AuditSequence" = NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dis_map_points");
        }
    }
}
