using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilingReviewView : Migration
    {
        /// <summary>A filing's 学时总计 summed from its sessions' JSON.</summary>
        internal const string TotalHoursFromJson = """
            (SELECT coalesce(sum(json_extract(session.value, '$.Hours')), 0) FROM json_each(f."ExpertSessions") AS session)
            """;

        /// <summary>How often a filing was returned, counted in its transitions' JSON.</summary>
        internal const string TimesReturnedFromJson = """
            (SELECT count(*) FROM json_each(f."Transitions") AS move WHERE json_extract(move.value, '$.To') = 'Returned')
            """;

        /// <summary>The view, with the expressions that give each filing's hours and returns.</summary>
        internal static string CreateView(string totalHours, string timesReturned) => $"""
            CREATE VIEW "FilingReviewItems" AS
            SELECT f."PlanProjectId" AS "ProjectId", f."Status", p."Year", p."ProjectNumber", p."Name" AS "ProjectName",
                   host."Name" AS "HostName", host."City" AS "HostCity",
                   CASE WHEN f."EndDate" IS NULL THEN NULL ELSE f."StartDate" END AS "StartDate",
                   CASE WHEN f."StartDate" IS NULL THEN NULL ELSE f."EndDate" END AS "EndDate",
                   f."PlannedTraineeCount", f."SubmittedAt",
                   {totalHours} AS "TotalHours",
                   {timesReturned} AS "TimesReturned"
            FROM "Filings" AS f
            LEFT JOIN "PlanProjects" AS p ON f."PlanProjectId" = p."Id"
            LEFT JOIN "Organizations" AS host ON p."HostOrganizationId" = host."Id"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The review queue reads filings through this view (Data/Configurations/FilingReviewItemConfiguration.cs);
            // the hours and the returns come from the filing's JSON columns, read here with SQLite's JSON functions
            // (FilingStoredTotals later stores them with the filing).
            migrationBuilder.Sql(CreateView(TotalHoursFromJson, TimesReturnedFromJson));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP VIEW "FilingReviewItems" """);
        }
    }
}
