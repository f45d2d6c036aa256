using Microsoft.AspNetCore.Identity;

namespace Banenmonitor.Data.Model;

/// <summary>A figure whose every change is recorded in the audit trail. <see cref="AuditKey"/> is its natural key as text.</summary>
public interface IAuditedFigure
{
    string AuditKey { get; }
    /// <summary>The figure's type in the audit trail (<c>AuditEntry.EntityType</c>); stays the same when a class is renamed.</summary>
    string AuditType => GetType().Name;
}

/// <summary>Reporting line (sector): one of the 13 public sectors of the Bestuursakkoord, or the market.</summary>
public sealed class Sector
{
    public int Id { get; set; }
    /// <summary>Short code as used in data/published, e.g. "gemeenten", "po", "markt".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Sector code of the law (Regeling Wfsv 3.27): 61–67 for government sectors; null for the market.</summary>
    public int? LegalSectorCode { get; set; }
    public bool IsGovernment { get; set; }
}

/// <summary>Employer size class (grootteklasse), by paid hours against the quota threshold.</summary>
public enum SizeClass { Small = 1, Medium = 2, Large = 3 }

/// <summary>Whether the employer lends out target-group workers (uitlener): temp agency or sheltered employment (Wsw).</summary>
public enum LenderType { None = 0, Agency = 1, ShelteredEmployment = 2 }

/// <summary>Werkgever, identified by its payroll tax number (loonheffingennummer).</summary>
public sealed class Employer : IAuditedFigure
{
    public int Id { get; set; }
    /// <summary>Loonheffingennummer: 9 digits, 'L', 2 digits (e.g. 123456789L01).</summary>
    public required string PayrollTaxNumber { get; set; }
    public required string Name { get; set; }
    public int SectorId { get; set; }
    public Sector? Sector { get; set; }
    public SizeClass SizeClass { get; set; }
    public LenderType LenderType { get; set; }
    /// <summary>The municipality of the employer (name as in the published division into labour-market regions); optional.</summary>
    public string? Municipality { get; set; }
    public string AuditKey => PayrollTaxNumber;
}

/// <summary>Ground of registration in the target-group register (doelgroepregister).</summary>
public enum RegistrationGround { Wajong = 1, Wsw = 2, WiwId = 3, Participatiewet = 4, Praktijkroute = 5, Other = 9 }

