using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComputationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComputationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    InputsFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParametersFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    SoftwareVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Incomplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComputationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComputationRecords_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComputationRecords_EmployerId",
                table: "ComputationRecords",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComputationRecords_Kind_EmployerId_Year_InputsFingerprint_ParametersFingerprint",
                table: "ComputationRecords",
                columns: new[] { "Kind", "EmployerId", "Year", "InputsFingerprint", "ParametersFingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComputationRecords");
        }
    }
}
