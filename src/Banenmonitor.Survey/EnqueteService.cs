namespace Banenmonitor.Survey;

/// <summary>Options of a survey estimate (<i>enquêteschatting</i>), as a page or the CLI collects them.</summary>
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
    LonelyUnitPolicy LonelyUnits = LonelyUnitPolicy.Fail);

/// <summary>The weight of one weighting cell (<i>weegcel</i>).</summary>
public sealed record CellWeight(string Cell, double Population, double PopulationShare, int Respondents, double SampleShare, double Weight);

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
/// Survey estimation from two CSV inputs: the population per stratum (columns: the strata columns and <c>aantal</c>
/// (count) or <c>aandeel</c> (share)) and the responses (one row per respondent). Stratified design on the strata,
/// post-stratified to the population (weight = population share ÷ sample share with equal base weights), optional finite
/// population correction, exclusions, collapsing of small cells, domains. Throws <see cref="SurveyDataException"/> with a
/// Dutch message naming file, row and column.
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
        if (strata is not null && population is null)
            throw new SurveyDataException("Met strata is een populatiebestand nodig (aantal of aandeel per stratum).");

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

        // variables (read before the design so that errors name the row)
        var y = responses.Numbers(o.Numerator);
        var x = o.Denominator is null ? null : responses.Numbers(o.Denominator);
        var baseWeights = o.WeightColumn is null ? null : responses.Numbers(o.WeightColumn, min: 0);
        if (o.Estimator == EstimatorKind.Proportion)
        {
            for (var i = 0; i < y.Length; i++)
                if (y[i] is not (0.0 or 1.0))
                    throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], o.Numerator, $"een proportie vraagt 0 of 1, gevonden {y[i]}.");
        }

        var collapsed = new List<CollapsedCell>();
        var cells = new List<CellWeight>();
        SurveyDesign design;
        var assumptions = new List<string>
        {
            "Elke respondent is een eigen trekkingseenheid (enkelvoudige aselecte steekproef binnen elk stratum).",
            "Non-respons is binnen een weegcel willekeurig: wie niet antwoordde lijkt op wie wel antwoordde in dezelfde cel.",
        };
        string method;
        if (strata is null)
        {
            design = Wrap(() => SurveyDesign.Create(null, baseWeights, lonely: o.LonelyUnits, count: responses.RowCount), responses.FileName);
            method = baseWeights is null ? "Ongewogen schatting zonder strata." : $"Gewogen schatting met gewichten uit kolom '{o.WeightColumn}', zonder strata.";
        }
        else
        {
            var pop = population!;
            foreach (var c in strata)
            {
                responses.ColumnIndex(c);
                pop.ColumnIndex(c);
            }
            var useCount = pop.HasColumn(CountColumn);
            if (!useCount && !pop.HasColumn(ShareColumn))
                throw new SurveyDataException($"{pop.FileName}: kolom '{CountColumn}' of '{ShareColumn}' ontbreekt (aanwezig: {string.Join(", ", pop.Columns)}).");
            if (!useCount && o.FinitePopulationCorrection)
                throw new SurveyDataException($"{pop.FileName}: de eindigepopulatiecorrectie vraagt aantallen (kolom '{CountColumn}'), geen aandelen.");
            if (!useCount && o.Estimator == EstimatorKind.Total)
                throw new SurveyDataException($"{pop.FileName}: een totaal vraagt aantallen in de populatie (kolom '{CountColumn}'); met aandelen is alleen een gemiddelde, proportie of ratio te schatten.");
            var popValues = pop.Numbers(useCount ? CountColumn : ShareColumn, min: 0);

            var respCols = strata.Select(responses.Text).ToArray();
            var popCols = strata.Select(pop.Text).ToArray();
            if (o.Collapse is { } cc)
            {
                var k = strata.ToList().FindIndex(c => string.Equals(c, cc.Column, StringComparison.OrdinalIgnoreCase));
                if (k < 0) throw new SurveyDataException($"Samenvoegen op kolom '{cc.Column}' kan alleen als die kolom een van de strata is ({string.Join(", ", strata)}).");
                var plan = Wrap(() => cc.Plan(respCols[k], popCols[k]), responses.FileName);
                collapsed.AddRange(plan);
                var map = plan.ToDictionary(p => p.From, p => p.Into);
                respCols[k] = respCols[k].Select(v => map.GetValueOrDefault(v, v)).ToArray();
                popCols[k] = popCols[k].Select(v => map.GetValueOrDefault(v, v)).ToArray();
            }
            string Key(string[][] cols, int i) => string.Join(" | ", cols.Select(c => c[i]));
            var keys = Enumerable.Range(0, responses.RowCount).Select(i => Key(respCols, i)).ToArray();
            var totals = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < pop.RowCount; i++)
            {
                var key = Key(popCols, i);
                totals[key] = totals.GetValueOrDefault(key) + popValues[i];
            }
            for (var i = 0; i < keys.Length; i++)
                if (!totals.ContainsKey(keys[i]))
                    throw SurveyDataException.At(responses.FileName, responses.LineNumbers[i], string.Join(",", strata),
                        $"stratum '{keys[i]}' komt niet voor in {pop.FileName}.");
            var respCount = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (key, value) in totals)
                if (value > 0 && !respCount.ContainsKey(key))
                    throw new SurveyDataException($"{pop.FileName}: stratum '{key}' heeft populatie {value} maar geen respondenten in {responses.FileName}; voeg het samen met een buurstratum (samenvoegen).");
            var popSum = totals.Values.Sum();
            var n = keys.Length;
            var postTotals = useCount ? totals : totals.ToDictionary(p => p.Key, p => p.Value / popSum * n);
            var fpc = o.FinitePopulationCorrection ? totals.ToDictionary(p => p.Key, p => StratumPopulation.Count(p.Value)) : null;
            design = Wrap(() => SurveyDesign.Create(keys, baseWeights, fpc, o.LonelyUnits).PostStratify(keys, postTotals), responses.FileName);
            foreach (var key in keys.Distinct())
            {
                var idx = Array.FindIndex(keys, k => k == key);
                cells.Add(new CellWeight(key, totals[key], totals[key] / popSum, respCount[key], (double)respCount[key] / n, design.W[idx]));
            }
            method = $"Gestratificeerde steekproef naar {string.Join(" × ", strata)} ({design.StrataNames.Count} strata), " +
                     "nagewogen naar de populatie (poststratificatie: gewicht = aandeel in de populatie ÷ aandeel in de respons" +
                     (baseWeights is null ? "" : $", vermenigvuldigd met het basisgewicht uit '{o.WeightColumn}' en herschaald per cel") + ")" +
                     (o.FinitePopulationCorrection ? ", met eindigepopulatiecorrectie (1 − n/N per stratum)" : ", zonder eindigepopulatiecorrectie") + ".";
            if (collapsed.Count > 0) assumptions.Add("Samengevoegde cellen lijken op hun buurcel: " + string.Join("; ", collapsed.Select(c => c.DescriptionDutch)) + ".");
        }
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

    private static T Wrap<T>(Func<T> f, string file)
    {
        try { return f(); }
        catch (LonelyUnitException e) { throw new SurveyDataException($"{file}: {e.Message}"); }
        catch (ArgumentException e) { throw new SurveyDataException($"{file}: {e.Message}"); }
    }
}
