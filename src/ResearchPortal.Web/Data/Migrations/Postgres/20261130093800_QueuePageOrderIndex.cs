using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueuePageOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt",
                table: "EnrollmentReceipts");

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt_Id",
                table: "EnrollmentReceipts",
                columns: new[] { "PlanProjectId", "Status", "SubmittedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt_Id",
                table: "EnrollmentReceipts");

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt",
                table: "EnrollmentReceipts",
                columns: new[] { "PlanProjectId", "Status", "SubmittedAt" });
        }
    }
}
