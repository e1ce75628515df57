using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yilian.Migrations.Sqlite.Neighbours
{
    /// <inheritdoc />
    public partial class NeighboursInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nb_help_posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShownName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LateWithdrawal = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PosterConfirmedDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    HelperConfirmedDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reminded = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nb_help_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nb_help_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nb_help_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nb_help_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShownName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LateWithdrawal = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nb_help_responses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_posts_OwnerUserId",
                table: "nb_help_posts",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_posts_Status_RegionCode_CreatedAt",
                table: "nb_help_posts",
                columns: new[] { "Status", "RegionCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_reports_PostId",
                table: "nb_help_reports",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_reports_Status_RegionCode",
                table: "nb_help_reports",
                columns: new[] { "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_responses_OwnerUserId",
                table: "nb_help_responses",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_nb_help_responses_PostId_OwnerUserId",
                table: "nb_help_responses",
                columns: new[] { "PostId", "OwnerUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nb_help_posts");

            migrationBuilder.DropTable(
                name: "nb_help_reports");

            migrationBuilder.DropTable(
                name: "nb_help_responses");
        }
    }
}
