using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Model;

/// <summary>Tables <c>NationalRuns</c>, <c>NationalRunEmployers</c>, <c>NationalRunMeasurements</c>, <c>NationalRunQuarters</c> and <c>NationalRunRegions</c>.</summary>
public static class NationalRunConfiguration
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<NationalRun>(e =>
        {
            e.ToTable("NationalRuns");
            e.Property(x => x.RunId).HasMaxLength(32);
            e.HasIndex(x => x.RunId).IsUnique();
            e.HasIndex(x => new { x.Year, x.ComputedAt });
            e.Property(x => x.InputsFingerprint).HasMaxLength(64);
            e.Property(x => x.ParametersFingerprint).HasMaxLength(64);
            e.Property(x => x.SoftwareVersion).HasMaxLength(100);
            e.Property(x => x.ComputedBy).HasMaxLength(200);
            e.Property(x => x.ComputedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            e.HasMany(x => x.Employers).WithOne(x => x.Run).HasForeignKey(x => x.NationalRunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Measurement).WithOne(x => x.Run).HasForeignKey(x => x.NationalRunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Quarters).WithOne(x => x.Run).HasForeignKey(x => x.NationalRunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Regions).WithOne(x => x.Run).HasForeignKey(x => x.NationalRunId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.RegionSource).HasMaxLength(300);
        });
        b.Entity<NationalRunEmployer>(e =>
        {
            e.ToTable("NationalRunEmployers");
            e.Property(x => x.SectorCode).HasMaxLength(10);
            e.HasIndex(x => new { x.NationalRunId, x.EmployerId }).IsUnique();
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<NationalRunMeasurement>(e =>
        {
            e.ToTable("NationalRunMeasurements");
            e.Property(x => x.SectorCode).HasMaxLength(10);
            e.Property(x => x.Form).HasMaxLength(20);
        });
        b.Entity<NationalRunQuarter>(e =>
        {
            e.ToTable("NationalRunQuarters");
            e.HasIndex(x => new { x.NationalRunId, x.Quarter }).IsUnique();
        });
        b.Entity<NationalRunRegion>(e =>
        {
            e.ToTable("NationalRunRegions");
            e.Property(x => x.RegionName).HasMaxLength(100);
            e.HasIndex(x => new { x.NationalRunId, x.Quarter, x.RegionNumber }).IsUnique();
        });
    }
}
