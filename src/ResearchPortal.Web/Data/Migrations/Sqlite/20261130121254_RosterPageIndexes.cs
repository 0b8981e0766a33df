using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RosterPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RosterEntries_AwaitingCertificate",
                table: "RosterEntries",
                column: "PlanProjectId",
                filter: "\"Passed\" AND \"CertificateNumber\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntries_PlanProjectId_Sequence_Id",
                table: "RosterEntries",
                columns: new[] { "PlanProjectId", "Sequence", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RosterEntries_AwaitingCertificate",
                table: "RosterEntries");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntries_PlanProjectId_Sequence_Id",
                table: "RosterEntries");
        }
    }
}
