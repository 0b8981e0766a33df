using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "TotalHours",
                table: "Filings",
                type: "numeric(9,2)",
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
            migrationBuilder.DropColumn(
                name: "TimesReturned",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "TotalHours",
                table: "Filings");
        }
    }
}
