using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaskedIdNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "RosterEntries",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "EnrollmentReceipts",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "AccountIdNumbers",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "RosterEntries");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "EnrollmentReceipts");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "AccountIdNumbers");
        }
    }
}
