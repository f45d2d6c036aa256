using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.WorkAgendas;

/// <summary>EF Core mapping of the work agenda entities (called from <see cref="BanenmonitorDbContext.OnModelCreating"/>).</summary>
public static class WorkAgendaModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WorkAgenda>(e =>
        {
            e.ToTable("WorkAgendas");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(400);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.ProblemAnalysis).HasMaxLength(8000);
            e.Property(x => x.EvaluationSummary).HasMaxLength(4000);
            e.HasIndex(x => new { x.SectorId, x.PeriodStart });
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.PreviousAgenda).WithMany().HasForeignKey(x => x.PreviousAgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Actions).WithOne(x => x.Agenda).HasForeignKey(x => x.AgendaId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Signatures).WithOne(x => x.Agenda).HasForeignKey(x => x.AgendaId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkAgendaSignature>(e =>
        {
            e.ToTable("WorkAgendaSignatures");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        b.Entity<WorkAgendaAction>(e =>
        {
            e.ToTable("WorkAgendaActions");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.Problem).HasMaxLength(2000);
            e.Property(x => x.ForecastJobs).HasPrecision(12, 2);
            e.Property(x => x.SourceQuote).HasMaxLength(2000);
            e.Property(x => x.Source).HasMaxLength(400);
            e.Property(x => x.Evaluation).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.EvaluationReason).HasMaxLength(2000);
            e.HasIndex(x => new { x.AgendaId, x.Type });
            e.HasOne<WorkAgendaAction>().WithMany().HasForeignKey(x => x.CarriedOverFromId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Goals).WithOne(x => x.Action).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Milestones).WithOne(x => x.Action).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Progress).WithOne(x => x.Action).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.RealisedJobs);
        });
        b.Entity<WorkAgendaGoal>(e =>
        {
            e.ToTable("WorkAgendaGoals");
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Target).HasPrecision(12, 2);
            e.Property(x => x.Unit).HasMaxLength(100);
        });
        b.Entity<WorkAgendaMilestone>(e =>
        {
            e.ToTable("WorkAgendaMilestones");
            e.Property(x => x.Description).HasMaxLength(500);
        });
        b.Entity<WorkAgendaProgress>(e =>
        {
            e.ToTable("WorkAgendaProgress");
            e.Property(x => x.GoalValue).HasPrecision(12, 2);
            e.Property(x => x.JobsRealised).HasPrecision(12, 2);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasOne(x => x.Goal).WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
