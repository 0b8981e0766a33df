using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
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
                    PlanProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrollmentVersions", x => x.PlanProjectId);
                });

            // Every change to a project's receipts or roster moves its version (Data/EnrollmentVersion.cs); a row moved
            // to another project moves both.
            foreach (var table in Tables)
            {
                foreach (var (trigger, operation, moves) in Triggers(table))
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{trigger}" AFTER {operation} ON "{table}"
                        BEGIN
                        {moves}
                        END;
                        """);
                }
            }
        }

        private static readonly string[] Tables = ["EnrollmentReceipts", "RosterEntries"];

        private static IEnumerable<(string Trigger, string Operation, string Moves)> Triggers(string table) =>
            new[] { $"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete" }.Zip(
                ["INSERT", "UPDATE", "DELETE"],
                [Move("NEW", "true"), Move("OLD", "true") + Move("NEW", "NEW.\"PlanProjectId\" IS NOT OLD.\"PlanProjectId\""), Move("OLD", "true")]);

        /// <summary>The upsert that moves the version of the project of <paramref name="row"/> (NEW or OLD).</summary>
        private static string Move(string row, string when) => $"""
            INSERT INTO "EnrollmentVersions" ("PlanProjectId", "Version") SELECT {row}."PlanProjectId", 1 WHERE {when}
            ON CONFLICT ("PlanProjectId") DO UPDATE SET "Version" = "Version" + 1;

            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var (trigger, _, _) in Triggers(table))
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
                }
            }

            migrationBuilder.DropTable(
                name: "EnrollmentVersions");
        }
    }
}
