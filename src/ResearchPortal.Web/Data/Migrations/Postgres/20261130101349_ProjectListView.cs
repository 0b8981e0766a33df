using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectListView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Lists read projects through this view (Data/Configurations/ProjectListItemConfiguration.cs). Left joins
            // although every project has both units: PostgreSQL drops a left join on a unique key whose columns a
            // query does not use. Dates as EF reads the filing's optional date range: none unless both are set.
            migrationBuilder.Sql("""
                CREATE VIEW "ProjectListItems" AS
                SELECT p."Id", p."Year", p."ProjectNumber", p."Name", p."Field",
                       p."HostOrganizationId", host."Name" AS "HostName", host."City" AS "HostCity",
                       p."ApplicantOrganizationId", applicant."Name" AS "ApplicantName",
                       f."Status" AS "FilingStatus",
                       CASE WHEN f."EndDate" IS NULL THEN NULL ELSE f."StartDate" END AS "StartDate",
                       CASE WHEN f."StartDate" IS NULL THEN NULL ELSE f."EndDate" END AS "EndDate",
                       c."Status" AS "CloseOutStatus"
                FROM "PlanProjects" AS p
                LEFT JOIN "Organizations" AS host ON p."HostOrganizationId" = host."Id"
                LEFT JOIN "Organizations" AS applicant ON p."ApplicantOrganizationId" = applicant."Id"
                LEFT JOIN "Filings" AS f ON p."Id" = f."PlanProjectId"
                LEFT JOIN "CloseOuts" AS c ON p."Id" = c."PlanProjectId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP VIEW "ProjectListItems" """);
        }
    }
}
