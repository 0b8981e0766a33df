using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilingStoredTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TimesReturned",
                table: "Filings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "TotalHours",
                table: "Filings",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // Filings saved before: their totals as the view computed them from the JSON columns; from now on the
            // filing keeps them itself and the review queue's view reads the columns.
            migrationBuilder.Sql($"""
                UPDATE "Filings" AS f
                SET "TotalHours" = {FilingReviewView.TotalHoursFromJson}, "TimesReturned" = {FilingReviewView.TimesReturnedFromJson}
                """);
            migrationBuilder.Sql("""DROP VIEW "FilingReviewItems" """);
            migrationBuilder.Sql(FilingReviewView.CreateView("f.\"TotalHours\"", "f.\"TimesReturned\""));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP VIEW "FilingReviewItems" """);
            migrationBuilder.Sql(FilingReviewView.CreateView(FilingReviewView.TotalHoursFromJson, FilingReviewView.TimesReturnedFromJson));
            // SQLite's own DROP COLUMN: EF's table rebuild would trip over the views that read "Filings".
            migrationBuilder.Sql("""ALTER TABLE "Filings" DROP COLUMN "TimesReturned" """);
            migrationBuilder.Sql("""ALTER TABLE "Filings" DROP COLUMN "TotalHours" """);
        }
    }
}
