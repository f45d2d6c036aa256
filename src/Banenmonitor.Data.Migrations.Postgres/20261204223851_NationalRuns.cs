using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Banenmonitor.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    InputsFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParametersFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    SoftwareVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PayrollRows = table.Column<long>(type: "bigint", nullable: false),
                    Registrations = table.Column<long>(type: "bigint", nullable: false),
                    AttributionRows = table.Column<long>(type: "bigint", nullable: false),
                    EmployerCount = table.Column<long>(type: "bigint", nullable: false),
                    GovernmentEmployers = table.Column<long>(type: "bigint", nullable: false),
                    LiableEmployers = table.Column<long>(type: "bigint", nullable: false),
                    EmployersWithShortfall = table.Column<long>(type: "bigint", nullable: false),
                    RequiredJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    RealisedJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    Shortfall = table.Column<decimal>(type: "numeric", nullable: false),
                    Levy = table.Column<decimal>(type: "numeric", nullable: false),
                    FormalMarketJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    FormalGovernmentJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    HiredInJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    GovernmentShareHiredIn = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    MarketJobs = table.Column<decimal>(type: "numeric", nullable: true),
                    GovernmentJobs = table.Column<decimal>(type: "numeric", nullable: true),
                    BaselineJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    IncreaseJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    PersonsWorking = table.Column<long>(type: "bigint", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalRunEmployers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalRunId = table.Column<long>(type: "bigint", nullable: false),
                    EmployerId = table.Column<int>(type: "integer", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TotalPaidHours = table.Column<decimal>(type: "numeric", nullable: false),
                    AgencyStaffHours = table.Column<decimal>(type: "numeric", nullable: false),
                    TargetGroupHours = table.Column<decimal>(type: "numeric", nullable: false),
                    TotalPaidHoursPreviousYear = table.Column<decimal>(type: "numeric", nullable: true),
                    Attributions = table.Column<int>(type: "integer", nullable: false),
                    A = table.Column<decimal>(type: "numeric", nullable: false),
                    RequiredJobs = table.Column<decimal>(type: "numeric", nullable: true),
                    RealisedJobs = table.Column<decimal>(type: "numeric", nullable: false),
                    Shortfall = table.Column<decimal>(type: "numeric", nullable: false),
                    Levy = table.Column<decimal>(type: "numeric", nullable: false),
                    Exempt = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalRunId = table.Column<long>(type: "bigint", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountsNationally = table.Column<bool>(type: "boolean", nullable: false),
                    HoursLastMonth = table.Column<decimal>(type: "numeric", nullable: false),
                    Jobs = table.Column<decimal>(type: "numeric", nullable: false),
                    Persons = table.Column<long>(type: "bigint", nullable: false),
                    Relations = table.Column<long>(type: "bigint", nullable: false)
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
