using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReceiptTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReceiptTallies",
                columns: table => new
                {
                    PlanProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptTallies", x => new { x.PlanProjectId, x.Status });
                });

            // Every change to a receipt's status counts here in the same transaction (Data/ReceiptTally.cs).
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReceiptTallies_Insert" AFTER INSERT ON "EnrollmentReceipts"
                BEGIN
                    INSERT INTO "ReceiptTallies" ("PlanProjectId", "Status", "Count") VALUES (NEW."PlanProjectId", NEW."Status", 1)
                    ON CONFLICT ("PlanProjectId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReceiptTallies_Update" AFTER UPDATE OF "Status", "PlanProjectId" ON "EnrollmentReceipts"
                WHEN OLD."Status" IS NOT NEW."Status" OR OLD."PlanProjectId" IS NOT NEW."PlanProjectId"
                BEGIN
                    UPDATE "ReceiptTallies" SET "Count" = "Count" - 1 WHERE "PlanProjectId" = OLD."PlanProjectId" AND "Status" = OLD."Status";
                    INSERT INTO "ReceiptTallies" ("PlanProjectId", "Status", "Count") VALUES (NEW."PlanProjectId", NEW."Status", 1)
                    ON CONFLICT ("PlanProjectId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReceiptTallies_Delete" AFTER DELETE ON "EnrollmentReceipts"
                BEGIN
                    UPDATE "ReceiptTallies" SET "Count" = "Count" - 1 WHERE "PlanProjectId" = OLD."PlanProjectId" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReceiptTallies" ("PlanProjectId", "Status", "Count")
                SELECT "PlanProjectId", "Status", count(*) FROM "EnrollmentReceipts" GROUP BY "PlanProjectId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ReceiptTallies_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "ReceiptTallies_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "ReceiptTallies_Delete";""");

            migrationBuilder.DropTable(
                name: "ReceiptTallies");
        }
    }
}
