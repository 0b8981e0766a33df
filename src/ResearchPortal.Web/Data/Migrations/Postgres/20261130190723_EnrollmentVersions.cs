using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnrollmentVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnrollmentVersions",
                columns: table => new
                {
                    PlanProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrollmentVersions", x => x.PlanProjectId);
                });

            // Every change to a project's receipts or roster moves its version (Data/EnrollmentVersion.cs). Deferred to
            // the commit: the shared row is then the transaction's last lock, so parallel saves cannot deadlock on it.
            migrationBuilder.Sql("""
                CREATE FUNCTION "EnrollmentVersions_Move"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO "EnrollmentVersions" ("PlanProjectId", "Version") VALUES (OLD."PlanProjectId", 1)
                        ON CONFLICT ("PlanProjectId") DO UPDATE SET "Version" = "EnrollmentVersions"."Version" + 1;
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."PlanProjectId" IS DISTINCT FROM OLD."PlanProjectId") THEN
                        INSERT INTO "EnrollmentVersions" ("PlanProjectId", "Version") VALUES (NEW."PlanProjectId", 1)
                        ON CONFLICT ("PlanProjectId") DO UPDATE SET "Version" = "EnrollmentVersions"."Version" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in Tables)
            {
                foreach (var (trigger, operation) in Triggers(table))
                {
                    migrationBuilder.Sql($"""
                        CREATE CONSTRAINT TRIGGER "{trigger}" AFTER {operation} ON "{table}" DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW EXECUTE FUNCTION "EnrollmentVersions_Move"();
                        """);
                }
            }
        }

        private static readonly string[] Tables = ["EnrollmentReceipts", "RosterEntries"];

        private static IEnumerable<(string Trigger, string Operation)> Triggers(string table) =>
            new[] { $"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete" }.Zip(["INSERT", "UPDATE", "DELETE"]);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var (trigger, _) in Triggers(table))
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{trigger}" ON "{table}";""");
                }
            }

            migrationBuilder.Sql("""DROP FUNCTION "EnrollmentVersions_Move"();""");
            migrationBuilder.DropTable(
                name: "EnrollmentVersions");
        }
    }
}
