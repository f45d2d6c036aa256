using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Banenmonitor.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EmployerId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    InputsFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParametersFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    SoftwareVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Incomplete = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false)
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
                name: "IX_ComputationRecords_Kind_EmployerId_Year_InputsFingerprint_P~",
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
