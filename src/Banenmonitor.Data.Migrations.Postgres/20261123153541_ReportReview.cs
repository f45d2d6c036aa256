using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SectorReports_SectorId_Year",
                table: "SectorReports");

            migrationBuilder.DropIndex(
                name: "IX_EmployerReports_EmployerId_Year",
                table: "EmployerReports");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "SectorReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "SectorReports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "SectorReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "SectorReports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "RealisedJobs",
                table: "EmployerReports",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2);

            migrationBuilder.AddColumn<decimal>(
                name: "PreviousYearPaidHours",
                table: "EmployerReports",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "EmployerReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "EmployerReports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "EmployerReports",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "EmployerReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "EmployerReports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TargetGroupHours",
                table: "EmployerReports",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TotalPaidHours",
                table: "EmployerReports",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectorReports_Approved",
                table: "SectorReports",
                columns: new[] { "SectorId", "Year" },
                unique: true,
                filter: "\"Status\" = 3");

            migrationBuilder.CreateIndex(
                name: "IX_SectorReports_Open",
                table: "SectorReports",
                columns: new[] { "SectorId", "Year" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_SectorReports_SectorId_Year_Status",
                table: "SectorReports",
                columns: new[] { "SectorId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerReports_Approved",
                table: "EmployerReports",
                columns: new[] { "EmployerId", "Year" },
                unique: true,
                filter: "\"Status\" = 3");

            migrationBuilder.CreateIndex(
                name: "IX_EmployerReports_EmployerId_Year_Status",
                table: "EmployerReports",
                columns: new[] { "EmployerId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerReports_Open",
                table: "EmployerReports",
                columns: new[] { "EmployerId", "Year" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SectorReports_Approved",
                table: "SectorReports");

            migrationBuilder.DropIndex(
                name: "IX_SectorReports_Open",
                table: "SectorReports");

            migrationBuilder.DropIndex(
                name: "IX_SectorReports_SectorId_Year_Status",
                table: "SectorReports");

            migrationBuilder.DropIndex(
                name: "IX_EmployerReports_Approved",
                table: "EmployerReports");

            migrationBuilder.DropIndex(
                name: "IX_EmployerReports_EmployerId_Year_Status",
                table: "EmployerReports");

            migrationBuilder.DropIndex(
                name: "IX_EmployerReports_Open",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "SectorReports");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "SectorReports");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "SectorReports");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "SectorReports");

            migrationBuilder.DropColumn(
                name: "PreviousYearPaidHours",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "TargetGroupHours",
                table: "EmployerReports");

            migrationBuilder.DropColumn(
                name: "TotalPaidHours",
                table: "EmployerReports");

            migrationBuilder.AlterColumn<decimal>(
                name: "RealisedJobs",
                table: "EmployerReports",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectorReports_SectorId_Year",
                table: "SectorReports",
                columns: new[] { "SectorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmployerReports_EmployerId_Year",
                table: "EmployerReports",
                columns: new[] { "EmployerId", "Year" },
                unique: true);
        }
    }
}
