using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SectorEstimateApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "HiredInJobs",
                table: "SectorRegister",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PermanentJobs",
                table: "SectorRegister",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RealisedJobs",
                table: "SectorRegister",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TemporaryJobs",
                table: "SectorRegister",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "SectorEstimateChoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "SectorEstimateChoices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiredInJobs",
                table: "SectorRegister");

            migrationBuilder.DropColumn(
                name: "PermanentJobs",
                table: "SectorRegister");

            migrationBuilder.DropColumn(
                name: "RealisedJobs",
                table: "SectorRegister");

            migrationBuilder.DropColumn(
                name: "TemporaryJobs",
                table: "SectorRegister");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "SectorEstimateChoices");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "SectorEstimateChoices");
        }
    }
}
