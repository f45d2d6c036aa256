namespace Banenmonitor.Data.Model;

/// <summary>
/// A parameter value supplied by an administrator (<i>beheerder</i>) with its source, applied on top of the shipped
/// parameter files with <c>ParameterSet.WithOverride</c>. Audited like a figure.
/// </summary>
public sealed class ParameterOverride : IAuditedFigure
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly ValidFrom { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    /// <summary>Status code as in the parameter files: law, published, seed, derived, unconfirmed.</summary>
    public required string Status { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string AuditKey => $"{Name}|{ValidFrom:yyyy-MM-dd}";
}

/// <summary>A personal API token for the REST API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Hash { get; set; }
    public required string Label { get; set; }
    public DateTime CreatedAt { get; set; }
}
