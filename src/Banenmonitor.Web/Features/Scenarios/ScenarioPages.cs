using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Reports.Scenarios;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using Banenmonitor.Rules.Text;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Banenmonitor.Web.Features.Scenarios;

/// <summary>What the comparison partial shows: the computed scenario, its Dutch view and the chart of the national table.</summary>
public sealed record ScenarioComparison(ScenarioResult Result, ScenarioView View, string? Chart);

/// <summary>
/// The fields of the scenario form, as typed (so nothing a user entered is lost), and their reading into a
/// <see cref="Scenario"/>: Dutch numbers through <see cref="FormNumbers"/>, one Dutch message per field that cannot be read.
/// </summary>
public sealed record ScenarioForm
{
    public string? Naam { get; set; }
    public string? Jaar { get; set; }
    public string? Verdeelsleutel { get; set; }
    public string? VerdeelsleutelNulmeting { get; set; }
    public string? Quotumpercentage { get; set; }
    public string? DoelMarkt { get; set; }
    public string? DoelOverheid { get; set; }
    public string? Reden { get; set; }
    public string? Parameters { get; set; }
    public string? Groei { get; set; }
    public string? Doelen { get; set; }
    public bool Sroi { get; set; }
    public bool Gedeeld { get; set; }

    public const int DefaultYear = 2021;

    public static ScenarioForm Of(StoredScenario s)
    {
        var scenario = s.ToScenario();
        return new ScenarioForm
        {
            Naam = s.Name, Jaar = s.Year.ToString(CultureInfo.InvariantCulture), Sroi = scenario.CountSroi, Gedeeld = s.Shared,
            Parameters = string.Join("\n", scenario.Overrides.Select(o => o.Spec)),
            Groei = string.Join("\n", scenario.GrowthOrEmpty.Select(g => g.Spec)),
            Doelen = string.Join("\n", scenario.TargetsOrEmpty.Select(t => t.Spec)),
        };
    }

    /// <summary>The scenario and year, or null with the messages in <paramref name="errors"/> (field name → Dutch message).</summary>
    public (Scenario Scenario, int Year)? Read(ParameterSet today, IDictionary<string, string> errors)
    {
        var name = Naam?.Trim() ?? "";
        if (name.Length == 0) errors["Naam"] = "Naam: geef het scenario een naam.";
        else if (name.Length > 200) errors["Naam"] = "Naam: ten hoogste 200 tekens.";
        var year = FormNumbers.Read(errors, string.IsNullOrWhiteSpace(Jaar) ? DefaultYear.ToString(CultureInfo.InvariantCulture) : Jaar, "Jaar", "Jaar", NumberLimits.Year);
        var overrides = new List<ScenarioOverride>();
        var reason = Reden?.Trim() ?? "";
        void Field(string? text, string field, string label, string parameter, NumberBounds bounds, DateOnly? from = null)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var v = FormNumbers.Read(errors, text, field, label, bounds);
            if (v is null || year is null) return;
            if (reason.Length == 0) { errors["Reden"] = "Reden: geef een reden voor de veranderde waarden; die staat als bron bij elk cijfer."; return; }
            overrides.Add(new ScenarioOverride(parameter, from ?? new DateOnly((int)year.Value, 1, 1), v.Value, reason));
        }
        Field(Verdeelsleutel, "Verdeelsleutel", "Verdeelsleutel overheid", ParameterNames.GovernmentShareHiredIn, NumberLimits.Share);
        Field(VerdeelsleutelNulmeting, "VerdeelsleutelNulmeting", "Verdeelsleutel nulmeting", ParameterNames.BaselineGovernmentShareHiredIn, NumberLimits.Share,
            MeasurementParameters.BaselineDate);
        Field(Quotumpercentage, "Quotumpercentage", "Quotumpercentage overheid", ParameterNames.QuotaPercentageGovernment, NumberLimits.Share);
        Field(DoelMarkt, "DoelMarkt", "Doelstelling markt", ParameterNames.TargetMarket, NumberLimits.Jobs);
        Field(DoelOverheid, "DoelOverheid", "Doelstelling overheid", ParameterNames.TargetGovernment, NumberLimits.Jobs);
        List<T> Lines<T>(string? text, string field, string label, Func<string, T> parse)
        {
            var list = new List<T>();
            var n = 0;
            foreach (var line in (text ?? "").Split('\n'))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                try { list.Add(parse(line.Trim())); }
                catch (FormatException e) { errors.TryAdd(field, $"{label}, regel {n}: {e.Message}"); }
            }
            return list;
        }
        overrides.AddRange(Lines(Parameters, "Parameters", "Andere parameters", s => ScenarioOverride.Parse(s, today)));
        var growth = Lines(Groei, "Groei", "Groei", SectorGrowth.Parse);
        var targets = Lines(Doelen, "Doelen", "Doelen van sectoren", ScenarioTarget.Parse);
        if (errors.Count > 0 || year is null) return null;
        var scenario = new Scenario(name, overrides, growth, targets, Sroi);
        try { scenario.Apply(today); }
        catch (FormatException e) { errors["Parameters"] = e.Message; return null; }
        return (scenario, (int)year.Value);
    }
}

