using System.Globalization;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Survey.Procurement;

/// <summary>A number printed in the research report (De Beleidsonderzoekers 2023), with its source.</summary>
public sealed record PrintedNumber(string Name, decimal Value, string Unit, string Source);

/// <summary>A cell (sector × size class) of one of the tables of the research report (De Beleidsonderzoekers 2023) §7.2–7.3.</summary>
public sealed record PrintedCell(string Sector, string SizeClass, decimal Value, string Source);

/// <summary>The published tables and numbers of part 2 of the research report (De Beleidsonderzoekers 2023) (data/published/aanbestedingsenquete/).</summary>
public sealed record ProcurementSurveyData(
    IReadOnlyDictionary<string, string> SectorNames,
    IReadOnlyList<PrintedCell> TargetGroupShares,
    IReadOnlyList<PrintedCell> PopulationShares,
    IReadOnlyList<PrintedCell> Respondents,
    IReadOnlyList<PrintedCell> PrintedWeights,
    IReadOnlyDictionary<string, PrintedNumber> Chain)
{
    public static readonly string[] Files =
        ["sectoren.csv", "doelgroep_werknemers.csv", "populatie_werkgevers.csv", "respons.csv", "gewichten.csv", "keten.csv"];

    /// <summary>Parses the files; <paramref name="read"/> returns the text of a file by name.</summary>
    public static ProcurementSurveyData Parse(Func<string, string> read)
    {
        SurveyTable T(string f) => SurveyTable.Parse(read(f), f);
        var sectors = T("sectoren.csv");
        var names = sectors.Text("sector").Zip(sectors.Text("naam")).ToDictionary(p => p.First, p => p.Second);
        IReadOnlyList<PrintedCell> Cells(string file, string column)
        {
            var t = T(file);
            var sec = t.Text("sector");
            var size = t.Text("grootteklasse");
            var v = t.Numbers(column, min: 0);
            var src = t.Text("bron");
            for (var i = 0; i < sec.Length; i++)
                if (!names.ContainsKey(sec[i]))
                    throw SurveyDataException.At(file, t.LineNumbers[i], "sector", $"onbekende sector '{sec[i]}' (zie sectoren.csv).");
            return sec.Select((s, i) => new PrintedCell(s, size[i], (decimal)v[i], src[i])).ToList();
        }
        var chain = T("keten.csv");
        var chainNames = chain.Text("naam");
        var chainValues = chain.Text("waarde");
        var chainNumbers = new Dictionary<string, PrintedNumber>();
        for (var i = 0; i < chain.RowCount; i++)
        {
            // decimal, not double: the printed decimals matter (1.15 is two decimals), so read the text, not Numbers()
            var v = chain.Convention.Read(chainValues[i], SurveyTable.Bounds);
            if (!v.Ok) throw SurveyDataException.At("keten.csv", chain.LineNumbers[i], "waarde", v.Error + ".");
            chainNumbers[chainNames[i]] = new PrintedNumber(chainNames[i], v.Value, chain.Text("eenheid")[i], chain.Text("bron")[i]);
        }
        return new ProcurementSurveyData(names, Cells("doelgroep_werknemers.csv", "aandeel_procent"), Cells("populatie_werkgevers.csv", "aandeel_procent"),
            Cells("respons.csv", "respondenten"), Cells("gewichten.csv", "gewicht"), chainNumbers);
    }

    public PrintedNumber Number(string name) =>
        Chain.TryGetValue(name, out var n) ? n : throw new SurveyDataException($"keten.csv: getal '{name}' ontbreekt.");
}

