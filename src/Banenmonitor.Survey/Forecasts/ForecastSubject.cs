using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Survey.Forecasts;

/// <summary>One year of a series with the document it comes from.</summary>
public sealed record SeriesPoint(int Year, decimal Jobs, string Source);

/// <summary>
/// The target (<i>doel</i>) of a year with its source. <see cref="CarriedForward"/>: no target is published for that
/// year, so the last known one is used (the way the government's target stays at 25.000 "2024 en verder").
/// </summary>
public sealed record TargetPoint(int Year, decimal Jobs, string Source, bool CarriedForward, string? Status = null);

/// <summary>
/// What is forecast: a sector's realisation (the thirteen reporting lines, from the published sector figures) or the
/// national increase of jobs against the baseline for the market, the government or both (the national measurement),
/// with the target path it is measured against.
/// </summary>
public sealed record ForecastSubject(string Code, string Name, string SeriesDutch, IReadOnlyList<SeriesPoint> History, Func<int, TargetPoint?> TargetFor)
{
    /// <summary>
    /// A count that cannot fall below zero (a sector's jobs): the interval's lower bound stops at 0. The national series is
    /// an increase against the baseline, which can be negative.
    /// </summary>
    public bool NonNegative { get; init; }

    public IReadOnlyList<Observation> Observations => History.Select(h => new Observation(h.Year, (double)h.Jobs)).ToList();
}

/// <summary>The subjects a forecast can be made for: <c>markt</c>, <c>overheid</c>, <c>totaal</c> and the thirteen sector codes.</summary>
public static class ForecastSubjects
{
    public static readonly IReadOnlyList<string> NationalCodes = ["markt", "overheid", "totaal"];

    /// <summary>Every code in the order the page lists them: the national three, then the thirteen sectors.</summary>
    public static IReadOnlyList<string> Codes => [.. NationalCodes, .. PublicSectors.All.Select(s => s.Code)];

    public static string CodesDutch => string.Join(", ", Codes);

    /// <summary>The subject of a code; a Dutch <see cref="FormatException"/> naming the valid codes otherwise.</summary>
    public static ForecastSubject Resolve(string code, PublishedData data, ParameterSet parameters)
    {
        var c = (code ?? "").Trim().ToLowerInvariant();
        if (NationalCodes.Contains(c)) return National(data.National, parameters, MeasurementText.ParseSector(c));
        if (PublicSectors.All.FirstOrDefault(s => s.Code == c) is { } sector) return Sector(data.SectorFigures, sector);
        throw new FormatException($"Onbekende sector '{code}'. Kies uit: {CodesDutch}.");
    }

    /// <summary>
    /// A sector's realisation (excluding SROI, as the sector reports count it) per year from the published figures, the
    /// primary figure per year; the target path from the published targets, carried forward after the last one.
    /// </summary>
    public static ForecastSubject Sector(PublishedSectorFigures figures, PublicSector sector)
    {
        var history = figures.History(sector);
        var points = history.Where(h => h.Realised is not null)
            .Select(h => new SeriesPoint(h.Year, h.Realised!.Value, h.Realised.Citation)).ToList();
        var targets = history.Where(h => h.Target is not null)
            .Select(h => new TargetPoint(h.Year, h.Target!.Value, h.Target.Citation, false)).ToList();
        TargetPoint? TargetFor(int year) =>
            targets.FirstOrDefault(t => t.Year == year)
            ?? (targets.LastOrDefault(t => t.Year < year) is { } last
                ? last with { Year = year, CarriedForward = true, Source = $"doel {last.Year} doorgetrokken (geen doel gepubliceerd voor {year}): {last.Source}" }
                : null);
        return new ForecastSubject(sector.Code, sector.Name, "realisatie (banen bij de werkgevers zelf, zonder SROI)", points, TargetFor) { NonNegative = true };
    }

    /// <summary>
    /// The national increase of jobs against the baseline (<i>toename t.o.v. de nulmeting</i>) per year; the target path
    /// from the parameters: <c>doelstelling_markt</c> / <c>doelstelling_overheid</c> (their sum for the total) up to 2025,
    /// then <c>doelstelling_landelijk</c> for the total and the final targets (<c>einddoelstelling_*</c>) carried forward for
    /// market and government, which the Wet banenafspraak no longer measures apart.
    /// </summary>
    public static ForecastSubject National(NationalFigures national, ParameterSet parameters, MeasurementSector sector)
    {
        var points = national.Rows.Where(r => r.Sector == sector && r.Form == EmploymentForm.Total && r.Quantity == NationalFigures.Increase)
            .OrderBy(r => r.Year).Select(r => new SeriesPoint(r.Year, r.Value, r.Source)).ToList();
        TargetPoint? Param(string name, int year, bool carried = false, string? note = null)
        {
            if (!parameters.TryGet(name, year, out var v) || v is null) return null;
            return new TargetPoint(year, v.Value!.Value, $"{(note is null ? "" : note + ": ")}{name} — {v.Source}", carried, v.Status.Dutch());
        }
        TargetPoint? Direct(int year)
        {
            if (sector == MeasurementSector.Total)
            {
                if (Param(P.TargetNational, year) is { } t) return t;
                var (m, g) = (Param(P.TargetMarket, year), Param(P.TargetGovernment, year));
                return m is null || g is null ? null
                    : new TargetPoint(year, m.Jobs + g.Jobs, $"som van markt en overheid: {m.Source}; {g.Source}", false,
                        m.Status == g.Status ? m.Status : $"{m.Status} / {g.Status}");
            }
            var (yearly, final) = sector == MeasurementSector.Market ? (P.TargetMarket, P.FinalTargetMarket) : (P.TargetGovernment, P.FinalTargetGovernment);
            return Param(yearly, year) ?? Param(final, year, carried: true,
                note: $"geen aparte doelstelling voor {year} (één landelijke doelstelling onder de Wet banenafspraak); einddoelstelling doorgetrokken");
        }
        // after the last year with a target (e.g. doelstelling_landelijk, given for 2026 only) that target stays
        var firstTargetYear = parameters.History(P.TargetMarket)[0].ValidFrom.Year;
        TargetPoint? TargetFor(int year) => Direct(year) ?? (year > firstTargetYear && Enumerable.Range(firstTargetYear, year - firstTargetYear).Reverse()
            .Select(Direct).FirstOrDefault(t => t is not null) is { } last
                ? last with { Year = year, CarriedForward = true, Source = $"doel {last.Year} doorgetrokken (geen doel vastgesteld voor {year}): {last.Source}" }
                : null);
        var name = sector switch
        {
            MeasurementSector.Market => "Markt (landelijk)", MeasurementSector.Government => "Overheid (landelijk)", _ => "Markt en overheid samen (landelijk)",
        };
        return new ForecastSubject(sector.Dutch(), name, "extra banen ten opzichte van de nulmeting (landelijke meting)", points, TargetFor);
    }
}
