using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
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
                    PlanProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptTallies", x => new { x.PlanProjectId, x.Status });
                });

            // Every change to a receipt's status counts here in the same transaction (Data/ReceiptTally.cs). A status
            // change takes the old status's row before the new one's, in every transaction alike.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ReceiptTallies_Count"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "ReceiptTallies" SET "Count" = "Count" - 1
                        WHERE "PlanProjectId" = OLD."PlanProjectId" AND "Status" = OLD."Status";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "ReceiptTallies" ("PlanProjectId", "Status", "Count") VALUES (NEW."PlanProjectId", NEW."Status", 1)
                        ON CONFLICT ("PlanProjectId", "Status") DO UPDATE SET "Count" = "ReceiptTallies"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ReceiptTallies_Insert" AFTER INSERT ON "EnrollmentReceipts"
                    FOR EACH ROW EXECUTE FUNCTION "ReceiptTallies_Count"();
                CREATE TRIGGER "ReceiptTallies_Update" AFTER UPDATE OF "Status", "PlanProjectId" ON "EnrollmentReceipts"
                    FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PlanProjectId" IS DISTINCT FROM NEW."PlanProjectId")
                    EXECUTE FUNCTION "ReceiptTallies_Count"();
                CREATE TRIGGER "ReceiptTallies_Delete" AFTER DELETE ON "EnrollmentReceipts"
                    FOR EACH ROW EXECUTE FUNCTION "ReceiptTallies_Count"();
                INSERT INTO "ReceiptTallies" ("PlanProjectId", "Status", "Count")
                SELECT "PlanProjectId", "Status", count(*) FROM "EnrollmentReceipts" GROUP BY "PlanProjectId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ReceiptTallies_Insert" ON "EnrollmentReceipts";
                DROP TRIGGER "ReceiptTallies_Update" ON "EnrollmentReceipts";
                DROP TRIGGER "ReceiptTallies_Delete" ON "EnrollmentReceipts";
                DROP FUNCTION "ReceiptTallies_Count"();
                """);

            migrationBuilder.DropTable(
                name: "ReceiptTallies");
        }
    }
}
