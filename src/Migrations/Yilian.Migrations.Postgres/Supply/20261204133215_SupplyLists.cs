using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Postgres.Supply
{
    /// <inheritdoc />
    public partial class SupplyLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sup_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProviderKind = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RegionName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Quantity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AvailableTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_resources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sup_service_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ServiceField = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AreaCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PriceFrom = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    PriceTo = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Load = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RatingCount = table.Column<int>(type: "integer", nullable: false),
                    RatingSum = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sup_service_projects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_CreatedByRequest",
                table: "sup_evaluations",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_NeedId_ServiceProjectId_Source",
                table: "sup_evaluations",
                columns: new[] { "NeedId", "ServiceProjectId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_OrganizationId_RatedAt",
                table: "sup_evaluations",
                columns: new[] { "OrganizationId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_RatedAt",
                table: "sup_evaluations",
                column: "RatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sup_evaluations_ServiceProjectId_RatedAt",
                table: "sup_evaluations",
                columns: new[] { "ServiceProjectId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_resources_CreatedByRequest",
                table: "sup_resources",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_resources_Public_Withdrawn_PostedAt",
                table: "sup_resources",
                columns: new[] { "Public", "Withdrawn", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_resources_RegionCode_PostedAt",
                table: "sup_resources",
                columns: new[] { "RegionCode", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_service_projects_CreatedByRequest",
                table: "sup_service_projects",
                column: "CreatedByRequest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sup_service_projects_OrganizationId",
                table: "sup_service_projects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_sup_service_projects_RegionCode_UpdatedAt",
                table: "sup_service_projects",
                columns: new[] { "RegionCode", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sup_service_projects_ServiceField_Status",
                table: "sup_service_projects",
                columns: new[] { "ServiceField", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_evaluations");

            migrationBuilder.DropTable(
                name: "sup_resources");

            migrationBuilder.DropTable(
                name: "sup_service_projects");
        }
    }
}
