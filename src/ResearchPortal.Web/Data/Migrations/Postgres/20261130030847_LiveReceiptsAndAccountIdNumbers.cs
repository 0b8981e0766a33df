using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveReceiptsAndAccountIdNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "EnrollmentReceipts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "AccountIdNumbers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    IdNumberProtected = table.Column<string>(type: "text", nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IdNumberHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountIdNumbers", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_AccountIdNumbers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(DuplicateLiveReceipts.DeclineAllButOneSql);

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentReceipts_LivePerPerson",
                table: "EnrollmentReceipts",
                columns: new[] { "PlanProjectId", "IdNumberHash" },
                unique: true,
                filter: "\"Status\" IN ('Submitted', 'Accepted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountIdNumbers");

            migrationBuilder.DropIndex(
                name: "IX_EnrollmentReceipts_LivePerPerson",
                table: "EnrollmentReceipts");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "EnrollmentReceipts");
        }
    }
}
