using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
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
                    Scope = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListVersions", x => x.Scope);
                });

            // Every change to what the lists show moves a version (Data/ListVersion.cs): a project's for its receipts and
            // roster (a row moved to another project moves both), the plan's (the all-zero scope) for projects, units,
            // filings, close-outs and plan years.
            foreach (var (table, scope) in Tables)
            {
                string[] moves = scope == "plan"
                    ? [MovePlan, MovePlan, MovePlan]
                    : [Move("NEW", "true"), Move("OLD", "true") + Move("NEW", "NEW.\"PlanProjectId\" IS NOT OLD.\"PlanProjectId\""), Move("OLD", "true")];
                foreach (var ((trigger, operation), move) in Triggers(table).Zip(moves))
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{trigger}" AFTER {operation} ON "{table}"
                        BEGIN
                        {move}
                        END;
                        """);
                }
            }
        }

        private const string Plan = "00000000-0000-0000-0000-000000000000";

        private const string MovePlan = $"""
            INSERT INTO "ListVersions" ("Scope", "Version") VALUES ('{Plan}', 1)
            ON CONFLICT ("Scope") DO UPDATE SET "Version" = "Version" + 1;
            """;

        private static readonly (string Table, string Scope)[] Tables =
        [
            ("EnrollmentReceipts", "project"), ("RosterEntries", "project"),
            ("PlanProjects", "plan"), ("Organizations", "plan"), ("Filings", "plan"), ("CloseOuts", "plan"), ("PlanYears", "plan"),
        ];

        private static IEnumerable<(string Trigger, string Operation)> Triggers(string table) =>
            new[] { $"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete" }.Zip(["INSERT", "UPDATE", "DELETE"]);

        /// <summary>The upsert that moves the version of the project of <paramref name="row"/> (NEW or OLD).</summary>
        private static string Move(string row, string when) => $"""
            INSERT INTO "ListVersions" ("Scope", "Version") SELECT {row}."PlanProjectId", 1 WHERE {when}
            ON CONFLICT ("Scope") DO UPDATE SET "Version" = "Version" + 1;

            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Tables)
            {
                foreach (var (trigger, _) in Triggers(table))
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
                }
            }

            migrationBuilder.DropTable(
                name: "ListVersions");
        }
    }
}
