using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Yilian.Migrations.Postgres.Platform
{
    /// <inheritdoc />
    public partial class ActivityDictionaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "platform_dictionary_items",
                columns: new[] { "Code", "Type", "IsActive", "NameEn", "NameZh", "Sort" },
                values: new object[,]
                {
                    { "class", "activity-type", true, "Class", "课程培训", 10 },
                    { "culture", "activity-type", true, "Culture and sports", "文体活动", 50 },
                    { "health-check", "activity-type", true, "Health check", "健康义诊", 60 },
                    { "market", "activity-type", true, "Community market", "便民集市", 30 },
                    { "meeting", "activity-type", true, "Residents' meeting", "议事协商", 40 },
                    { "visit", "activity-type", true, "Home visit", "探访关怀", 20 },
                    { "volunteering", "activity-type", true, "Volunteering", "志愿服务", 70 },
                    { "accessible", "facility", true, "Step-free access", "无障碍通道", 40 },
                    { "kitchen", "facility", true, "Kitchen", "厨房", 30 },
                    { "projector", "facility", true, "Projector", "投影仪", 10 },
                    { "sound", "facility", true, "Sound system", "音响", 20 },
                    { "tables", "facility", true, "Tables and chairs", "桌椅", 60 },
                    { "wifi", "facility", true, "Wi-Fi", "无线网络", 50 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "class", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "culture", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "health-check", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "market", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "meeting", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "visit", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "volunteering", "activity-type" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "accessible", "facility" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "kitchen", "facility" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "projector", "facility" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "sound", "facility" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "tables", "facility" });

            migrationBuilder.DeleteData(
                table: "platform_dictionary_items",
                keyColumns: new[] { "Code", "Type" },
                keyValues: new object[] { "wifi", "facility" });
        }
    }
}
