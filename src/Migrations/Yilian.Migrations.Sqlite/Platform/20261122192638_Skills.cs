using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Yilian.Migrations.Sqlite.Platform
{
    /// <inheritdoc />
    public partial class Skills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "platform_dictionary_items",
                columns: new[] { "Code", "Type", "IsActive", "NameEn", "NameZh", "Sort" },
                values: new object[,]
                {
                    { "counselling", "skill", true, "Counselling", "心理疏导", 70 },
                    { "driving", "skill", true, "Driving", "驾驶", 60 },
                    { "elderly-care", "skill", true, "Elderly care", "为老服务", 20 },
                    { "first-aid", "skill", true, "First aid", "急救", 10 },
                    { "it", "skill", true, "Computers and phones", "电脑与手机教学", 80 },
                    { "order", "skill", true, "Keeping order", "秩序维护", 100 },
                    { "photography", "skill", true, "Photography", "摄影摄像", 40 },
                    { "publicity", "skill", true, "Publicity", "宣传策划", 90 },
                    { "translation", "skill", true, "Translation", "外语翻译", 50 },
                    { "tutoring", "skill", true, "Tutoring", "课业辅导", 30 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "counselling", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "driving", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "elderly-care", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "first-aid", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "it", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "order", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "photography", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "publicity", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "translation", "skill" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "tutoring", "skill" });
        }
    }
}
