using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Analytics;

/// <summary>The national measurement per sector and form, and a Dutch summary of a national run.</summary>
public sealed record NationalSummary(
    decimal FormalMarket,
    decimal FormalGovernment,
    decimal HiredIn,
    decimal? GovernmentShareHiredIn,
    decimal Jobs,
    long Persons,
    string MeasurementCsv,
    string Text)
{
    public static NationalSummary Build(ParameterSet parameters, NationalRunResult run)
    {
        var y = run.Year;
        var perMonth = parameters.Get(P.HoursPerJobPerMonth, y);
        decimal Jobs(decimal hours) => hours / perMonth.Required;
        var counted = run.Measurement.Where(m => NationalEngine.CountsNationally(m.SectorCode, m.Form)).ToList();
        var m = MeasurementComparison.Of(parameters, y, counted, 0m);
        var (formalMarket, formalGov, hiredIn, total) = (m.FormalMarket, m.FormalGovernment, m.HiredIn, m.Total);
        var key = m.GovernmentShareHiredIn?.Value;

        var csv = new StringBuilder("sectorcode,vorm,telt_mee,uren_laatste_maand,banen,personen,dienstverbanden\n");
        foreach (var r in run.Measurement)
            csv.Append(CultureInfo.InvariantCulture, $"{r.SectorCode},{r.Form},{(NationalEngine.CountsNationally(r.SectorCode, r.Form) ? "ja" : "nee")},{r.HoursLastMonth},{Math.Round(Jobs(r.HoursLastMonth), 2)},{r.Persons},{r.Relations}\n");

        var t = new StringBuilder();
        string N(decimal v, int d = 0) => DutchFormat.Number(v, d);
        t.AppendLine($"Landelijke berekening banenafspraak {y}");
        t.AppendLine(new string('=', 60));
        var q = run.Quota;
        t.AppendLine($"Verloningsregels verwerkt: {N(run.PayrollRows)}; werkgevers: {N(q.Employers)}.");
        t.AppendLine();
        t.AppendLine("Quotum per werkgever (quotumregeling, Wfsv art. 38b–38j)");
        t.AppendLine($"  Werkgevers in de sector overheid (61–66): {N(q.Government)}, waarvan boven de drempel: {N(q.Liable)}.");
        t.AppendLine($"  Werkgevers met een quotumtekort: {N(q.WithShortfall)}.");
        t.AppendLine($"  Vereiste banen: {N(q.RequiredJobs, 1)}; gerealiseerd: {N(q.RealisedJobs, 1)}; tekort: {N(q.Shortfall, 1)} banen.");
        var levyParam = parameters.TryGet(P.LevySuspended, y, out var s) ? s : null;
        t.AppendLine($"  Quotumheffing totaal: € {DutchFormat.Fixed(q.Levy, 2)}" +
                     (levyParam?.Value is 1m ? " (opgeschort, Wfsv art. 122na: nooit geïnd)." : "."));
        var quota = parameters.Get(P.QuotaPercentageGovernment, y);
        t.AppendLine($"  Quotumpercentage {y}: {quota.Describe()}");
        if (quota.Status == ParameterStatus.Unconfirmed) t.AppendLine("  Let op: het quotumpercentage van dit jaar is onbevestigd.");
        t.AppendLine("  Grootste heffingen:");
        foreach (var e in q.LargestLevies)
            t.AppendLine($"    {e.PayrollTaxNumber} (sector {e.SectorCode}): tekort {N(e.Shortfall, 1)} banen, heffing € {DutchFormat.Fixed(e.Levy, 2)}");
        t.AppendLine();
        t.AppendLine($"Landelijke meting: banen van de doelgroep in de laatste maand van {y} (uren ÷ {N(perMonth.Required, 2)} uur per baan per maand)");
        t.AppendLine($"  Formele dienstverbanden markt:    {N(formalMarket, 1)}");
        t.AppendLine($"  Formele dienstverbanden overheid: {N(formalGov, 1)}");
        t.AppendLine($"  Inleenverbanden (uitzending, detachering): {N(hiredIn, 1)}");
        if (key is { } kg)
        {
            t.AppendLine($"    verdeeld met de verdeelsleutel ({N(kg, 1)}% overheid): markt {N(hiredIn * (100 - kg) / 100, 1)}, overheid {N(hiredIn * kg / 100, 1)}");
            t.AppendLine($"  Totaal markt: {N(m.Market!.Value, 1)}; totaal overheid: {N(m.Government!.Value, 1)}");
        }
        else
            t.AppendLine($"    De verdeelsleutel voor {y} is onbekend (onbevestigd): de inleenbanen zijn niet over markt en overheid verdeeld. Geef hem op met --parameter {P.GovernmentShareHiredIn}={y}:waarde:bron.");
        t.AppendLine($"  Totaal: {N(total, 1)} banen; ten opzichte van de nulmeting ({N(m.BaselineJobs.Required)} banen): {N(m.Increase, 1)}.");
        if (m.TargetMarket?.Value is { } a && m.TargetGovernment?.Value is { } b)
            t.AppendLine($"  Doelstelling {y}: {N(a + b)} extra banen ({N(a)} markt, {N(b)} overheid).");
        t.AppendLine();
        t.AppendLine("Personen en banen");
        t.AppendLine($"  Werkzame personen uit de doelgroep (laatste maand): {N(run.PersonsWorking)}");
        t.AppendLine($"  Banen: {N(total, 1)}; banen per werkzame persoon: {(run.PersonsWorking > 0 ? N(total / run.PersonsWorking, 2) : "-")}");
        t.AppendLine($"  Dienstverbanden (persoon × werkgever): {N(counted.Sum(m => m.Relations))}");
        t.AppendLine();
        t.AppendLine("Aannames: Wsw-dienstverbanden bij sw-bedrijven (sector 67) tellen niet mee, Wsw-detacheringen wel (als inleen);");
        t.AppendLine("payroll telt als formeel dienstverband in de sector van de werkgever die de aangifte doet.");
        return new NationalSummary(formalMarket, formalGov, hiredIn, key, total, run.PersonsWorking, csv.ToString(), t.ToString());
    }
}

