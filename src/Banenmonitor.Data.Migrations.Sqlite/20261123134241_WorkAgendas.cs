using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Banenmonitor.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkAgendas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkAgendas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreviousAgendaId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemAnalysis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DerivedFromDocuments = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvaluationSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendas_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkAgendas_WorkAgendas_PreviousAgendaId",
                        column: x => x.PreviousAgendaId,
                        principalTable: "WorkAgendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkAgendaActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ForecastJobs = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    SourceQuote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CarriedOverFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EvaluationReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendaActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendaActions_WorkAgendaActions_CarriedOverFromId",
                        column: x => x.CarriedOverFromId,
                        principalTable: "WorkAgendaActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkAgendaActions_WorkAgendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "WorkAgendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkAgendaSignatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendaSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendaSignatures_WorkAgendas_AgendaId",
                        column: x => x.AgendaId,
                        principalTable: "WorkAgendas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkAgendaGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendaGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendaGoals_WorkAgendaActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkAgendaActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkAgendaMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendaMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendaMilestones_WorkAgendaActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkAgendaActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkAgendaProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    GoalValue = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    JobsRealised = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkAgendaProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkAgendaProgress_WorkAgendaActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkAgendaActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkAgendaProgress_WorkAgendaGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "WorkAgendaGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaActions_AgendaId_Type",
                table: "WorkAgendaActions",
                columns: new[] { "AgendaId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaActions_CarriedOverFromId",
                table: "WorkAgendaActions",
                column: "CarriedOverFromId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaGoals_ActionId",
                table: "WorkAgendaGoals",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaMilestones_ActionId",
                table: "WorkAgendaMilestones",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaProgress_ActionId",
                table: "WorkAgendaProgress",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaProgress_GoalId",
                table: "WorkAgendaProgress",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendas_PreviousAgendaId",
                table: "WorkAgendas",
                column: "PreviousAgendaId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendas_SectorId_PeriodStart",
                table: "WorkAgendas",
                columns: new[] { "SectorId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkAgendaSignatures_AgendaId",
                table: "WorkAgendaSignatures",
                column: "AgendaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkAgendaMilestones");

            migrationBuilder.DropTable(
                name: "WorkAgendaProgress");

            migrationBuilder.DropTable(
                name: "WorkAgendaSignatures");

            migrationBuilder.DropTable(
                name: "WorkAgendaGoals");

            migrationBuilder.DropTable(
                name: "WorkAgendaActions");

            migrationBuilder.DropTable(
                name: "WorkAgendas");
        }
    }
}
