using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data;

/// <summary>Sector registers, the methods chosen for sector totals, and the extra fields of employer reports.</summary>
public abstract partial class BanenmonitorDbContext
{
    public DbSet<SectorRegisterEntry> SectorRegister => Set<SectorRegisterEntry>();
    public DbSet<SectorEstimateChoice> SectorEstimateChoices => Set<SectorEstimateChoice>();

    private static void ConfigureSectorRegister(ModelBuilder b)
    {
        b.Entity<SectorRegisterEntry>(e =>
        {
            e.Property(x => x.Size).HasPrecision(16, 2);
            foreach (var p in new[] { nameof(SectorRegisterEntry.TargetJobs), nameof(SectorRegisterEntry.RealisedJobs), nameof(SectorRegisterEntry.PermanentJobs),
                         nameof(SectorRegisterEntry.TemporaryJobs), nameof(SectorRegisterEntry.HiredInJobs) })
                e.Property(p).HasPrecision(12, 2);
            e.Property(x => x.Source).HasMaxLength(400);
            e.HasIndex(x => new { x.EmployerId, x.Year }).IsUnique();
            e.HasIndex(x => x.Year);
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SectorEstimateChoice>(e =>
        {
            e.Property(x => x.Method).HasMaxLength(40);
            foreach (var p in new[] { nameof(SectorEstimateChoice.Estimate), nameof(SectorEstimateChoice.StandardError), nameof(SectorEstimateChoice.Lower), nameof(SectorEstimateChoice.Upper) })
                e.Property(p).HasPrecision(12, 2);
            e.Property(x => x.SizeShareReported).HasPrecision(7, 2);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.ChosenBy).HasMaxLength(200);
            e.Property(x => x.ApprovedBy).HasMaxLength(200);
            e.Ignore(x => x.Approved);
            e.HasIndex(x => new { x.SectorId, x.Year }).IsUnique();
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EmployerReport>(e =>
        {
            foreach (var p in new[] { nameof(EmployerReport.SroiJobs), nameof(EmployerReport.PermanentJobs), nameof(EmployerReport.TemporaryJobs), nameof(EmployerReport.HiredInJobs) })
                e.Property(p).HasPrecision(12, 2);
            e.Property(x => x.Actions).HasMaxLength(4000);
        });
    }
}