/// <summary>
/// The national measurement with the market/government split (quotumregeling: hired-in jobs divided with the
/// distribution key) and without it (Wet banenafspraak: one national count, no key needed).
/// </summary>
public sealed record MeasurementComparison(
    decimal FormalMarket,
    decimal FormalGovernment,
    decimal HiredIn,
    ParameterValue? GovernmentShareHiredIn,
    decimal? Market,
    decimal? Government,
    ParameterValue? TargetMarket,
    ParameterValue? TargetGovernment,
    decimal Total,
    ParameterValue BaselineJobs,
    decimal JobsFromYearHours,
    ParameterValue HoursPerJobPerMonth,
    ParameterValue HoursPerJobPerYear)
{
    public decimal Increase => Total - BaselineJobs.Required;
    public decimal? TotalTarget => TargetMarket?.Value is { } m && TargetGovernment?.Value is { } g ? m + g : null;

    /// <summary>
    /// The measurement of <paramref name="year"/> from its end-of-year rows (<see cref="NationalEngine.Split"/>) and the
    /// target-group hours over the whole year, with the distribution key, targets and baseline from the parameters.
    /// </summary>
    public static MeasurementComparison Of(ParameterSet parameters, int year, IEnumerable<MeasurementRow> endOfYear, decimal yearHours)
    {
        var (formalMarket, formalGov, hiredIn) = NationalEngine.Split(endOfYear);
        var perMonth = parameters.Get(P.HoursPerJobPerMonth, year);
        var perYear = parameters.Get(P.HoursPerJobPerYear, year);
        decimal Jobs(decimal h) => h / perMonth.Required;
        var key = parameters.TryGet(P.GovernmentShareHiredIn, year, out var k) ? k : null;
        var fm = Jobs(formalMarket);
        var fg = Jobs(formalGov);
        var hi = Jobs(hiredIn);
        decimal? market = key is not null ? fm + hi * (100m - key.Required) / 100m : null;
        decimal? gov = key is not null ? fg + hi * key.Required / 100m : null;
        var tm = parameters.TryGet(P.TargetMarket, year, out var a) ? a : null;
        var tg = parameters.TryGet(P.TargetGovernment, year, out var b) ? b : null;
        var baseline = parameters.Get(P.BaselineJobs, new DateOnly(2013, 1, 1));
        return new MeasurementComparison(fm, fg, hi, key, market, gov, tm, tg, fm + fg + hi, baseline, yearHours / perYear.Required, perMonth, perYear);
    }
}

