using Banenmonitor.Rules.Text;

namespace Banenmonitor.Survey;

/// <summary>
/// Options of a survey estimate (<i>enquêteschatting</i>), as a page or the CLI collects them.
/// <see cref="StrataColumns"/> are the design strata (how the sample was drawn); <see cref="PostStrataColumns"/> the
/// post-strata (the weighting cells the sample is calibrated to, R's <c>postStratify</c>). Without post-strata the
/// sample is post-stratified to the strata themselves (population share ÷ sample share per stratum).
/// <see cref="FpcColumn"/>: a column of the responses with the population size of the respondent's stratum (or the
/// sampling fraction, at most 1), as R's <c>fpc=~N</c>; else, with <see cref="FinitePopulationCorrection"/>, the
/// population file gives the size of each stratum (summed over its rows).
/// </summary>
public sealed record EnqueteOptions(
    EstimatorKind Estimator,
    string Numerator,
    string? Denominator = null,
    IReadOnlyList<string>? StrataColumns = null,
    string? WeightColumn = null,
    bool FinitePopulationCorrection = false,
    string? DomainColumn = null,
    IReadOnlyList<ExclusionFilter>? Exclusions = null,
    CellCollapse? Collapse = null,
    IntervalOptions? Interval = null,
    LonelyUnitPolicy LonelyUnits = LonelyUnitPolicy.Fail,
    IReadOnlyList<string>? PostStrataColumns = null,
    string? FpcColumn = null);

/// <summary>
/// The weight of one weighting cell (<i>weegcel</i>): its population, its respondents, the mean weight of its respondents
/// after weighting, and the factor by which post-stratification multiplied their base weights (N<sub>g</sub> ÷ Σ base weights).
/// </summary>
public sealed record CellWeight(string Cell, double Population, double PopulationShare, int Respondents, double SampleShare, double Weight,
    double Adjustment = 1);

/// <summary>Result of a survey estimate: the estimate for everyone, per domain, and how it was made — in Dutch.</summary>
public sealed record EnqueteResult(
    SurveyEstimate Overall,
    IReadOnlyList<SurveyEstimate> Domains,
    int RespondentsRead,
    int RespondentsUsed,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<CollapsedCell> Collapsed,
    IReadOnlyList<CellWeight> Cells,
    string MethodDutch,
    IReadOnlyList<string> AssumptionsDutch);

/// <summary>
/// Survey estimation from two inputs: the population per weighting cell (columns: the post-strata columns — or, without
/// post-strata, the strata columns — and <c>aantal</c> (count) or <c>aandeel</c> (share)) and the responses (one row per
/// respondent). One-stage design stratified on the strata (or unstratified), with base weights or equal weights,
/// post-stratified to the population (R: <c>svydesign(ids=~1, strata=, weights=, fpc=)</c> then <c>postStratify</c>),
/// optional finite population correction, exclusions, collapsing of small cells, domains. Throws
/// <see cref="SurveyDataException"/> with a Dutch message naming file, row and column.
/// </summary>
public static class EnqueteService
{
    public const string CountColumn = "aantal";
    public const string ShareColumn = "aandeel";

    public static EnqueteResult Estimate(Stream? population, string populationName, Stream responses, string responsesName, EnqueteOptions o)
        => Estimate(population is null ? null : SurveyTable.Read(population, populationName), SurveyTable.Read(responses, responsesName), o);

