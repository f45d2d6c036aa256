using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Resolutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FindingResolutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ComputedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersedesId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingResolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingResolutions_FindingResolutions_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "FindingResolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublishedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    XlsxSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HtmlSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DataVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParameterVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResolutionIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersedesId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedReports_PublishedReports_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "PublishedReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublishedReportFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedReportFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedReportFiles_PublishedReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "PublishedReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingResolutions_SupersedesId",
                table: "FindingResolutions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingResolutions_Year_FindingKey",
                table: "FindingResolutions",
                columns: new[] { "Year", "FindingKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReportFiles_ReportId_Format",
                table: "PublishedReportFiles",
                columns: new[] { "ReportId", "Format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReports_SupersedesId",
                table: "PublishedReports",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReports_Year_Version",
                table: "PublishedReports",
                columns: new[] { "Year", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingResolutions");

            migrationBuilder.DropTable(
                name: "PublishedReportFiles");

            migrationBuilder.DropTable(
                name: "PublishedReports");
        }
    }
}
