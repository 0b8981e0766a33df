using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectTallies",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTallies", x => x.Year);
                });

            // Every project added, removed or moved to another year counts here in the same transaction
            // (Data/ProjectTally.cs).
            migrationBuilder.Sql("""
                CREATE FUNCTION "ProjectTallies_Count"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "ProjectTallies" SET "Count" = "Count" - 1 WHERE "Year" = OLD."Year";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "ProjectTallies" ("Year", "Count") VALUES (NEW."Year", 1)
                        ON CONFLICT ("Year") DO UPDATE SET "Count" = "ProjectTallies"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ProjectTallies_Insert" AFTER INSERT ON "PlanProjects"
                    FOR EACH ROW EXECUTE FUNCTION "ProjectTallies_Count"();
                CREATE TRIGGER "ProjectTallies_Update" AFTER UPDATE OF "Year" ON "PlanProjects"
                    FOR EACH ROW WHEN (OLD."Year" IS DISTINCT FROM NEW."Year") EXECUTE FUNCTION "ProjectTallies_Count"();
                CREATE TRIGGER "ProjectTallies_Delete" AFTER DELETE ON "PlanProjects"
                    FOR EACH ROW EXECUTE FUNCTION "ProjectTallies_Count"();
                INSERT INTO "ProjectTallies" ("Year", "Count") SELECT "Year", count(*) FROM "PlanProjects" GROUP BY "Year";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ProjectTallies_Insert" ON "PlanProjects";
                DROP TRIGGER "ProjectTallies_Update" ON "PlanProjects";
                DROP TRIGGER "ProjectTallies_Delete" ON "PlanProjects";
                DROP FUNCTION "ProjectTallies_Count"();
                """);

            migrationBuilder.DropTable(
                name: "ProjectTallies");
        }
    }
}
