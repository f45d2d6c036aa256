using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Measurement;

/// <summary>Sector of the national measurement (<i>sector markt</i>, <i>sector overheid</i>), or their total.</summary>
public enum MeasurementSector { Market, Government, Total }

/// <summary>Form of employment: formal (<i>formeel dienstverband</i>), hired-in (<i>inleenverband</i>), or their total.</summary>
public enum EmploymentForm { Formal, HiredIn, Total }

public static class MeasurementText
{
    public static string Dutch(this MeasurementSector s) => s switch
    {
        MeasurementSector.Market => "markt", MeasurementSector.Government => "overheid", _ => "totaal",
    };
    public static string Dutch(this EmploymentForm f) => f switch
    {
        EmploymentForm.Formal => "formeel", EmploymentForm.HiredIn => "inleen", _ => "totaal",
    };
    public static MeasurementSector ParseSector(string s) => s switch
    {
        "markt" => MeasurementSector.Market, "overheid" => MeasurementSector.Government, "totaal" => MeasurementSector.Total,
        _ => throw new FormatException($"onbekende sector '{s}' (markt, overheid, totaal)"),
    };
    public static EmploymentForm ParseForm(string s) => s switch
    {
        "formeel" => EmploymentForm.Formal, "inleen" => EmploymentForm.HiredIn, "totaal" or "" or "-" => EmploymentForm.Total,
        _ => throw new FormatException($"onbekende vorm '{s}' (formeel, inleen, totaal)"),
    };
}

/// <summary>
/// Inputs of the national measurement of one year: the increase of formal jobs per sector against the baseline,
/// and the number of hired-in jobs at the end of the year (before the distribution key). Counts are as published,
/// so rounded to whole jobs.
/// </summary>
public sealed record NationalMeasurementInput(
    int Year,
    Jobs FormalIncreaseMarket,
    Jobs FormalIncreaseGovernment,
    Jobs HiredInJobs,
    Percentage? GovernmentShareHiredIn = null,
    string? Source = null);

/// <summary>A published figure of the measurement table, to compare with the computed one.</summary>
public sealed record PublishedCell(MeasurementSector Sector, EmploymentForm Form, decimal Value, string Source);

/// <summary>How a computed cell compares with the published one.</summary>
public enum CellAgreement
{
    /// <summary>Computed, rounded like the publication, equals the published value.</summary>
    Equal,
    /// <summary>Differs, but the difference is explained by rounding of the published inputs (<i>afronding</i>).</summary>
    Rounding,
    /// <summary>Differs beyond what rounding of the inputs explains (<i>inhoudelijk</i>).</summary>
    Substantive,
}

/// <summary>One cell of the measurement table: sector × form.</summary>
public sealed record MeasurementCell(
    MeasurementSector Sector,
    EmploymentForm Form,
    decimal Computed,
    ValueInterval ComputedRange,
    decimal Rounded,
    PublishedCell? Published,
    CellAgreement? Agreement,
    string? Explanation);

public sealed record NationalMeasurementResult(
    int Year,
    IReadOnlyList<MeasurementCell> Cells,
    Jobs TargetMarket,
    Jobs TargetGovernment,
    Jobs BaselineJobs,
    Jobs TotalJobs,
    Trace Trace)
{
    public MeasurementCell Cell(MeasurementSector s, EmploymentForm f) => Cells.Single(c => c.Sector == s && c.Form == f);
    public Jobs Target(MeasurementSector s) => s switch
    {
        MeasurementSector.Market => TargetMarket,
        MeasurementSector.Government => TargetGovernment,
        _ => TargetMarket + TargetGovernment,
    };
}

