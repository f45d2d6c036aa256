using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SectorRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Actions",
                table: "EmployerReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "HiredInJobs",
                table: "EmployerReports",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PermanentJobs",
                table: "EmployerReports",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SroiJobs",
                table: "EmployerReports",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TemporaryJobs",
                table: "EmployerReports",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SectorEstimateChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Estimate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    StandardError = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Lower = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Upper = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    EmployersReported = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployersTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeShareReported = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChosenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChosenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectorEstimateChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SectorEstimateChoices_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SectorRegister",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    TargetJobs = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectorRegister", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SectorRegister_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SectorEstimateChoices_SectorId_Year",
                table: "SectorEstimateChoices",
                columns: new[] { "SectorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectorRegister_EmployerId_Year",
                table: "SectorRegister",
                columns: new[] { "EmployerId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectorRegister_Year",
                table: "SectorRegister",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SectorEstimateChoices");

            migrationBuilder.DropTable(
                name: "SectorRegister");

            migrationBuilder.DropColumn(
                name: "Actions",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "HiredInJobs",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "PermanentJobs",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "SroiJobs",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "TemporaryJobs",
                table: "EmployerReports");
        }
    }
}
