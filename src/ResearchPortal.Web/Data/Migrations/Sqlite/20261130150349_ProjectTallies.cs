using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
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
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTallies", x => x.Year);
                });

            // Every project added, removed or moved to another year counts here in the same transaction
            // (Data/ProjectTally.cs).
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProjectTallies_Insert" AFTER INSERT ON "PlanProjects"
                BEGIN
                    INSERT INTO "ProjectTallies" ("Year", "Count") VALUES (NEW."Year", 1)
                    ON CONFLICT ("Year") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProjectTallies_Update" AFTER UPDATE OF "Year" ON "PlanProjects"
                WHEN OLD."Year" IS NOT NEW."Year"
                BEGIN
                    UPDATE "ProjectTallies" SET "Count" = "Count" - 1 WHERE "Year" = OLD."Year";
                    INSERT INTO "ProjectTallies" ("Year", "Count") VALUES (NEW."Year", 1)
                    ON CONFLICT ("Year") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProjectTallies_Delete" AFTER DELETE ON "PlanProjects"
                BEGIN
                    UPDATE "ProjectTallies" SET "Count" = "Count" - 1 WHERE "Year" = OLD."Year";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ProjectTallies" ("Year", "Count") SELECT "Year", count(*) FROM "PlanProjects" GROUP BY "Year";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ProjectTallies_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "ProjectTallies_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "ProjectTallies_Delete";""");

            migrationBuilder.DropTable(
                name: "ProjectTallies");
        }
    }
}