/// <summary>Recomputed weight of one cell of §7.3 against the printed weight.</summary>
public sealed record WeightCheck(
    string Sector, string SizeClass, int Respondents, decimal PopulationSharePrinted, double SampleShare,
    double RecomputedFromPrintedShares, decimal PrintedWeight, ValueInterval PossibleWeights, bool ExplainedByRounding,
    double ImpliedPopulationShare)
{
    public string ExplanationDutch => ExplainedByRounding
        ? $"gedrukt {PrintedWeight.ToString("0.00", DutchFormat.Culture)}, herberekend uit afgeronde aandelen {RecomputedFromPrintedShares.ToString("0.000", DutchFormat.Culture)}; " +
          $"het gedrukte populatieaandeel {PopulationSharePrinted}% staat voor een waarde tussen de grenzen, wat gewichten van " +
          $"{PossibleWeights.Low.ToString("0.000", DutchFormat.Culture)} tot {PossibleWeights.High.ToString("0.000", DutchFormat.Culture)} toelaat: verschil verklaard door afronding"
        : $"gedrukt {PrintedWeight.ToString("0.00", DutchFormat.Culture)} valt buiten {PossibleWeights.Low:0.000}–{PossibleWeights.High:0.000}: NIET verklaard door afronding";
}

/// <summary>How a printed intermediate number relates to its own printed inputs.</summary>
public enum ChainAgreement
{
    /// <summary>Equal after rounding to the printed decimals (<i>gelijk</i>).</summary>
    Equal,
    /// <summary>Within the range the rounded printed inputs allow (<i>afronding</i>).</summary>
    Rounding,
    /// <summary>Does not follow from its own inputs (<i>tegenstrijdig</i>).</summary>
    Contradiction,
}

/// <summary>One step of the chain of §8.1.4–8.1.6: the printed value and the value recomputed from the printed inputs.</summary>
public sealed record ChainStep(
    string Name, string DescriptionDutch, string Formula, decimal Printed, decimal Recomputed, ValueInterval Possible,
    ChainAgreement Agreement, string Source, string? NoteDutch)
{
    public string AgreementDutch => Agreement switch
    {
        ChainAgreement.Equal => "gelijk",
        ChainAgreement.Rounding => "verschil verklaard door afronding",
        _ => "TEGENSTRIJDIG: volgt niet uit de eigen invoer",
    };
}

/// <summary>The reproduction of part 2 of the research report (De Beleidsonderzoekers 2023): weights of §7.3 and the chain of §8.1.4–8.1.6.</summary>
public sealed record ProcurementSurveyReproduction(
    IReadOnlyList<WeightCheck> Weights,
    double ImpliedPopulationShareSum,
    IReadOnlyList<CollapsedCell> Collapsed,
    IReadOnlyList<ChainStep> Chain,
    Trace Trace,
    decimal PrintedLow, decimal PrintedHigh,
    decimal CorrectedLow, decimal CorrectedHigh,
    decimal CorrectedJobs,
    IReadOnlyList<string> FindingsDutch)
{
    public IReadOnlyList<ChainStep> Contradictions => Chain.Where(s => s.Agreement == ChainAgreement.Contradiction).ToList();
}

/// <summary>
/// Reproduces part 2 of the research report (De Beleidsonderzoekers 2023) from its own printed numbers: recomputes the post-stratification weights of §7.3 with
/// <see cref="SurveyDesign.PostStratify"/> (after merging the sector with 5 respondents into its neighbour with
/// <see cref="CellCollapse"/>) and checks every printed weight against the range its rounded inputs allow; recomputes every
/// intermediate number of the chain persons → jobs of §8.1.4–8.1.6 from its own printed inputs and flags the step that
/// does not follow. Legal numbers (hours per job per month, distribution key) come from the <see cref="ParameterSet"/>.
/// </summary>
public static class ProcurementSurvey
{
    /// <summary>Year of the parameters: the survey asked about Q1 2022; the distribution key used is SEO's over 2021.</summary>
    public const int SurveyYear = 2022;
    public const int DistributionKeyYear = 2021;

