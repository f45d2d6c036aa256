using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The roles of the web application (Dutch names, as users see them).</summary>
public static class Roles
{
    public const string Administrator = "beheerder";
    public const string Analyst = "analist";
    public const string SectorRepresentative = "sectorvertegenwoordiger";
    public const string Employer = "werkgever";
    public const string Public = "publiek";
    public static readonly IReadOnlyList<string> All = [Administrator, Analyst, SectorRepresentative, Employer, Public];
}

/// <summary>A user; a sector representative is scoped to one sector, an employer user to one employer.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Sector code (e.g. <c>gemeenten</c>) for a <c>sectorvertegenwoordiger</c>.</summary>
    public string? SectorCode { get; set; }
    /// <summary>Employer id for a <c>werkgever</c>.</summary>
    public int? EmployerId { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>Where a sector report is in its life: only approved and published figures are shown as the sector's figure.</summary>
public enum ReportStatus { Concept, Ingediend, Goedgekeurd, Afgewezen, Gepubliceerd }

/// <summary>A yearly sector report (<i>sectorrapportage</i>): target, realisation and SROI jobs in fta.</summary>
public sealed class SectorReport
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string SectorCode { get; set; } = "";
    public decimal? Target { get; set; }
    public decimal? Realised { get; set; }
    public decimal? Sroi { get; set; }
    public decimal? PublishedPercentage { get; set; }
    public decimal? PublishedPercentageInclSroi { get; set; }
    public ReportStatus Status { get; set; }
    public string Source { get; set; } = "";
    public string? Note { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>An employer (<i>werkgever</i>) with its payroll tax number reference.</summary>
public sealed class Employer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string SectorCode { get; set; } = "";
    public bool IsGovernment { get; set; } = true;
}

/// <summary>An employer's yearly figures for the quota (<i>verloonde uren</i> and target-group hours).</summary>
public sealed class EmployerReport
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public int Year { get; set; }
    public decimal TotalPaidHours { get; set; }
    public decimal TargetGroupHours { get; set; }
    public decimal? TotalPaidHoursPreviousYear { get; set; }
    public ReportStatus Status { get; set; }
    public string Source { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? ReviewedBy { get; set; }
}

/// <summary>A parameter value supplied by an administrator, with its source (applied with ParameterSet.WithOverride).</summary>
public sealed class ParameterOverride
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public decimal Value { get; set; }
    public string Source { get; set; } = "";
    public string Status { get; set; } = "published";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One entry of the audit trail: who did what to which figure, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string User { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>What the figure is, e.g. <c>sectorrapportage:2021:gemeenten</c>.</summary>
    public string Subject { get; set; } = "";
    public string Details { get; set; } = "";
}

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<SectorReport> SectorReports => Set<SectorReport>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<EmployerReport> EmployerReports => Set<EmployerReport>();
    public DbSet<ParameterOverride> ParameterOverrides => Set<ParameterOverride>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<SectorReport>().HasIndex(r => new { r.SectorCode, r.Year, r.Status });
        b.Entity<SectorReport>().Property(r => r.Status).HasConversion<string>();
        b.Entity<EmployerReport>().Property(r => r.Status).HasConversion<string>();
        b.Entity<EmployerReport>().HasIndex(r => new { r.EmployerId, r.Year });
        b.Entity<ApiToken>().HasIndex(t => t.Hash).IsUnique();
        b.Entity<AuditEntry>().HasIndex(a => a.Subject);
    }
}
