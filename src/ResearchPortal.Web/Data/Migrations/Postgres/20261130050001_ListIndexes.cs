using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Organizations_City",
                table: "Organizations",
                column: "City");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Status",
                table: "Filings",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CloseOuts_Status_SubmittedAt",
                table: "CloseOuts",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_City",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Filings_Status",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_CloseOuts_Status_SubmittedAt",
                table: "CloseOuts");
        }
    }
}