    public static ProcurementSurveyReproduction Reproduce(ProcurementSurveyData data, ParameterSet parameters)
    {
        var (weights, sum, collapsed) = RecomputeWeights(data);
        var (steps, trace, corrected, low, high) = RecomputeChain(data, parameters);
        var findings = new List<string>();
        var bad = weights.Where(w => !w.ExplainedByRounding).ToList();
        findings.Add(bad.Count == 0
            ? $"Alle {weights.Count} gedrukte weegfactoren van §7.3 volgen uit de tabellen, binnen de afronding van de gedrukte populatieaandelen (hele procenten)."
            : $"{bad.Count} weegfactoren volgen niet uit de tabellen: " + string.Join(", ", bad.Select(b => $"{b.Sector}/{b.SizeClass}")));
        foreach (var c in steps.Where(s => s.Agreement == ChainAgreement.Contradiction))
            findings.Add($"§8.1 {c.DescriptionDutch}: gedrukt {DutchFormat.Number(c.Printed, 0)}, maar uit de eigen invoer volgt {DutchFormat.Number(c.Recomputed, 1)} " +
                         $"(mogelijk met afronding: {DutchFormat.Number(c.Possible.Low, 0)}–{DutchFormat.Number(c.Possible.High, 0)}). {c.NoteDutch}");
        findings.Add($"Met de juiste tussenstap wordt de schatting {DutchFormat.Number(low, 0)} tot {DutchFormat.Number(high, 0)} banen " +
                     $"in plaats van {DutchFormat.Number(data.Number("banen_inkoop_ondergrens").Value, 0)} tot {DutchFormat.Number(data.Number("banen_inkoop_bovengrens").Value, 0)}.");
        return new ProcurementSurveyReproduction(weights, sum, collapsed, steps, trace,
            data.Number("banen_inkoop_ondergrens").Value, data.Number("banen_inkoop_bovengrens").Value, low, high, corrected, findings);
    }

    /// <summary>
    /// Weights of §7.3: the respondents of the table as rows, cells sector × size class, the sector with fewer than 10
    /// respondents merged into the named neighbour, post-stratified to the printed population shares. The printed shares are
    /// whole percents, so each stands for ±0.5 point (a merged cell: the sum of two, ±1 point); a printed weight is explained
    /// by rounding when it lies in the range of weights those shares allow.
    /// </summary>
    public static (IReadOnlyList<WeightCheck> Checks, double ImpliedShareSum, IReadOnlyList<CollapsedCell> Collapsed) RecomputeWeights(ProcurementSurveyData data)
    {
        var collapse = new CellCollapse("sector", 10, new Dictionary<string, string> { ["zorg_cultuur"] = "zakelijk" });
        var respSector = data.Respondents.SelectMany(c => Enumerable.Repeat(c.Sector, (int)c.Value)).ToArray();
        var respSize = data.Respondents.SelectMany(c => Enumerable.Repeat(c.SizeClass, (int)c.Value)).ToArray();
        var plan = collapse.Plan(respSector, data.PopulationShares.Select(c => c.Sector));
        string Map(string s) => plan.FirstOrDefault(p => p.From == s)?.Into ?? s;
        var keys = respSector.Select((s, i) => Map(s) + "|" + respSize[i]).ToArray();
        var popShares = new Dictionary<string, decimal>();
        var popTerms = new Dictionary<string, int>();
        foreach (var c in data.PopulationShares)
        {
            var k = Map(c.Sector) + "|" + c.SizeClass;
            popShares[k] = popShares.GetValueOrDefault(k) + c.Value;
            popTerms[k] = popTerms.GetValueOrDefault(k) + 1;
        }
        var n = keys.Length;
        var total = popShares.Values.Sum();
        var design = SurveyDesign.Create(keys).PostStratify(keys, popShares.ToDictionary(p => p.Key, p => (double)(p.Value / total) * n));
        var checks = new List<WeightCheck>();
        double implied = 0;
        foreach (var pw in data.PrintedWeights)
        {
            var k = pw.Sector + "|" + pw.SizeClass;
            var idx = Array.IndexOf(keys, k);
            if (idx < 0) throw new SurveyDataException($"gewichten.csv: cel {pw.Sector}/{pw.SizeClass} heeft geen respondenten in respons.csv.");
            var nk = keys.Count(x => x == k);
            var sampleShare = (decimal)nk / n;
            // a merged cell is the sum of popTerms[k] rounded shares: ±0.5 each
            var half = 0.5m * popTerms[k];
            var lo = Math.Max(0m, popShares[k] - half) / 100m / sampleShare;
            var hi = (popShares[k] + half) / 100m / sampleShare;
            var possible = new ValueInterval(lo, hi);
            var printedRange = ValueInterval.Rounded(pw.Value, 2);
            implied += (double)pw.Value * nk / n;
            checks.Add(new WeightCheck(pw.Sector, pw.SizeClass, nk, popShares[k], (double)sampleShare, design.W[idx], pw.Value, possible,
                possible.Overlaps(printedRange), (double)pw.Value * nk / n * 100));
        }
        return (checks, implied, plan);
    }

