using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Privacy;
using Banenmonitor.Data.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data;

/// <summary>
/// The Banenmonitor database: domain figures, audit trail and ASP.NET Core Identity (users, roles) in one context.
/// Use <see cref="SqliteBanenmonitorDbContext"/> or <see cref="PostgresBanenmonitorDbContext"/> (each has its own
/// migrations); <see cref="BanenmonitorDatabase"/> picks one from configuration.
/// </summary>
public abstract partial class BanenmonitorDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<TargetGroupRegistration> TargetGroupRegistrations => Set<TargetGroupRegistration>();
    public DbSet<PaidHoursRecord> PaidHours => Set<PaidHoursRecord>();
    public DbSet<HiredInHoursRecord> HiredInHours => Set<HiredInHoursRecord>();
    public DbSet<SroiContract> SroiContracts => Set<SroiContract>();
    public DbSet<SroiPlacement> SroiPlacements => Set<SroiPlacement>();
    public DbSet<SectorTarget> SectorTargets => Set<SectorTarget>();
    public DbSet<SectorReport> SectorReports => Set<SectorReport>();
    public DbSet<EmployerReport> EmployerReports => Set<EmployerReport>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportChange> ImportChanges => Set<ImportChange>();
    /// <summary>Audit entries and bulk-import changes together (view; see <see cref="AuditTrailRow"/>).</summary>
    public DbSet<AuditTrailRow> AuditTrail => Set<AuditTrailRow>();
    public DbSet<ParameterOverride> ParameterOverrides => Set<ParameterOverride>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<WorkAgenda> WorkAgendas => Set<WorkAgenda>();
    public DbSet<PseudonymKeyFingerprint> PseudonymKeyFingerprints => Set<PseudonymKeyFingerprint>();
    public DbSet<ComputationRecord> ComputationRecords => Set<ComputationRecord>();
    public DbSet<NationalRun> NationalRuns => Set<NationalRun>();
    public DbSet<NationalRunEmployer> NationalRunEmployers => Set<NationalRunEmployer>();
    public DbSet<NationalRunMeasurement> NationalRunMeasurements => Set<NationalRunMeasurement>();
    public DbSet<NationalRunQuarter> NationalRunQuarters => Set<NationalRunQuarter>();
    public DbSet<NationalRunRegion> NationalRunRegions => Set<NationalRunRegion>();
    public DbSet<Banenmonitor.Data.Scenarios.StoredScenario> Scenarios => Set<Banenmonitor.Data.Scenarios.StoredScenario>();

    /// <summary>Who and why, recorded with every change of a figure (see <see cref="AuditInterceptor"/>).</summary>
    public AuditActor Actor { get; set; } = AuditActor.System;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(AuditInterceptor.Instance, Banenmonitor.Data.WorkAgendas.WorkAgendaGuard.Instance, Banenmonitor.Data.Resolutions.ImmutableRecordGuard.Instance);
        base.OnConfiguring(optionsBuilder);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<ParameterOverride>(e =>
        {
            e.ToTable("ParameterOverrides");
            e.HasIndex(x => new { x.Name, x.ValidFrom }).IsUnique();
            e.Property(x => x.Value).HasPrecision(18, 6);
        });
        b.Entity<ApiToken>(e =>
        {
            e.ToTable("ApiTokens");
            e.HasIndex(x => x.Hash).IsUnique();
        });

        b.Entity<Sector>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasData(Rules.Published.PublicSectors.Platform.Select(s => new Sector { Id = s.Id!.Value, Code = s.Code, Name = s.ShortName, LegalSectorCode = s.LegalSectorCode, IsGovernment = s.IsGovernment }));
        });
        b.Entity<Employer>(e =>
        {
            e.Property(x => x.PayrollTaxNumber).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Municipality).HasMaxLength(100);
            e.HasIndex(x => x.PayrollTaxNumber).IsUnique();
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TargetGroupRegistration>(e =>
        {
            e.Property(x => x.Pseudonym).HasMaxLength(64);
            e.HasIndex(x => new { x.Pseudonym, x.Ground, x.StartDate }).IsUnique();
        });
        b.Entity<PaidHoursRecord>(e =>
        {
            e.Property(x => x.Pseudonym).HasMaxLength(64);
            e.Property(x => x.Hours).HasPrecision(12, 2);
            e.HasIndex(x => new { x.Pseudonym, x.EmployerId, x.PeriodStart }).IsUnique();
            e.HasIndex(x => new { x.EmployerId, x.PeriodStart });
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<HiredInHoursRecord>(e =>
        {
            e.ToTable("HiredInAttributions"); // the table keeps its name (no migration for the class's new name)
            e.Property(x => x.Pseudonym).HasMaxLength(64);
            e.Property(x => x.Hours).HasPrecision(12, 2);
            e.HasIndex(x => new { x.Pseudonym, x.LenderId, x.HirerId, x.Year }).IsUnique();
            e.HasOne(x => x.Lender).WithMany().HasForeignKey(x => x.LenderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Hirer).WithMany().HasForeignKey(x => x.HirerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SroiContract>(e =>
        {
            e.Property(x => x.Reference).HasMaxLength(60);
            e.Property(x => x.SupplierName).HasMaxLength(200);
            e.Property(x => x.SupplierPayrollTaxNumber).HasMaxLength(12);
            e.Property(x => x.Value).HasPrecision(16, 2);
            e.Property(x => x.Obligation).HasPrecision(16, 2);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasOne(x => x.Procurer).WithMany().HasForeignKey(x => x.ProcurerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Placements).WithOne(x => x.Contract).HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SroiPlacement>(e =>
        {
            e.Property(x => x.Reference).HasMaxLength(60);
            e.Property(x => x.Pseudonym).HasMaxLength(64);
            e.Property(x => x.Hours).HasPrecision(12, 2);
            e.HasIndex(x => new { x.ContractId, x.Reference }).IsUnique();
        });
        b.Entity<SectorTarget>(e =>
        {
            e.Property(x => x.TargetJobs).HasPrecision(12, 2);
            e.Property(x => x.Source).HasMaxLength(400);
            e.HasIndex(x => new { x.SectorId, x.Year }).IsUnique();
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SectorReport>(e =>
        {
            foreach (var p in new[] { nameof(SectorReport.TargetJobs), nameof(SectorReport.RealisedJobs), nameof(SectorReport.SroiJobs), nameof(SectorReport.HiredInJobs) })
                e.Property(p).HasPrecision(12, 2);
            foreach (var p in new[] { nameof(SectorReport.Percentage), nameof(SectorReport.PercentageIncludingSroi), nameof(SectorReport.PermanentShare), nameof(SectorReport.TemporaryShare), nameof(SectorReport.Coverage) })
                e.Property(p).HasPrecision(7, 2);
            e.Property(x => x.Source).HasMaxLength(400);
            ConfigureReview(e);
            e.HasIndex(x => new { x.SectorId, x.Year, x.Status });
            e.HasIndex(x => new { x.SectorId, x.Year }, "IX_SectorReports_Approved").IsUnique().HasFilter(ApprovedFilter);
            e.HasIndex(x => new { x.SectorId, x.Year }, "IX_SectorReports_Open").IsUnique().HasFilter(OpenFilter);
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EmployerReport>(e =>
        {
            foreach (var p in new[] { nameof(EmployerReport.RealisedJobs), nameof(EmployerReport.TargetJobs), nameof(EmployerReport.SroiJobs),
                         nameof(EmployerReport.PermanentJobs), nameof(EmployerReport.TemporaryJobs), nameof(EmployerReport.HiredInJobs) })
                e.Property(p).HasPrecision(12, 2);
            foreach (var p in new[] { nameof(EmployerReport.TotalPaidHours), nameof(EmployerReport.TargetGroupHours), nameof(EmployerReport.PreviousYearPaidHours) })
                e.Property(p).HasPrecision(14, 2);
            e.Property(x => x.Source).HasMaxLength(400);
            e.Property(x => x.Status).HasDefaultValue(ReportStatus.Approved).HasSentinel((ReportStatus)0);
            ConfigureReview(e);
            e.HasIndex(x => new { x.EmployerId, x.Year, x.Status });
            e.HasIndex(x => new { x.EmployerId, x.Year }, "IX_EmployerReports_Approved").IsUnique().HasFilter(ApprovedFilter);
            e.HasIndex(x => new { x.EmployerId, x.Year }, "IX_EmployerReports_Open").IsUnique().HasFilter(OpenFilter);
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        ConfigureSectorRegister(b);
        ConfigureResolutions(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ImportRun>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.FileName).HasMaxLength(400);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.StartedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            e.HasIndex(x => x.StartedAt); // the audit trail pages import runs newest first (AuditService.SearchAsync)
            e.Property(x => x.FinishedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Timestamp).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.EntityType).HasMaxLength(60);
            e.Property(x => x.EntityKey).HasMaxLength(300);
            e.Property(x => x.Cause).HasMaxLength(400);
            e.HasIndex(x => new { x.EntityType, x.EntityKey });
            e.HasIndex(x => x.ImportRunId);
            e.HasIndex(x => new { x.Timestamp, x.Id }); // the audit trail pages newest first by this index (AuditService.SearchAsync)
        });
        AuditTrailRow.Configure(b);
        Banenmonitor.Data.WorkAgendas.WorkAgendaModel.Configure(b);
        b.ApplyConfiguration(new ComputationRecordConfiguration());
        NationalRunConfiguration.Configure(b);
        Banenmonitor.Data.Scenarios.StoredScenario.Configure(b);
        b.Entity<PseudonymKeyFingerprint>(e =>
        {
            e.ToTable("PseudonymKeyFingerprints");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.RecordedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        });
    }

    /// <summary>At most one approved report per year (SQL valid on SQLite and PostgreSQL).</summary>
    private const string ApprovedFilter = "\"Status\" = 3";
    /// <summary>At most one open version (draft or submitted) per year.</summary>
    private const string OpenFilter = "\"Status\" IN (1, 2)";

    private static void ConfigureReview<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : class, IReviewedReport
    {
        e.Property(x => x.SubmittedBy).HasMaxLength(200);
        e.Property(x => x.ReviewedBy).HasMaxLength(200);
        e.Property(x => x.RejectionReason).HasMaxLength(ReportReview.MaxReasonLength);
        e.Property(x => x.SubmittedAt).HasConversion(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : null);
        e.Property(x => x.ReviewedAt).HasConversion(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : null);
    }
}

/// <summary>The context on SQLite (the default: a local file, created and migrated on first use).</summary>
public sealed class SqliteBanenmonitorDbContext(DbContextOptions<SqliteBanenmonitorDbContext> options) : BanenmonitorDbContext(options);

/// <summary>The context on PostgreSQL (production).</summary>
public sealed class PostgresBanenmonitorDbContext(DbContextOptions<PostgresBanenmonitorDbContext> options) : BanenmonitorDbContext(options);
