using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrailPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportChanges_ImportRunId",
                table: "ImportChanges");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_StartedAt",
                table: "ImportRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportChanges_ImportRunId_Id",
                table: "ImportChanges",
                columns: new[] { "ImportRunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Timestamp_Id",
                table: "AuditEntries",
                columns: new[] { "Timestamp", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_StartedAt",
                table: "ImportRuns");

            migrationBuilder.DropIndex(
                name: "IX_ImportChanges_ImportRunId_Id",
                table: "ImportChanges");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Timestamp_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_ImportChanges_ImportRunId",
                table: "ImportChanges",
                column: "ImportRunId");
        }
    }
}
