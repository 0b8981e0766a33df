using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RuleDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "HolidayCalendarYears",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LateSubmissionAllowance_GrantedAt",
                table: "Filings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateSubmissionAllowance_GrantedByName",
                table: "Filings",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateSubmissionAllowance_GrantedByUserId",
                table: "Filings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateSubmissionAllowance_Reason",
                table: "Filings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LateSubmissionAllowance_StartDate",
                table: "Filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResubmitBy",
                table: "Filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResubmitBy",
                table: "CloseOuts",
                type: "date",
                nullable: true);

            // Years entered before publishing was a separate step were treated as final; keep those that list
            // holidays so, and leave an empty year provisional.
            migrationBuilder.Sql(
                """
                UPDATE "HolidayCalendarYears" SET "IsPublished" = TRUE
                WHERE EXISTS (SELECT 1 FROM "HolidayCalendarDays" d WHERE d."Year" = "HolidayCalendarYears"."Year" AND d."Kind" = 'Holiday')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "HolidayCalendarYears");

            migrationBuilder.DropColumn(
                name: "LateSubmissionAllowance_GrantedAt",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "LateSubmissionAllowance_GrantedByName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "LateSubmissionAllowance_GrantedByUserId",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "LateSubmissionAllowance_Reason",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "LateSubmissionAllowance_StartDate",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ResubmitBy",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ResubmitBy",
                table: "CloseOuts");
        }
    }
}
