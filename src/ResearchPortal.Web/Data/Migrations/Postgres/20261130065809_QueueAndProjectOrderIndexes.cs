using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueAndProjectOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanProjects_Year_ProjectNumber",
                table: "PlanProjects");

            migrationBuilder.CreateIndex(
                name: "IX_PlanProjects_Year_ProjectNumber",
                table: "PlanProjects",
                columns: new[] { "Year", "ProjectNumber" },
                unique: true,
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt",
                table: "EnrollmentReceipts",
                columns: new[] { "PlanProjectId", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanProjects_Year_ProjectNumber",
                table: "PlanProjects");

            migrationBuilder.DropIndex(
                name: "IX_EnrollmentReceipts_PlanProjectId_Status_SubmittedAt",
                table: "EnrollmentReceipts");

            migrationBuilder.CreateIndex(
                name: "IX_PlanProjects_Year_ProjectNumber",
                table: "PlanProjects",
                columns: new[] { "Year", "ProjectNumber" },
                unique: true);
        }
    }
}
