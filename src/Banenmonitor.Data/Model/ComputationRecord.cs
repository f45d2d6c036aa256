namespace Banenmonitor.Data.Model;

/// <summary>
/// A stored computation (<i>berekening</i>): what was computed, for whom and which year, from which inputs (their
/// fingerprint), with which parameter values (with their sources, and their fingerprint), by which software version and
/// when, and the outcome as its Dutch JSON. Records are never changed: asking again with the same inputs and parameters
/// returns the stored record; a change in either adds a new one and keeps the old, so a levy decision can be reproduced
/// years later.
/// </summary>
public sealed class ComputationRecord
{
    public long Id { get; set; }
    /// <summary>What was computed, e.g. <see cref="QuotaKind"/>.</summary>
    public required string Kind { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public int Year { get; set; }
    /// <summary>SHA-256 (hex) of the stored rows the computation read, in a canonical order.</summary>
    public required string InputsFingerprint { get; set; }
    /// <summary>SHA-256 (hex) of the parameter values used (name, valid from, value, status, source).</summary>
    public required string ParametersFingerprint { get; set; }
    /// <summary>The parameter values used, with their sources (JSON list, Dutch field names).</summary>
    public required string Parameters { get; set; }
    public required string SoftwareVersion { get; set; }
    public DateTime ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
    /// <summary>True when an input was missing (<i>onvolledig</i>).</summary>
    public bool Incomplete { get; set; }
    /// <summary>The outcome as stored (JSON, Dutch field names).</summary>
    public required string Outcome { get; set; }

    public const string QuotaKind = "quotum";
}