/// <summary>
/// The measurement per quarter and labour-market region as files and a Dutch summary section: jobs are the hours at
/// the end of the quarter ÷ <c>uren_per_baan_per_maand</c> of the year, set against the baseline (nulmeting).
/// </summary>
public static class QuarterRegionReport
{
    public const string QuarterFile = "landelijke_meting_per_kwartaal.csv";
    public const string RegionFile = "landelijke_meting_per_regio.csv";

    public static decimal Jobs(ParameterSet parameters, int year, decimal hours) => hours / parameters.Get(P.HoursPerJobPerMonth, year).Required;

    public static string QuarterCsv(ParameterSet parameters, int year, QuartersAndRegions d)
    {
        var baseline = parameters.Get(P.BaselineJobs, new DateOnly(2013, 1, 1)).Required;
        var csv = new StringBuilder("kwartaal,uren_einde_kwartaal,banen,nulmeting,toename,personen,uren_in_kwartaal\n");
        foreach (var r in d.National)
        {
            var jobs = Jobs(parameters, year, r.HoursEndOfQuarter);
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Quarter},{r.HoursEndOfQuarter},{Math.Round(jobs, 2)},{baseline},{Math.Round(jobs - baseline, 2)},{r.Persons},{r.HoursInQuarter}\n");
        }
        return csv.ToString();
    }

    public static string RegionCsv(ParameterSet parameters, int year, QuartersAndRegions d)
    {
        var csv = new StringBuilder("kwartaal,regionummer,regio,uren_einde_kwartaal,banen,personen,uren_in_kwartaal\n");
        foreach (var r in d.Regional)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Quarter},{r.Region!.Number},\"{r.Region.Name}\",{r.HoursEndOfQuarter},{Math.Round(Jobs(parameters, year, r.HoursEndOfQuarter), 2)},{r.Persons},{r.HoursInQuarter}\n");
        return csv.ToString();
    }

    public static string Text(ParameterSet parameters, int year, QuartersAndRegions d)
    {
        string N(decimal v, int k = 0) => DutchFormat.Number(v, k);
        var baseline = parameters.Get(P.BaselineJobs, new DateOnly(2013, 1, 1)).Required;
        var t = new StringBuilder();
        t.AppendLine();
        t.AppendLine($"Landelijke meting per kwartaal {year} (banen aan het eind van het kwartaal; nulmeting {N(baseline)} banen)");
        foreach (var r in d.National)
        {
            var jobs = Jobs(parameters, year, r.HoursEndOfQuarter);
            t.AppendLine($"  Kwartaal {r.Quarter}: {N(jobs, 1)} banen, toename {N(jobs - baseline, 1)}; {N(r.Persons)} personen");
        }
        var last = d.Regional.Where(r => r.Quarter == d.Rows.Max(x => x.Quarter)).OrderByDescending(r => r.HoursEndOfQuarter).ToList();
        t.AppendLine($"Per arbeidsmarktregio, eind {year} (indeling: {d.RegionSource}, {d.RegionYear})");
        foreach (var r in last)
            t.AppendLine($"  {r.Region!.Number,2} {r.Region.Name}: {N(Jobs(parameters, year, r.HoursEndOfQuarter), 1)} banen");
        if (d.EmployersWithoutRegion > 0)
            t.AppendLine($"  Let op: {N(d.EmployersWithoutRegion)} werkgevers hebben geen gemeente of een gemeente die niet in de indeling staat; hun banen staan onder 'onbekend'.");
        return t.ToString();
    }
}
