using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data;

/// <summary>Resolutions of findings and published report versions (issue 21).</summary>
public abstract partial class BanenmonitorDbContext
{
    public DbSet<FindingResolution> FindingResolutions => Set<FindingResolution>();
    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();
    public DbSet<PublishedReportFile> PublishedReportFiles => Set<PublishedReportFile>();

    private static void ConfigureResolutions(ModelBuilder b)
    {
        b.Entity<FindingResolution>(e =>
        {
            e.ToTable("FindingResolutions");
            e.Property(x => x.FindingKey).HasMaxLength(300);
            e.Property(x => x.Sector).HasMaxLength(40);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Figure).HasMaxLength(400);
            e.Property(x => x.Document).HasMaxLength(100);
            e.Property(x => x.PublishedValue).HasPrecision(18, 6);
            e.Property(x => x.ComputedValue).HasPrecision(18, 6);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.Property(x => x.Source).HasMaxLength(400);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.ResolvedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Year, x.FindingKey });
            e.HasIndex(x => x.SupersedesId).IsUnique();
            e.HasOne<FindingResolution>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PublishedReport>(e =>
        {
            e.ToTable("PublishedReports");
            e.Property(x => x.Title).HasMaxLength(200);
            foreach (var p in new[] { nameof(PublishedReport.PdfSha256), nameof(PublishedReport.XlsxSha256), nameof(PublishedReport.HtmlSha256),
                         nameof(PublishedReport.DataVersion), nameof(PublishedReport.ParameterVersion) })
                e.Property(p).HasMaxLength(64);
            e.Property(x => x.ResolutionIds).HasMaxLength(2000);
            e.Property(x => x.PublishedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Year, x.Version }).IsUnique();
            e.HasIndex(x => x.SupersedesId).IsUnique();
            e.HasOne<PublishedReport>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Files).WithOne(x => x.Report).HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PublishedReportFile>(e =>
        {
            e.ToTable("PublishedReportFiles");
            e.Property(x => x.Format).HasMaxLength(10);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => new { x.ReportId, x.Format }).IsUnique();
        });
    }
}
