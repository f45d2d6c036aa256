using System.Text.Json;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// A levy decision (<i>beschikking quotumheffing</i>, Wfsv art. 38h) read from one stored <see cref="ComputationRecord"/>:
/// the employer, the year, every figure of the computation (A, B, C, D, A × B, the required and realised jobs, the
/// shortfall before and after its rounding, the levy per missing job and the levy), the steps with their articles, and the
/// parameter values with their sources — exactly as stored, so the document can be produced again years later.
/// </summary>
public sealed record LevyDecision(
    ComputationRecord Record,
    string Employer,
    string PayrollTaxNumber,
    int Year,
    decimal PaidHours,
    decimal QuotaPercentage,
    decimal TargetGroupHours,
    decimal HoursPerJob,
    decimal RequiredHours,
    decimal RequiredJobs,
    decimal RealisedJobs,
    decimal ShortfallUnrounded,
    decimal Shortfall,
    decimal LevyPerJob,
    decimal Levy,
    bool Suspended,
    bool UsesUnconfirmed,
    IReadOnlyList<StapView> Steps,
    IReadOnlyList<BronView> Parameters)
{
    /// <summary>The decision of a stored quota record; null when the record has no shortfall (nothing to decide) or is incomplete.</summary>
    public static LevyDecision? From(ComputationRecord record)
    {
        if (record.Kind != ComputationRecord.QuotaKind || record.Incomplete) return null;
        using var doc = JsonDocument.Parse(record.Outcome);
        var o = doc.RootElement;
        if (o.GetProperty("vrijgesteld").GetBoolean() || o.GetProperty("quotumtekort").GetDecimal() <= 0) return null;
        var w = o.GetProperty("berekening");
        var steps = o.GetProperty("stappen").Deserialize<List<StapView>>(ComputationRecords.Json)!;
        var parameters = JsonSerializer.Deserialize<List<BronView>>(record.Parameters, ComputationRecords.Json)!;
        var levyPerJob = parameters.First(p => p.Parameter == Rules.Parameters.ParameterNames.LevyPerMissingJob).Waarde!.Value;
        return new LevyDecision(record, o.GetProperty("werkgever").GetString()!, o.GetProperty("loonheffingennummer").GetString()!, record.Year,
            o.GetProperty("verloondeUren").GetDecimal(), o.GetProperty("quotumpercentage").GetDecimal(), w.GetProperty("urenDoelgroep").GetDecimal(),
            w.GetProperty("urenPerBaan").GetDecimal(), w.GetProperty("vereisteUren").GetDecimal(), o.GetProperty("vereisteBanen").GetDecimal(),
            o.GetProperty("gerealiseerdeBanen").GetDecimal(), w.GetProperty("quotumtekortOnafgerond").GetDecimal(), o.GetProperty("quotumtekort").GetDecimal(),
            levyPerJob, o.GetProperty("quotumheffing").GetDecimal(), o.GetProperty("heffingOpgeschort").GetBoolean(),
            o.GetProperty("onbevestigdeParameterGebruikt").GetBoolean(), steps, parameters);
    }
}
