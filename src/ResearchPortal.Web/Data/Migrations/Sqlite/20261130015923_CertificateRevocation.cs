using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateRevocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevokedCertificates",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RosterEntryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedCertificates", x => x.Number);
                    table.ForeignKey(
                        name: "FK_RevokedCertificates_RosterEntries_RosterEntryId",
                        column: x => x.RosterEntryId,
                        principalTable: "RosterEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevokedCertificates_RosterEntryId",
                table: "RevokedCertificates",
                column: "RosterEntryId");

            // Numbers are now stored in normal form (CertificateNumbers.Normalize) so that look-ups match exactly;
            // earlier rows were trimmed when recorded, so upper-casing is what remains.
            migrationBuilder.Sql("UPDATE \"RosterEntries\" SET \"CertificateNumber\" = UPPER(\"CertificateNumber\") WHERE \"CertificateNumber\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevokedCertificates");
        }
    }
}
