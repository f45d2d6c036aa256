using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NationalRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    InputsFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParametersFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    SoftwareVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PayrollRows = table.Column<long>(type: "INTEGER", nullable: false),
                    Registrations = table.Column<long>(type: "INTEGER", nullable: false),
                    AttributionRows = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerCount = table.Column<long>(type: "INTEGER", nullable: false),
                    GovernmentEmployers = table.Column<long>(type: "INTEGER", nullable: false),
                    LiableEmployers = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployersWithShortfall = table.Column<long>(type: "INTEGER", nullable: false),
                    RequiredJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    RealisedJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    Shortfall = table.Column<decimal>(type: "TEXT", nullable: false),
                    Levy = table.Column<decimal>(type: "TEXT", nullable: false),
                    FormalMarketJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    FormalGovernmentJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    HiredInJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    GovernmentShareHiredIn = table.Column<decimal>(type: "TEXT", nullable: true),
                    TotalJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    MarketJobs = table.Column<decimal>(type: "TEXT", nullable: true),
                    GovernmentJobs = table.Column<decimal>(type: "TEXT", nullable: true),
                    BaselineJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    IncreaseJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    PersonsWorking = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalRunEmployers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TotalPaidHours = table.Column<decimal>(type: "TEXT", nullable: false),
                    AgencyStaffHours = table.Column<decimal>(type: "TEXT", nullable: false),
                    TargetGroupHours = table.Column<decimal>(type: "TEXT", nullable: false),
                    TotalPaidHoursPreviousYear = table.Column<decimal>(type: "TEXT", nullable: true),
                    Attributions = table.Column<int>(type: "INTEGER", nullable: false),
                    A = table.Column<decimal>(type: "TEXT", nullable: false),
                    RequiredJobs = table.Column<decimal>(type: "TEXT", nullable: true),
                    RealisedJobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    Shortfall = table.Column<decimal>(type: "TEXT", nullable: false),
                    Levy = table.Column<decimal>(type: "TEXT", nullable: false),
                    Exempt = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRunEmployers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalRunEmployers_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NationalRunEmployers_NationalRuns_NationalRunId",
                        column: x => x.NationalRunId,
                        principalTable: "NationalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NationalRunMeasurements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CountsNationally = table.Column<bool>(type: "INTEGER", nullable: false),
                    HoursLastMonth = table.Column<decimal>(type: "TEXT", nullable: false),
                    Jobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    Persons = table.Column<long>(type: "INTEGER", nullable: false),
                    Relations = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRunMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalRunMeasurements_NationalRuns_NationalRunId",
                        column: x => x.NationalRunId,
                        principalTable: "NationalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NationalRunEmployers_EmployerId",
                table: "NationalRunEmployers",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalRunEmployers_NationalRunId_EmployerId",
                table: "NationalRunEmployers",
                columns: new[] { "NationalRunId", "EmployerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalRunMeasurements_NationalRunId",
                table: "NationalRunMeasurements",
                column: "NationalRunId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalRuns_RunId",
                table: "NationalRuns",
                column: "RunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalRuns_Year_ComputedAt",
                table: "NationalRuns",
                columns: new[] { "Year", "ComputedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalRunEmployers");

            migrationBuilder.DropTable(
                name: "NationalRunMeasurements");

            migrationBuilder.DropTable(
                name: "NationalRuns");
        }
    }
}