    public static EnqueteResult Estimate(SurveyTable? population, SurveyTable responses, EnqueteOptions o)
    {
        if (o.Estimator == EstimatorKind.Ratio && o.Denominator is null)
            throw new SurveyDataException("Een ratio vraagt een noemer (kolom in het responsbestand).");
        var strata = o.StrataColumns is { Count: > 0 } s ? s : null;
        var post = o.PostStrataColumns is { Count: > 0 } ps ? ps : null;
        var cellColumns = post ?? strata;   // the weighting cells
        if (cellColumns is not null && population is null)
            throw new SurveyDataException(post is null
                ? "Met strata is een populatiebestand nodig (aantal of aandeel per stratum)."
                : "Met poststrata is een populatiebestand nodig (aantal of aandeel per poststratum).");
        var fpcFromPopulation = o.FinitePopulationCorrection && o.FpcColumn is null;
        if (fpcFromPopulation && population is null)
            throw new SurveyDataException("De eindigepopulatiecorrectie vraagt een populatiebestand met aantallen, of een kolom met de populatieomvang per respondent.");

        // the decimal mark of each file, from the columns that are read as numbers, before any row is read
        responses.WithNumericColumns([o.Numerator, o.Denominator, o.WeightColumn, o.FpcColumn]);
        population?.WithNumericColumns([CountColumn, ShareColumn]);

        // exclusions
        var read = responses.RowCount;
        var exclusions = new List<string>();
        foreach (var f in o.Exclusions ?? [])
        {
            var col = responses.Text(f.Column);
            var before = responses.RowCount;
            responses = responses.Where(i => !f.Excludes(col[i]));
            exclusions.Add($"{f.DescriptionDutch}: {before - responses.RowCount} respondenten");
        }
        if (responses.RowCount == 0) throw new SurveyDataException($"{responses.FileName}: na uitsluiting zijn er geen respondenten over.");
        var n = responses.RowCount;

        // variables (read before the design so that errors name the row)
        var y = responses.Numbers(o.Numerator);
        var x = o.Denominator is null ? null : responses.Numbers(o.Denominator);
        var baseWeights = o.WeightColumn is null ? null : responses.Numbers(o.WeightColumn, min: 0);
        if (o.Estimator == EstimatorKind.Proportion)
        {
            for (var i = 0; i < y.Length; i++)
                if (y[i] is not (0.0 or 1.0))
                    throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], o.Numerator, $"een proportie vraagt 0 of 1, gevonden {DutchNumber.Show((decimal)y[i])}.");
        }

        // population file: its columns and values
        var useCount = true;
        double[]? popValues = null;
        if (population is not null && (cellColumns is not null || fpcFromPopulation))
        {
            useCount = population.HasColumn(CountColumn);
            if (!useCount && !population.HasColumn(ShareColumn))
                throw new SurveyDataException($"{population.FileName}: kolom '{CountColumn}' of '{ShareColumn}' ontbreekt (aanwezig: {string.Join(", ", population.Columns)}).");
            if (!useCount && fpcFromPopulation)
                throw new SurveyDataException($"{population.FileName}: de eindigepopulatiecorrectie vraagt aantallen (kolom '{CountColumn}'), geen aandelen.");
            if (!useCount && o.Estimator == EstimatorKind.Total)
                throw new SurveyDataException($"{population.FileName}: een totaal vraagt aantallen in de populatie (kolom '{CountColumn}'); met aandelen is alleen een gemiddelde, proportie of ratio te schatten.");
            popValues = population.Numbers(useCount ? CountColumn : ShareColumn, min: 0);
        }
        foreach (var c in strata ?? []) responses.ColumnIndex(c);
        foreach (var c in post ?? []) responses.ColumnIndex(c);
        foreach (var c in cellColumns ?? []) population!.ColumnIndex(c);
        if (fpcFromPopulation)
            foreach (var c in strata ?? [])
                if (!population!.HasColumn(c))
                    throw new SurveyDataException($"{population.FileName}: voor de eindigepopulatiecorrectie per stratum ontbreekt stratumkolom '{c}' " +
                                                  $"(of geef de populatieomvang per respondent in een kolom van {responses.FileName}).");

        // collapsing of small categories: in the strata and/or the post-strata that hold the column, respondents and population alike
        var collapsed = new List<CollapsedCell>();
        var map = new Dictionary<string, string>();
        if (o.Collapse is { } cc)
        {
            bool Has(IReadOnlyList<string>? cols) => cols?.Any(c => string.Equals(c, cc.Column, StringComparison.OrdinalIgnoreCase)) == true;
            if (!Has(strata) && !Has(post))
                throw new SurveyDataException($"Samenvoegen op kolom '{cc.Column}' kan alleen als die kolom een van de strata of poststrata is.");
            var popCats = population is not null && population.HasColumn(cc.Column) ? population.Text(cc.Column) : [];
            var plan = Wrap(() => cc.Plan(responses.Text(cc.Column), popCats), responses.FileName);
            collapsed.AddRange(plan);
            foreach (var p in plan) map[p.From] = p.Into;
        }
        string[] Column(SurveyTable t, string c)
        {
            var v = t.Text(c);
            return o.Collapse is { } k && string.Equals(c, k.Column, StringComparison.OrdinalIgnoreCase) ? v.Select(x => map.GetValueOrDefault(x, x)).ToArray() : v;
        }
        string[] Keys(SurveyTable t, IReadOnlyList<string> cols)
        {
            var parts = cols.Select(c => Column(t, c)).ToArray();
            return Enumerable.Range(0, t.RowCount).Select(i => string.Join(" | ", parts.Select(p => p[i]))).ToArray();
        }
        Dictionary<string, double> Sum(IReadOnlyList<string> cols)
        {
            var keys = Keys(population!, cols);
            var totals = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++) totals[keys[i]] = totals.GetValueOrDefault(keys[i]) + popValues![i];
            return totals;
        }

        // design strata and finite population correction
        var strataKeys = strata is null ? null : Keys(responses, strata);
        Dictionary<string, StratumPopulation>? fpc = null;
        if (o.FpcColumn is { } fc)
        {
            var sizes = responses.Numbers(fc, min: 0);
            fpc = new Dictionary<string, StratumPopulation>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var key = strataKeys?[i] ?? "";
                var p = sizes[i] <= 1 ? StratumPopulation.Fraction(sizes[i]) : StratumPopulation.Count(sizes[i]);
                if (fpc.TryGetValue(key, out var seen) && seen != p)
                    throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], fc,
                        $"de populatieomvang {DutchNumber.Show((decimal)sizes[i])} verschilt van die van eerdere respondenten in " +
                        (strata is null ? "de steekproef" : $"stratum '{key}'") + $" ({DutchNumber.Show((decimal)seen.Value)}).");
                fpc[key] = p;
            }
        }
        else if (fpcFromPopulation)
        {
            fpc = strata is null
                ? new Dictionary<string, StratumPopulation> { [""] = StratumPopulation.Count(popValues!.Sum()) }
                : Sum(strata).ToDictionary(p => p.Key, p => StratumPopulation.Count(p.Value));
            if (strataKeys is not null)
                for (var i = 0; i < n; i++)
                    if (!fpc.ContainsKey(strataKeys[i]))
                        throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], string.Join(",", strata!),
                            $"stratum '{strataKeys[i]}' komt niet voor in {population!.FileName}.");
        }
        var design = Wrap(() => SurveyDesign.Create(strataKeys, baseWeights, fpc, o.LonelyUnits, count: n), responses.FileName);

        // post-stratification to the weighting cells
        var cells = new List<CellWeight>();
        if (cellColumns is not null)
        {
            var pop = population!;
            var keys = Keys(responses, cellColumns);
            var totals = Sum(cellColumns);
            var what = post is null ? "stratum" : "poststratum";
            for (var i = 0; i < keys.Length; i++)
                if (!totals.ContainsKey(keys[i]))
                    throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], string.Join(",", cellColumns),
                        $"{what} '{keys[i]}' komt niet voor in {pop.FileName}.");
            var respCount = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (key, value) in totals)
                if (value > 0 && !respCount.ContainsKey(key))
                    throw new SurveyDataException($"{pop.FileName}: {what} '{key}' heeft populatie {DutchNumber.Show((decimal)value)} maar geen respondenten in {responses.FileName}; voeg het samen met een buurcel (samenvoegen).");
            var popSum = totals.Values.Sum();
            var postTotals = useCount ? totals : totals.ToDictionary(p => p.Key, p => p.Value / popSum * n);
            var before = design.Weights.ToArray();
            design = Wrap(() => design.PostStratify(keys, postTotals), responses.FileName);
            foreach (var key in keys.Distinct())
            {
                double baseSum = 0, sum = 0;
                for (var i = 0; i < keys.Length; i++)
                    if (keys[i] == key) { baseSum += before[i]; sum += design.W[i]; }
                cells.Add(new CellWeight(key, totals[key], totals[key] / popSum, respCount[key], (double)respCount[key] / n,
                    sum / respCount[key], postTotals[key] / baseSum));
            }
        }

        var method = DescribeDesign(o, strata, post, design, baseWeights is not null, fpc is not null, cells.Count);
        var assumptions = new List<string>
        {
            strata is null
                ? "Elke respondent is een eigen trekkingseenheid (enkelvoudige aselecte steekproef)."
                : "Elke respondent is een eigen trekkingseenheid (enkelvoudige aselecte steekproef binnen elk stratum).",
        };
        if (cellColumns is not null)
            assumptions.Add("Non-respons is binnen een weegcel willekeurig: wie niet antwoordde lijkt op wie wel antwoordde in dezelfde cel.");
        if (collapsed.Count > 0) assumptions.Add("Samengevoegde cellen lijken op hun buurcel: " + string.Join("; ", collapsed.Select(c => c.DescriptionDutch)) + ".");
        if (o.Estimator == EstimatorKind.Ratio)
            assumptions.Add($"De verhouding is een verhouding van gewogen totalen (Σw·{o.Numerator} ÷ Σw·{o.Denominator}), geen gemiddelde van verhoudingen per respondent.");

        SurveyEstimate Est(IReadOnlyList<bool>? domain, string? name) => Wrap(() => o.Estimator switch
        {
            EstimatorKind.Total => SurveyEstimator.Total(design, y, domain, o.Interval, o.Numerator, name),
            EstimatorKind.Mean => SurveyEstimator.Mean(design, y, domain, o.Interval, o.Numerator, name),
            EstimatorKind.Proportion => SurveyEstimator.Proportion(design, y, domain, o.Interval, o.Numerator, name),
            _ => SurveyEstimator.Ratio(design, y, x!, domain, o.Interval, o.Numerator, o.Denominator!, name),
        }, responses.FileName);

        var overall = Est(null, null);
        var domains = o.DomainColumn is null ? [] : SurveyEstimator.ByDomain(design, responses.Text(o.DomainColumn), (d, name) => Est(d, name));
        return new EnqueteResult(overall, domains, read, responses.RowCount, exclusions, collapsed, cells, method, assumptions);
    }

    private static string DescribeDesign(EnqueteOptions o, IReadOnlyList<string>? strata, IReadOnlyList<string>? post, SurveyDesign design,
        bool baseWeights, bool fpc, int cells)
    {
        var parts = new List<string>
        {
            strata is null ? "Enkelvoudige aselecte steekproef (zonder strata)"
                : $"Gestratificeerde steekproef naar {string.Join(" × ", strata)} ({design.StrataNames.Count} strata)",
        };
        parts.Add(baseWeights ? $"basisgewichten uit kolom '{o.WeightColumn}'"
            : fpc ? "basisgewicht populatieomvang ÷ aantal respondenten per stratum" : "gelijke basisgewichten");
        if (post is not null)
            parts.Add($"nagewogen naar de populatie per {string.Join(" × ", post)} (poststratificatie, {cells} cellen: " +
                      "gewicht = basisgewicht × populatie van de cel ÷ gewogen respons in de cel; standaardfout uit de afwijkingen van het celgemiddelde)");
        else if (strata is not null)
            parts.Add("nagewogen naar de populatie per stratum (poststratificatie: gewicht = aandeel in de populatie ÷ aandeel in de respons" +
                      (baseWeights ? ", vermenigvuldigd met het basisgewicht en herschaald per cel" : "") + ")");
        parts.Add(fpc ? "met eindigepopulatiecorrectie (1 − n/N per stratum)" : "zonder eindigepopulatiecorrectie");
        return string.Join(", ", parts) + ".";
    }

    private static T Wrap<T>(Func<T> f, string file)
    {
        try { return f(); }
        catch (LonelyUnitException e) { throw new SurveyDataException($"{file}: {e.Message}"); }
        catch (ArgumentException e) { throw new SurveyDataException($"{file}: {e.Message}"); }
    }
}