    private static ChainStep Step(string name, string description, string formula, decimal printed, decimal recomputed,
        ValueInterval possible, string source, string? note = null)
    {
        var printedRange = ValueInterval.Rounded(printed, ValueInterval.DecimalsOf(printed));
        var agreement = LegalRounding.Half(recomputed, ValueInterval.DecimalsOf(printed)) == printed ? ChainAgreement.Equal
            : possible.Overlaps(printedRange) ? ChainAgreement.Rounding : ChainAgreement.Contradiction;
        return new ChainStep(name, description, formula, printed, recomputed, possible, agreement, source, note);
    }

    private static (IReadOnlyList<ChainStep>, Trace, decimal CorrectedJobs, decimal Low, decimal High) RecomputeChain(ProcurementSurveyData d, ParameterSet parameters)
    {
        PrintedNumber N(string name) => d.Number(name);
        ValueInterval R(PrintedNumber p) => ValueInterval.Rounded(p.Value, ValueInterval.DecimalsOf(p.Value));
        var hoursPerMonth = parameters.Get(P.HoursPerJobPerMonth, SurveyYear);
        var govKey = parameters.Get(P.GovernmentShareHiredIn, DistributionKeyYear);
        var marketShare = (100m - govKey.Required) / 100m;

        var jobs = N("banen_totaal"); var persons = N("personen_totaal"); var factorP = N("factor_banen_per_persoon");
        var hoursP = N("uren_per_maand_per_persoon"); var jobsMarket = N("banen_markt"); var personsMarketP = N("personen_markt");
        var jobsHired = N("banen_inleen"); var personsHiredP = N("personen_inleen"); var keyP = N("aandeel_inleen_markt");
        var personsHiredMarketP = N("personen_inleen_markt"); var personsTotalP = N("personen_markt_totaal");
        var jobsTotalP = N("banen_markt_totaal"); var lowP = N("ratio_ondergrens"); var highP = N("ratio_bovengrens");
        var lowJobsP = N("banen_inkoop_ondergrens"); var highJobsP = N("banen_inkoop_bovengrens");

        var factor = jobs.Value / persons.Value;
        var factorRange = R(factorP);
        var steps = new List<ChainStep>();
        var trace = new Trace();
        void Add(ChainStep s, IEnumerable<TraceInput> inputs, IEnumerable<ParameterValue>? ps = null, string unit = "")
        {
            steps.Add(s);
            trace.Add(s.DescriptionDutch, s.Formula, s.Recomputed, unit, inputs, ps,
                note: $"gedrukt: {DutchFormat.Number(s.Printed, 2)} — {s.AgreementDutch}; bron: {s.Source}" + (s.NoteDutch is null ? "" : $". {s.NoteDutch}"));
        }

        Add(Step("factor", "Banen per werkzame persoon (§8.1.4)", "factor = banen ÷ personen", factorP.Value, factor, ValueInterval.Exact(factor), factorP.Source),
            [new("banen (Q1 2022)", jobs.Value, "banen"), new("personen (Q1 2022)", persons.Value, "personen")], unit: "banen per persoon");
        var hours = factor * hoursPerMonth.Required;
        Add(Step("uren", "Verloonde uren per maand per persoon (§8.1.4)", "uren = factor × uren per baan per maand", hoursP.Value, hours,
                factorRange * hoursPerMonth.Required, hoursP.Source,
                $"Met de exacte factor {DutchFormat.Number(hours, 1)} uur; gedrukt is {hoursP.Value}, wat past bij de afgeronde factor {factorP.Value.ToString(DutchFormat.Culture)} ({DutchFormat.Number(factorP.Value * hoursPerMonth.Required, 1)}, afgekapt)."),
            [new("factor", factor, "banen per persoon")], [hoursPerMonth], "uur");
        var personsMarket = jobsMarket.Value / factor;
        Add(Step("personen_markt", "Personen achter de banen in de markt (§8.1.4)", "personen markt = banen markt ÷ factor", personsMarketP.Value, personsMarket,
                new ValueInterval(jobsMarket.Value / factorRange.High, jobsMarket.Value / factorRange.Low), personsMarketP.Source),
            [new("banen markt", jobsMarket.Value, "banen"), new("factor", factor, "banen per persoon")], unit: "personen");
        var personsHired = jobsHired.Value / factor;
        Add(Step("personen_inleen", "Personen achter de uitzend- en detacheringsbanen (§8.1.5)", "personen inleen = banen inleen ÷ factor",
                personsHiredP.Value, personsHired, new ValueInterval(jobsHired.Value / factorRange.High, jobsHired.Value / factorRange.Low), personsHiredP.Source,
                $"Met dezelfde factor als voor de markt (waar {DutchFormat.Number(jobsMarket.Value, 0)} banen → {DutchFormat.Number(personsMarketP.Value, 0)} personen wél klopt) " +
                $"horen {DutchFormat.Number(jobsHired.Value, 0)} banen bij {DutchFormat.Number(personsHired, 0)} personen. Het gedrukte getal " +
                $"{DutchFormat.Number(personsHiredP.Value, 0)} zou een factor {DutchFormat.Number(jobsHired.Value / personsHiredP.Value, 4)} vragen, niet {factorP.Value.ToString(DutchFormat.Culture)}."),
            [new("banen inleen", jobsHired.Value, "banen"), new("factor", factor, "banen per persoon")], unit: "personen");
        // From here on: recompute each step from the PRINTED previous number, so that each step is judged on its own inputs.
        var hiredMarket = personsHiredP.Value * marketShare;
        Add(Step("personen_inleen_markt", "Ingeleende personen die in de markt werken (§8.1.5)", "personen inleen markt = personen inleen (gedrukt) × aandeel markt (100% − verdeelsleutel overheid)",
                personsHiredMarketP.Value, hiredMarket, R(personsHiredP) * (R(keyP).Low / 100m) is var a ? new ValueInterval(a.Low, (R(personsHiredP) * (R(keyP).High / 100m)).High) : default,
                personsHiredMarketP.Source, $"Volgt uit het gedrukte {DutchFormat.Number(personsHiredP.Value, 0)} (afgekapt), dus erft de fout van de vorige stap. " +
                $"Aandeel markt {DutchFormat.Number(marketShare * 100m, 1)}% uit de verdeelsleutel (document: {keyP.Value}%)."),
            [new("personen inleen (gedrukt)", personsHiredP.Value, "personen")], [govKey], "personen");
        var personsTotal = personsMarketP.Value + personsHiredMarketP.Value;
        Add(Step("personen_markt_totaal", "Werkzame personen in de markt, direct en ingeleend (§8.1.6)", "personen = personen markt + personen inleen markt (beide gedrukt)",
                personsTotalP.Value, personsTotal, R(personsMarketP) + R(personsHiredMarketP), personsTotalP.Source,
                "Een verschil van 1 door optellen van afgeronde getallen."),
            [new("personen markt", personsMarketP.Value, "personen"), new("personen inleen markt", personsHiredMarketP.Value, "personen")], unit: "personen");
        var jobsTotal = personsTotalP.Value * factorP.Value;
        Add(Step("banen_markt_totaal", "Banen van die personen (§8.1.6)", "banen = personen × 1,15 (gedrukte factor)", jobsTotalP.Value, jobsTotal,
                R(personsTotalP) * factorRange.Low is var b ? new ValueInterval(b.Low, (R(personsTotalP) * factorRange.High).High) : default, jobsTotalP.Source,
                $"Hier rekent het rapport met de afgeronde factor {factorP.Value.ToString(DutchFormat.Culture)}, terwijl het in §8.1.4 met de exacte factor deelde; " +
                "aanname (voetnoot 34): de factor geldt ook voor wie via inkoop/SROI werkt."),
            [new("personen", personsTotalP.Value, "personen"), new("factor (gedrukt)", factorP.Value, "banen per persoon")], unit: "banen");
        var lowJobs = jobsTotalP.Value * lowP.Value / 100m;
        var highJobs = jobsTotalP.Value * highP.Value / 100m;
        Add(Step("banen_inkoop_ondergrens", "Banen vanwege inkoop/SROI, ondergrens (§8.1.6)", "ondergrens = banen × 12%", lowJobsP.Value, lowJobs,
                new ValueInterval(R(jobsTotalP).Low * R(lowP).Low / 100m, R(jobsTotalP).High * R(lowP).High / 100m), lowJobsP.Source, "Afgekapt in plaats van afgerond (14.723,76)."),
            [new("banen", jobsTotalP.Value, "banen"), new("ondergrens aandeel", lowP.Value, "procent")], unit: "banen");
        Add(Step("banen_inkoop_bovengrens", "Banen vanwege inkoop/SROI, bovengrens (§8.1.6)", "bovengrens = banen × 14%", highJobsP.Value, highJobs,
                new ValueInterval(R(jobsTotalP).Low * R(highP).Low / 100m, R(jobsTotalP).High * R(highP).High / 100m), highJobsP.Source),
            [new("banen", jobsTotalP.Value, "banen"), new("bovengrens aandeel", highP.Value, "procent")], unit: "banen");

        // The corrected chain: persons from jobs and back with one and the same factor is simply jobs in the market plus the
        // market share of hired-in jobs.
        var correctedPersons = personsMarket + personsHired * marketShare;
        var correctedJobs = correctedPersons * factor;
        var cLow = correctedJobs * lowP.Value / 100m;
        var cHigh = correctedJobs * highP.Value / 100m;
        trace.Add("Herberekende keten met de juiste tussenstap",
            "banen = (banen markt ÷ factor + banen inleen ÷ factor × aandeel markt) × factor = banen markt + aandeel markt × banen inleen",
            correctedJobs, "banen",
            [new("personen markt", personsMarket, "personen"), new("personen inleen markt", personsHired * marketShare, "personen"), new("factor", factor, "banen per persoon")],
            [govKey], note: "Eén en dezelfde (exacte) factor heen en terug.");
        trace.Add("Banen vanwege inkoop/SROI, herberekend", "12% en 14% × banen", cLow, "banen (ondergrens)",
            [new("banen", correctedJobs, "banen"), new("bovengrens", cHigh, "banen")],
            note: $"Interval {DutchFormat.Number(cLow, 0)} tot {DutchFormat.Number(cHigh, 0)} banen.");
        return (steps, trace, correctedJobs, cLow, cHigh);
    }
}
