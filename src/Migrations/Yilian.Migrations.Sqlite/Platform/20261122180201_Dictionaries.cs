using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Yilian.Migrations.Sqlite.Platform
{
    /// <inheritdoc />
    public partial class Dictionaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_dictionary_items",
                columns: table => new
                {
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_dictionary_items", x => new { x.Type, x.Code });
                });

            migrationBuilder.InsertData(
                table: "platform_dictionary_items",
                columns: new[] { "Code", "Type", "IsActive", "NameEn", "NameZh", "Sort" },
                values: new object[,]
                {
                    { "children", "service-field", true, "Children", "儿童服务", 20 },
                    { "disabled", "service-field", true, "Disability", "助残服务", 30 },
                    { "education", "service-field", true, "Education", "教育服务", 80 },
                    { "elderly", "service-field", true, "Elderly", "养老服务", 10 },
                    { "environment", "service-field", true, "Environment", "环境保护", 50 },
                    { "governance", "service-field", true, "Community governance", "社区治理", 70 },
                    { "health", "service-field", true, "Health", "健康服务", 90 },
                    { "poverty", "service-field", true, "Social assistance", "社会救助", 100 },
                    { "veterans", "service-field", true, "Veterans", "退役军人服务", 60 },
                    { "women", "service-field", true, "Women", "妇女服务", 40 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_dictionary_items");
        }
    }
}