/// <summary>Doelgroepregistratie of a (pseudonymised) person.</summary>
public sealed class TargetGroupRegistration : IAuditedFigure
{
    public int Id { get; set; }
    /// <summary>Keyed pseudonym (HMAC-SHA256, hex) of the citizen service number; never the BSN itself.</summary>
    public required string Pseudonym { get; set; }
    public RegistrationGround Ground { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string AuditKey => $"{Pseudonym}|{Ground}|{StartDate:yyyy-MM-dd}";
}

/// <summary>
/// Form of the working relation (arbeidsrelatie) of stored paid hours, as the payroll declaration gives it. Not the
/// measurement's split of jobs (<c>Rules.Measurement.EmploymentForm</c>: formal, hired-in, total).
/// </summary>
public enum WorkingRelation { Direct = 1, Agency = 2, Secondment = 3, Payroll = 4 }

/// <summary>Verloonde uren of one person at one employer in one payroll period (from the payroll declaration).</summary>
public sealed class PaidHoursRecord : IAuditedFigure
{
    public long Id { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public required string Pseudonym { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Hours { get; set; }
    public WorkingRelation Form { get; set; }
    public string AuditKey => $"{EmployerId}|{Pseudonym}|{PeriodStart:yyyy-MM-dd}";
}

/// <summary>Inleentoerekening (Besluit Wfsv 2.27–2.31): a lender attributes a lent worker's hours to the hirer.</summary>
public sealed class HiredInHoursRecord : IAuditedFigure
{
    public int Id { get; set; }
    public int LenderId { get; set; }
    public Employer? Lender { get; set; }
    public int HirerId { get; set; }
    public Employer? Hirer { get; set; }
    public required string Pseudonym { get; set; }
    public int Year { get; set; }
    public decimal Hours { get; set; }
    /// <summary>Date both parties agreed (must be by 1 August of the following year).</summary>
    public DateOnly AgreedOn { get; set; }
    public string AuditKey => $"{LenderId}|{HirerId}|{Pseudonym}|{Year}";
    /// <summary>The type name existing audit entries use (the class was called HiredInAttribution).</summary>
    public const string AuditName = "HiredInAttribution";
    string IAuditedFigure.AuditType => AuditName;
}

/// <summary>A social-return (SROI) contract: a procuring (government) employer and a supplier.</summary>
public sealed class SroiContract : IAuditedFigure
{
    public int Id { get; set; }
    public required string Reference { get; set; }
    public int ProcurerId { get; set; }
    public Employer? Procurer { get; set; }
    public required string SupplierName { get; set; }
    public string? SupplierPayrollTaxNumber { get; set; }
    /// <summary>Contract value in euros.</summary>
    public decimal Value { get; set; }
    /// <summary>Social-return obligation in euros.</summary>
    public decimal Obligation { get; set; }
    public List<SroiPlacement> Placements { get; set; } = [];
    public string AuditKey => Reference;
}

/// <summary>A placement under an SROI contract: one pseudonymised person or a count of persons, with hours.</summary>
public sealed class SroiPlacement : IAuditedFigure
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public SroiContract? Contract { get; set; }
    public required string Reference { get; set; }
    public string? Pseudonym { get; set; }
    public int? PersonCount { get; set; }
    public int Year { get; set; }
    public decimal Hours { get; set; }
    public string AuditKey => $"{ContractId}|{Reference}";
}

/// <summary>Target of a sector for a year (doel, in jobs/fta).</summary>
public sealed class SectorTarget : IAuditedFigure
{
    public int Id { get; set; }
    public int SectorId { get; set; }
    public Sector? Sector { get; set; }
    public int Year { get; set; }
    public decimal TargetJobs { get; set; }
    public required string Source { get; set; }
    public string AuditKey => $"{SectorId}|{Year}";
}

/// <summary>
/// Where a sector or employer report is in its life. Only an <see cref="Approved"/> report is the figure of its
/// sector (employer) and year — at most one per year, enforced by a filtered unique index. A new version is a
/// <see cref="Draft"/> (at most one open draft or submission per year), <see cref="Submitted"/> to the ministry, and
/// approved by an analyst, which makes the previous approved report <see cref="Superseded"/>: drafts never overwrite
/// approved figures, and every version stays in the database and the audit trail.
/// </summary>
public enum ReportStatus { Draft = 1, Submitted = 2, Approved = 3, Rejected = 4, Superseded = 5 }

public static class ReportStatusText
{
    /// <summary>The Dutch word users see (and files use) for a report status.</summary>
    public static string Dutch(this ReportStatus s) => s switch
    {
        ReportStatus.Draft => "concept",
        ReportStatus.Submitted => "ingediend",
        ReportStatus.Approved => "goedgekeurd",
        ReportStatus.Rejected => "afgewezen",
        _ => "vervangen",
    };
}

/// <summary>Review workflow of a report: who submitted and who reviewed it, when.</summary>
public interface IReviewedReport
{
    int Id { get; set; }
    int Year { get; }
    ReportStatus Status { get; set; }
    string? SubmittedBy { get; set; }
    DateTime? SubmittedAt { get; set; }
    string? ReviewedBy { get; set; }
    DateTime? ReviewedAt { get; set; }
    /// <summary>Why the analyst rejected the report (required on rejection); shown to the submitter.</summary>
    string? RejectionReason { get; set; }
    /// <summary>Source of the figures, as the submitter gave it.</summary>
    string Source { get; }
}

/// <summary>A sector's yearly report (sectorrapportage): doel, realisatie, percentages, SROI, narrative.</summary>
public sealed class SectorReport : IAuditedFigure, IReviewedReport
{
    public int Id { get; set; }
    public int SectorId { get; set; }
    public Sector? Sector { get; set; }
    public int Year { get; set; }
    public decimal? TargetJobs { get; set; }
    public decimal? RealisedJobs { get; set; }
    /// <summary>Realisation percentage as published (points).</summary>
    public decimal? Percentage { get; set; }
    public decimal? SroiJobs { get; set; }
    public decimal? PercentageIncludingSroi { get; set; }
    /// <summary>Part of the realisation through hired-in labour (inhuur), in jobs.</summary>
    public decimal? HiredInJobs { get; set; }
    /// <summary>Share of permanent contracts (vast), percent points.</summary>
    public decimal? PermanentShare { get; set; }
    /// <summary>Share of temporary contracts (tijdelijk), percent points.</summary>
    public decimal? TemporaryShare { get; set; }
    /// <summary>Coverage (dekking): share of the sector's employers that responded, percent points.</summary>
    public decimal? Coverage { get; set; }
    /// <summary>Narrative: algemeen beeld.</summary>
    public string? GeneralPicture { get; set; }
    /// <summary>Narrative: kwaliteit en duurzaamheid.</summary>
    public string? QualityAndSustainability { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Draft;
    public required string Source { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? RejectionReason { get; set; }
    public string AuditKey => $"{SectorId}|{Year}";
}

/// <summary>
/// An employer's own report per year: its count of jobs (e.g. a school board for its sector's register) and/or the
/// inputs of its quota (paid hours, target-group hours, paid hours of the previous year) as HR enters them.
/// </summary>
public sealed class EmployerReport : IAuditedFigure, IReviewedReport
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public int Year { get; set; }
    public decimal? RealisedJobs { get; set; }
    /// <summary>Total paid hours (verloonde uren) of the year, for the quota.</summary>
    public decimal? TotalPaidHours { get; set; }
    /// <summary>Paid hours of target-group workers (incl. hired-in attributed to this employer), for the quota.</summary>
    public decimal? TargetGroupHours { get; set; }
    /// <summary>Total paid hours of the previous year (the threshold test looks at both years).</summary>
    public decimal? PreviousYearPaidHours { get; set; }
    public decimal? TargetJobs { get; set; }
    /// <summary>Jobs at suppliers through social return / procurement (SROI/inkoop), not part of <see cref="RealisedJobs"/>.</summary>
    public decimal? SroiJobs { get; set; }
    /// <summary>Part of the realisation on permanent contracts (vast), in jobs.</summary>
    public decimal? PermanentJobs { get; set; }
    /// <summary>Part of the realisation on temporary contracts (tijdelijk), in jobs.</summary>
    public decimal? TemporaryJobs { get; set; }
    /// <summary>Part of the realisation through hired-in labour (inhuur), in jobs.</summary>
    public decimal? HiredInJobs { get; set; }
    /// <summary>Actions taken (ondernomen acties), free text.</summary>
    public string? Actions { get; set; }
    public string? Note { get; set; }
    public required string Source { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Approved;
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? RejectionReason { get; set; }
    public string AuditKey => $"{EmployerId}|{Year}";
}

/// <summary>A user of the web app. Scope: a sector representative has <see cref="SectorId"/>, an employer user has <see cref="EmployerId"/>.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public int? SectorId { get; set; }
    public Sector? Sector { get; set; }
    public int? EmployerId { get; set; }
    public Employer? Employer { get; set; }
    /// <summary>Demo account created by the seeder (never in production).</summary>
    public bool IsDemo { get; set; }
}

/// <summary>Role names (Dutch, as used in the UI and authorization policies).</summary>
public static class Roles
{
    public const string Administrator = "beheerder";
    public const string Analyst = "analist";
    public const string SectorRepresentative = "sectorvertegenwoordiger";
    public const string Employer = "werkgever";
    public const string Public = "publiek";
    public static readonly IReadOnlyList<string> All = [Administrator, Analyst, SectorRepresentative, Employer, Public];
}

/// <summary>One run of an import (a file), referenced by the audit entries it caused.</summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file content (hex).</summary>
    public required string FileHash { get; set; }
    public required string UserName { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public long Rows { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
}

public enum AuditAction { Insert = 1, Update = 2, Delete = 3 }

/// <summary>One change to a figure: who, when, what before/after, and the cause (import or user action).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>Entity type name, e.g. "Employer".</summary>
    public required string EntityType { get; set; }
    /// <summary>Natural key of the figure (see <see cref="IAuditedFigure.AuditKey"/>).</summary>
    public required string EntityKey { get; set; }
    /// <summary>JSON of the values before (null for insert).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the values after (null for delete).</summary>
    public string? After { get; set; }
    /// <summary>Description of the cause, e.g. "import werkgevers (werkgevers.csv)" or "gebruiker: scherm sectorrapportage".</summary>
    public required string Cause { get; set; }
    public Guid? ImportRunId { get; set; }
}
