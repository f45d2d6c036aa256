using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalRunQuartersRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmployersWithoutRegion",
                table: "NationalRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "RegionSource",
                table: "NationalRuns",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Municipality",
                table: "Employers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalRunQuarters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursEndOfQuarter = table.Column<decimal>(type: "TEXT", nullable: false),
                    Jobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    Persons = table.Column<long>(type: "INTEGER", nullable: false),
                    HoursInQuarter = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRunQuarters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalRunQuarters_NationalRuns_NationalRunId",
                        column: x => x.NationalRunId,
                        principalTable: "NationalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NationalRunRegions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HoursEndOfQuarter = table.Column<decimal>(type: "TEXT", nullable: false),
                    Jobs = table.Column<decimal>(type: "TEXT", nullable: false),
                    Persons = table.Column<long>(type: "INTEGER", nullable: false),
                    HoursInQuarter = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalRunRegions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalRunRegions_NationalRuns_NationalRunId",
                        column: x => x.NationalRunId,
                        principalTable: "NationalRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NationalRunQuarters_NationalRunId_Quarter",
                table: "NationalRunQuarters",
                columns: new[] { "NationalRunId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalRunRegions_NationalRunId_Quarter_RegionNumber",
                table: "NationalRunRegions",
                columns: new[] { "NationalRunId", "Quarter", "RegionNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalRunQuarters");

            migrationBuilder.DropTable(
                name: "NationalRunRegions");

            migrationBuilder.DropColumn(
                name: "EmployersWithoutRegion",
                table: "NationalRuns");

            migrationBuilder.DropColumn(
                name: "RegionSource",
                table: "NationalRuns");

            migrationBuilder.DropColumn(
                name: "Municipality",
                table: "Employers");
        }
    }
}
