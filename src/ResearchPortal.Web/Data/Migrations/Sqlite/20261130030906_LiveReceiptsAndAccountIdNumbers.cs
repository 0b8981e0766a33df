using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveReceiptsAndAccountIdNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "EnrollmentReceipts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AccountIdNumbers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    IdNumberProtected = table.Column<string>(type: "TEXT", nullable: false),
                    BoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdNumberHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
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
                name: "Version",
                table: "EnrollmentReceipts");
        }
    }
}
