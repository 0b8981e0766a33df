using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ListVersions",
                columns: table => new
                {
                    Scope = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListVersions", x => x.Scope);
                });

            // Every change to what the lists show moves a version (Data/ListVersion.cs): a project's for its receipts and
            // roster, the plan's (the all-zero scope) for projects, units, filings, close-outs and plan years. Deferred to the
            // commit, after the transaction's other row locks; and a project's row is taken only after the plan's,
            // so every commit takes them in one order and none waits for another in a cycle.
            migrationBuilder.Sql($"""
                CREATE FUNCTION "ListVersions_Move"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_ARGV[0] = 'plan' THEN
                        INSERT INTO "ListVersions" ("Scope", "Version") VALUES ('{Plan}', 1)
                        ON CONFLICT ("Scope") DO UPDATE SET "Version" = "ListVersions"."Version" + 1;
                        RETURN NULL;
                    END IF;
                    INSERT INTO "ListVersions" ("Scope", "Version") VALUES ('{Plan}', 0) ON CONFLICT ("Scope") DO NOTHING;
                    PERFORM 1 FROM "ListVersions" WHERE "Scope" = '{Plan}' FOR UPDATE;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO "ListVersions" ("Scope", "Version") VALUES (OLD."PlanProjectId", 1)
                        ON CONFLICT ("Scope") DO UPDATE SET "Version" = "ListVersions"."Version" + 1;
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."PlanProjectId" IS DISTINCT FROM OLD."PlanProjectId") THEN
                        INSERT INTO "ListVersions" ("Scope", "Version") VALUES (NEW."PlanProjectId", 1)
                        ON CONFLICT ("Scope") DO UPDATE SET "Version" = "ListVersions"."Version" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var (table, scope) in Tables)
            {
                foreach (var (trigger, operation) in Triggers(table))
                {
                    migrationBuilder.Sql($"""
                        CREATE CONSTRAINT TRIGGER "{trigger}" AFTER {operation} ON "{table}" DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW EXECUTE FUNCTION "ListVersions_Move"('{scope}');
                        """);
                }
            }
        }

        private const string Plan = "00000000-0000-0000-0000-000000000000";

        private static readonly (string Table, string Scope)[] Tables =
        [
            ("EnrollmentReceipts", "project"), ("RosterEntries", "project"),
            ("PlanProjects", "plan"), ("Organizations", "plan"), ("Filings", "plan"), ("CloseOuts", "plan"), ("PlanYears", "plan"),
        ];

        private static IEnumerable<(string Trigger, string Operation)> Triggers(string table) =>
            new[] { $"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete" }.Zip(["INSERT", "UPDATE", "DELETE"]);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Tables)
            {
                foreach (var (trigger, _) in Triggers(table))
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{trigger}" ON "{table}";""");
                }
            }

            migrationBuilder.Sql("""DROP FUNCTION "ListVersions_Move"();""");
            migrationBuilder.DropTable(
                name: "ListVersions");
        }
    }
}