/// <summary>
/// The national measurement (quotumregeling): jobs at regular employers at the end of the year against the baseline,
/// per sector and form. Hired-in jobs are divided over the sectors with the distribution key of the year and, for the
/// baseline, the key of the baseline (Kamerstuk 34 352, nr. 255, Tabel 1).
/// </summary>
public sealed class NationalMeasurement(ParameterSet parameters)
{
    public NationalMeasurementResult Compute(NationalMeasurementInput input, IReadOnlyList<PublishedCell>? published = null)
    {
        var y = input.Year;
        var trace = new Trace();
        var m = MeasurementParameters.For(parameters, y, trace);
        var baseHired = m.BaselineHiredInJobs.Value;
        var baseKey = m.BaselineGovernmentShareHiredIn.Points;

        // Ranges: a published count stands for ± half a job; the distribution keys are taken as stated.
        var fm = ValueInterval.Rounded(input.FormalIncreaseMarket.Value, 0);
        var fg = ValueInterval.Rounded(input.FormalIncreaseGovernment.Value, 0);
        var h = ValueInterval.Rounded(input.HiredInJobs.Value, 0);
        var h0 = ValueInterval.Rounded(baseHired, 0);

        var b0Gov = baseHired * baseKey / 100m;
        var b0Mkt = baseHired - b0Gov;
        trace.Add("Inleenbanen bij de nulmeting verdeeld met de verdeelsleutel van de nulmeting",
            "overheid = inleenbanen nulmeting × sleutel; markt = rest", b0Gov, "banen overheid",
            [new("markt", b0Mkt, "banen")]);
        var keyGiven = input.GovernmentShareHiredIn is not null;
        var keyGov = input.GovernmentShareHiredIn is { } k ? k.Points : m.GovernmentShareHiredIn.Points;
        var yGov = input.HiredInJobs.Value * keyGov / 100m;
        var yMkt = input.HiredInJobs.Value - yGov;
        trace.Add($"Inleenbanen eind {y} verdeeld met de verdeelsleutel van {y}",
            "overheid = inleenbanen × sleutel; markt = rest", yGov, "banen overheid",
            [new("inleenbanen", input.HiredInJobs.Value, "banen"), new("markt", yMkt, "banen"), new("verdeelsleutel overheid", keyGov, "%")],
            note: keyGiven ? "Verdeelsleutel opgegeven in de invoer." : null);

        var hiMkt = yMkt - b0Mkt;
        var hiGov = yGov - b0Gov;
        var rMkt = h * ((100m - keyGov) / 100m) - h0 * ((100m - baseKey) / 100m);
        var rGov = h * (keyGov / 100m) - h0 * (baseKey / 100m);
        trace.Add("Toename inleenbanen markt ten opzichte van de nulmeting", "inleen markt eind jaar − inleen markt nulmeting", hiMkt, "banen");
        trace.Add("Toename inleenbanen overheid ten opzichte van de nulmeting", "inleen overheid eind jaar − inleen overheid nulmeting", hiGov, "banen");

        var totMkt = input.FormalIncreaseMarket.Value + hiMkt;
        var totGov = input.FormalIncreaseGovernment.Value + hiGov;
        trace.Add("Toename banen markt: formele dienstverbanden + inleenverbanden", "formeel + inleen", totMkt, "banen",
            [new("formeel", input.FormalIncreaseMarket.Value, "banen"), new("inleen", hiMkt, "banen")]);
        trace.Add("Toename banen overheid: formele dienstverbanden + inleenverbanden", "formeel + inleen", totGov, "banen",
            [new("formeel", input.FormalIncreaseGovernment.Value, "banen"), new("inleen", hiGov, "banen")]);
        var total = totMkt + totGov;
        trace.Add("Totale toename", "markt + overheid", total, "banen");
        var tMarket = m.TargetMarket;
        var tGov = m.TargetGovernment;
        trace.Add($"Doelstelling {y}", "markt + overheid", (tMarket + tGov).Value, "banen");
        var baseJobs = m.BaselineJobs;
        var totalJobs = baseJobs.Value + total;
        trace.Add($"Totaal aantal banen eind {y}, inclusief de banen van de nulmeting", "banen nulmeting + totale toename", totalJobs, "banen",
            [new("totale toename", total, "banen")]);

        var values = new Dictionary<(MeasurementSector, EmploymentForm), (decimal v, ValueInterval r)>
        {
            [(MeasurementSector.Market, EmploymentForm.Formal)] = (input.FormalIncreaseMarket.Value, fm),
            [(MeasurementSector.Government, EmploymentForm.Formal)] = (input.FormalIncreaseGovernment.Value, fg),
            [(MeasurementSector.Total, EmploymentForm.Formal)] = (input.FormalIncreaseMarket.Value + input.FormalIncreaseGovernment.Value, fm + fg),
            [(MeasurementSector.Market, EmploymentForm.HiredIn)] = (hiMkt, rMkt),
            [(MeasurementSector.Government, EmploymentForm.HiredIn)] = (hiGov, rGov),
            [(MeasurementSector.Total, EmploymentForm.HiredIn)] = (hiMkt + hiGov, rMkt + rGov),
            [(MeasurementSector.Market, EmploymentForm.Total)] = (totMkt, fm + rMkt),
            [(MeasurementSector.Government, EmploymentForm.Total)] = (totGov, fg + rGov),
            [(MeasurementSector.Total, EmploymentForm.Total)] = (total, fm + fg + rMkt + rGov),
        };
        var cells = new List<MeasurementCell>();
        foreach (var ((s, f), (v, r)) in values)
        {
            var pub = published?.FirstOrDefault(p => p.Sector == s && p.Form == f);
            var rounded = LegalRounding.Half(v, 0);
            CellAgreement? agreement = null;
            string? why = null;
            if (pub is not null)
            {
                var dec = ValueInterval.DecimalsOf(pub.Value);
                if (LegalRounding.Half(v, dec) == pub.Value) agreement = CellAgreement.Equal;
                else if (r.Overlaps(ValueInterval.Rounded(pub.Value, dec)))
                {
                    agreement = CellAgreement.Rounding;
                    why = $"Berekend {DutchFormat.Number(v, 2)} (afgerond {DutchFormat.Number(rounded, 0)}), gepubliceerd {DutchFormat.Number(pub.Value, dec)}: " +
                          $"het verschil valt binnen de afronding van de gepubliceerde invoer (bereik {DutchFormat.Number(r.Low, 2)} – {DutchFormat.Number(r.High, 2)}). " +
                          "De brief telt afgeronde getallen op; de som kan door afrondingsverschillen afwijken.";
                }
                else
                {
                    agreement = CellAgreement.Substantive;
                    why = $"Berekend {DutchFormat.Number(v, 2)}, gepubliceerd {DutchFormat.Number(pub.Value, dec)}: " +
                          $"niet te verklaren door afronding (bereik {DutchFormat.Number(r.Low, 2)} – {DutchFormat.Number(r.High, 2)}).";
                }
            }
            cells.Add(new MeasurementCell(s, f, v, r, rounded, pub, agreement, why));
        }
        return new NationalMeasurementResult(y, cells, tMarket, tGov, baseJobs, new Jobs(totalJobs), trace);
    }
}