/// <summary>The computing and the downloads both scenario pages share.</summary>
public static class ScenarioPages
{
    /// <summary>The comparison, computed as the CLI computes it (<see cref="ScenarioComputation"/>) with the parameters in force.</summary>
    public static async Task<ScenarioComparison> ComputeAsync(BanenmonitorDbContext db, ParametersInForce today, Scenario scenario, int year, CancellationToken ct)
    {
        var result = await ScenarioComputation.ComputeAsync(db, today, PublishedData.Embedded, scenario, year, ct);
        return new ScenarioComparison(result, result.ToView(), Chart(result));
    }

    /// <summary>The hired-in and total increase of market and government, today and in the scenario (null when the table cannot be computed).</summary>
    private static string? Chart(ScenarioResult r)
    {
        var national = r.Section(ScenarioResult.National);
        if (national.Figures.Count == 0) return null;
        var keys = new[]
        {
            (ScenarioCalculator.CellKey(MeasurementSector.Market, EmploymentForm.HiredIn), "Markt inleen"),
            (ScenarioCalculator.CellKey(MeasurementSector.Government, EmploymentForm.HiredIn), "Overheid inleen"),
            (ScenarioCalculator.CellKey(MeasurementSector.Market, EmploymentForm.Total), "Markt totaal"),
            (ScenarioCalculator.CellKey(MeasurementSector.Government, EmploymentForm.Total), "Overheid totaal"),
        };
        ChartSeries Side(string label, Func<ScenarioFigure, decimal?> pick) => new(label,
            keys.Select(k => new ChartPoint(k.Item2, pick(national.Figure(k.Item1)!) is { } v ? Math.Round(v, 0, MidpointRounding.AwayFromZero) : null)).ToList());
        return SvgCharts.Bar(new ChartText($"Landelijke meting {r.Year}: vandaag en in het scenario",
            "Extra banen ten opzichte van de nulmeting via inleenverbanden en in totaal, voor markt en overheid, met de parameters van vandaag en die van het scenario. " +
            "De tabel eronder bevat dezelfde cijfers.", "banen"),
            [Side("Vandaag", f => f.Today), Side("Scenario", f => f.Scenario)], width: 720, height: 400);
    }

    public static FileContentResult Xlsx(ScenarioView view)
    {
        using var ms = new MemoryStream();
        ScenarioWorkbook.Write(view, ms);
        var safe = new string(view.Naam.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return new FileContentResult(ms.ToArray(), TableDownloads.XlsxContentType) { FileDownloadName = $"scenario-{(safe.Length == 0 ? "zonder-naam" : safe)}-{view.Jaar}.xlsx" };
    }
}
