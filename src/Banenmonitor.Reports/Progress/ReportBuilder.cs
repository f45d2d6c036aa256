using System.Globalization;
using System.Text.RegularExpressions;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The report refuses to be built: <c>controle</c> finds substantive (<i>inhoudelijke</i>) contradictions in its figures.
/// The message is Dutch and lists every contradiction; build with <c>concept: true</c> to get a marked draft instead.
/// </summary>
public sealed class ReportRefusedException(int year, PublicSector? sector, IReadOnlyList<ConsistencyCheck> mismatches)
    : Exception(Describe(year, sector, mismatches))
{
    public int Year { get; } = year;
    public PublicSector? Sector { get; } = sector;
    public IReadOnlyList<ConsistencyCheck> Mismatches { get; } = mismatches;

    private static string Describe(int year, PublicSector? sector, IReadOnlyList<ConsistencyCheck> mismatches)
    {
        var scope = sector is null ? $"over {year}" : $"over {year} voor {sector.Name}";
        var lines = mismatches.Select(c =>
            $"- {c.Year} {SectorName(c.Sector)} — {c.Figure} ({c.DocumentName}): gepubliceerd {Num(c, c.Published)}, " +
            $"berekend {Num(c, c.Computed)}. {c.Explanation}");
        return $"De voortgangsrapportage {scope} wordt niet gemaakt: de controle vindt {mismatches.Count} inhoudelijke " +
               $"{(mismatches.Count == 1 ? "tegenstrijdigheid" : "tegenstrijdigheden")} in de bronnen.\n" + string.Join("\n", lines);
    }

    /// <summary>What to do next on the command line: resolve each contradiction or build a marked concept.</summary>
    public const string CommandLineAdvice =
        "Los elke tegenstrijdigheid op (banenmonitor controle oplossen, of op de website onder Rapporten), of maak een concept met --concept (gemarkeerd als CONCEPT, met de tegenstrijdigheden erin).";

    /// <summary>What to do next on the website (the report builder page has the resolution form and the concept button).</summary>
    public const string WebsiteAdvice =
        "Los elke tegenstrijdigheid op deze pagina op onder ‘Inhoudelijke bevindingen’ (kies welke waarde geldt, met een reden), of maak een concept (gemarkeerd als CONCEPT, met de tegenstrijdigheden erin).";

    /// <summary>A checked value in Dutch; a comparison year stays a year (2023, not 2.023).</summary>
    public static string Num(ConsistencyCheck c, decimal v) =>
        c.ValuesAreYears ? v.ToString("0", CultureInfo.InvariantCulture) : DutchFormat.Number(v, 2);

    public static string SectorName(string code) =>
        code == ConsistencyChecker.National ? "landelijk" : PublicSectors.Find(code)?.Name ?? code;
}

/// <summary>
/// Builds the yearly progress report from the data: the national measurement (Tabel 1 form), one section per sector in
/// the order of the year's BZK letter (Cijfermatige realisatie: doel, realisatie, realisatiepercentage, SROI; comparison
/// with the previous year; coverage; the sector's own text), an overview of all sectors, the contradictions and the
/// sources. Numbers are never typed: each comes from a published figure (cited) or is computed from cited figures.
/// </summary>
public sealed partial class ReportBuilder(ReportSources sources)
{
    public const string DatabaseDocumentPrefix = "sectorrapportage-";

    /// <summary>The consistency checks over the report's figures: the year, and the sector when given.</summary>
    public ConsistencyReport Check(int year, PublicSector? sector = null) =>
        new ConsistencyChecker(sources.Parameters).Check(SectorData(), sources.National).Filter(year, sector?.Code);

    /// <summary>The substantive contradictions that block a final report.</summary>
    public IReadOnlyList<ConsistencyCheck> BlockingContradictions(int year, PublicSector? sector = null) =>
        Check(year, sector).Checks.Where(c => c.Outcome == CheckOutcome.Substantive).ToList();

    /// <summary>
    /// Builds the report of a year (all sectors and the national measurement) or of one sector. Throws
    /// <see cref="ReportRefusedException"/> when the figures contain substantive contradictions, unless
    /// <paramref name="concept"/> is set: then the report is marked CONCEPT, lists the contradictions and marks the cells.
    /// </summary>
    /// <summary>
    /// The substantive findings of the report's figures, each with its current resolution (from <paramref name="resolutions"/>);
    /// the unresolved ones block a final report.
    /// </summary>
    public IReadOnlyList<Finding> Findings(int year, IEnumerable<Resolution>? resolutions = null, PublicSector? sector = null) =>
        Finding.Of(Check(year, sector), year, resolutions ?? []);

    public ProgressReport Build(int year, PublicSector? sector = null, bool concept = false, IReadOnlyList<Resolution>? resolutions = null)
    {
        if (sector is { IsAggregate: true }) throw new ArgumentException($"'{sector.Code}' is geen afzonderlijke sector; kies een van de dertien sectoren.", nameof(sector));
        var data = SectorData();
        var findings = Finding.Of(new ConsistencyChecker(sources.Parameters).Check(data, sources.National).Filter(year, sector?.Code), year, resolutions ?? []);
        var blocking = findings.Where(f => !f.IsResolved).Select(f => f.Check).ToList();
        if (blocking.Count > 0 && !concept) throw new ReportRefusedException(year, sector, blocking);
        var resolvedFindings = findings.Where(f => f.IsResolved).ToList();
        var resolved = resolvedFindings.Select((f, i) => new ResolvedContradiction(i + 1, f.Key, ReportRefusedException.SectorName(f.Check.Sector),
            f.Check.Figure, f.Check.DocumentName, ReportRefusedException.Num(f.Check, f.Check.Published), ReportRefusedException.Num(f.Check, f.Check.Computed),
            f.Check.Explanation, f.Resolution!.Choice.Phrase(), f.Resolution.ValueText(f.Check), f.Resolution.Source, f.Resolution.Reason,
            f.Resolution.ResolvedBy, f.Resolution.ResolvedAt)).ToList();

        // From here on the figures are the standing ones: a resolved figure carries the value its resolution says stands.
        var standing = StandingValues.Of(resolvedFindings, data, sources.National);
        var ctx = new Context(standing.Sectors, sources with { National = standing.National }, blocking, standing);
        var order = LetterOrder(data, year);
        var sectors = sector is null ? order : [sector];
        // Sources are numbered in reading order: national section first, then the sectors, then the overview.
        var national = sector is null ? National(ctx, year) : null;
        var sections = sectors.Select(s => SectorSection(ctx, s, year)).ToList();
        var overview = sectors.Select(s => Overview(ctx, s, year)).ToList();
        var chart = sector is null ? PercentageChart(ctx, order, year) : null;
        var regimes = Regimes(ctx, sectors, year, national);
        var agendas = WorkAgendas(ctx, sectors, year);
        var title = $"Voortgangsrapportage banenafspraak {year}" + (sector is null ? "" : $" — {sector.Name}");
        var contradictions = blocking.Select((c, i) => new Contradiction(i + 1, ReportRefusedException.SectorName(c.Sector), c.Figure, c.DocumentName,
            c.Published, c.Computed, c.Explanation, c.Source, ReportRefusedException.Num(c, c.Published), ReportRefusedException.Num(c, c.Computed))).ToList();
        return new ProgressReport(year, sector, concept, title, national, sections, overview, contradictions, ctx.SourceList(), chart, regimes, resolved,
            ctx.TraceList(), agendas);
    }

    /// <summary>The published sector figures plus, where the documents lack a figure, the approved sector reports of the database.</summary>
    private PublishedSectorFigures SectorData()
    {
        var data = sources.Sectors;
        foreach (var group in sources.ApprovedReports.GroupBy(r => r.Year))
        {
            var code = DatabaseDocumentPrefix + group.Key.ToString(CultureInfo.InvariantCulture);
            var added = new List<PublishedFigure>();
            foreach (var r in group)
            {
                if (PublicSectors.Find(r.SectorCode) is not { IsAggregate: false } s) continue;
                var existing = data.Get(s, r.Year);
                added.AddRange(PublishedFigure.Entered(code, r.Year, s, $"Sectorrapportage {s.Name} {r.Year}", r.Source,
                        (Quantities.Target, r.Target, "fta"), (Quantities.Realised, r.Realised, "fta"), (Quantities.Percentage, r.Percentage, "%"),
                        (Quantities.Sroi, r.Sroi, "fta"), (Quantities.PercentageIncludingSroi, r.PercentageIncludingSroi, "%"), (Quantities.HiredIn, r.HiredIn, "fta"))
                    .Where(f => existing.Primary(f.Quantity) is null));
            }
            if (added.Count > 0)
                data = data.With(added, new PublishedDocument(code, $"Goedgekeurde sectorrapportages over {group.Key} (database)", "Banenmonitor", group.Key, ParameterStatus.Published));
        }
        return data;
    }

    /// <summary>
    /// The thirteen sectors in the order of the year's letter (the order of their first figure in the documents over that
    /// year), then the sectors that letter does not mention.
    /// </summary>
    public static IReadOnlyList<PublicSector> LetterOrder(PublishedSectorFigures data, int year)
    {
        var first = data.Figures.Where(f => !f.Sector.IsAggregate && data.ReportYearOf(f.Document) == year)
            .GroupBy(f => f.Sector).ToDictionary(g => g.Key, g => g.Min(f => f.Line));
        return PublicSectors.All.OrderBy(s => first.TryGetValue(s, out var l) ? 0 : 1).ThenBy(s => first.GetValueOrDefault(s, 0)).ThenBy(s => s.Order).ToList();
    }

    // ------------------------------------------------------------------ sectors

    private static SectorSection SectorSection(Context ctx, PublicSector sector, int year)
    {
        var fy = ctx.Data.Get(sector, year);
        var realisation = new List<ReportRow>();
        var composition = new List<ReportRow>();
        var comparison = new List<ReportRow>();
        var coverage = new List<ReportRow>();
        if (!fy.IsEmpty)
        {
            realisation.Add(new("Doel", ctx.Value(fy.Target)));
            realisation.Add(new("Realisatie", ctx.Value(fy.Realised)));
            realisation.Add(new("Realisatiepercentage", ctx.Value(fy.Percentage) ?? ComputedPercentage(ctx, fy.Realised, fy.Target)));
            if (fy.Sroi is not null || fy.RealisedIncludingSroi is not null || fy.PercentageIncludingSroi is not null)
            {
                realisation.Add(new("Banen via SROI/inkoop", ctx.Value(fy.Sroi)));
                var incl = ctx.Value(fy.RealisedIncludingSroi) ?? Sum(ctx, fy.Realised, fy.Sroi);
                realisation.Add(new("Realisatie inclusief SROI", incl));
                realisation.Add(new("Realisatiepercentage inclusief SROI", ctx.Value(fy.PercentageIncludingSroi)
                    ?? (fy.RealisedIncludingSroi is not null ? ComputedPercentage(ctx, fy.RealisedIncludingSroi, fy.Target) : SumPercentage(ctx, fy.Realised, fy.Sroi, fy.Target))));
            }
            foreach (var (label, f) in new[]
                     {
                         ("Via inhuur", fy.HiredIn), ("In eigen dienst", fy.OwnEmployment), ("Aandeel vaste aanstelling", fy.SharePermanent),
                         ("Aandeel tijdelijke aanstelling", fy.ShareTemporary), ("Aandeel inhuur", fy.ShareHiredIn),
                     })
                if (f is not null) composition.Add(new(label, ctx.Value(f)));

            foreach (var (label, f) in new[]
                     {
                         ("Organisaties die gegevens leverden", fy.OrganisationsReported), ("Organisaties in de sector", fy.OrganisationsTotal),
                         ("Aandeel van het personeel in de meting", fy.StaffShareReported),
                     })
                if (f is not null) coverage.Add(new(label, ctx.Value(f)));
            foreach (var f in fy.Figures.Where(f => f.Quantity == Quantities.OrganisationsReported && f.Qualifier == "sroi"))
                coverage.Add(new("Organisaties met gegevens over SROI", ctx.Value(f)));
        }

        var prevYear = year - 1;
        var prev = ctx.Data.Get(sector, prevYear);
        if (!prev.IsEmpty)
        {
            if (prev.Target is { } pt) comparison.Add(new($"Doel {prevYear}", ctx.Value(pt)));
            if (prev.Realised is { } pr) comparison.Add(new($"Realisatie {prevYear}", ctx.Value(pr)));
            if (prev.Percentage is { } pp) comparison.Add(new($"Realisatiepercentage {prevYear}", ctx.Value(pp)));
            else if (ComputedPercentage(ctx, prev.Realised, prev.Target) is { } cp) comparison.Add(new($"Realisatiepercentage {prevYear}", cp));
            if (prev.PercentageIncludingSroi is { } ps) comparison.Add(new($"Realisatiepercentage inclusief SROI {prevYear}", ctx.Value(ps)));
        }
        foreach (var d in fy.Figures.Where(f => f.Quantity is Quantities.Difference or Quantities.DifferencePercent).OrderBy(f => f.Line))
            comparison.Add(new($"{(d.Quantity == Quantities.Difference ? "Verschil in realisatie" : "Procentuele verandering realisatie")} t.o.v. {d.ReferenceYear} (gepubliceerd)", ctx.Value(d)));
        if (fy.Realised is { } rNow && prev.Realised is { } rPrev)
            comparison.Add(new($"Verschil in realisatie t.o.v. {prevYear} (berekend)",
                ctx.Computed($"verschil in realisatie {year} t.o.v. {prevYear}", $"realisatie {year} − realisatie {prevYear}",
                    rNow.Value - rPrev.Value, Math.Max(rNow.Decimals, rPrev.Decimals), "fta", rNow.Approximate || rPrev.Approximate, rNow, rPrev)));
        var pNow = fy.Percentage;
        var pPrev = prev.Percentage;
        if (pNow is not null && pPrev is not null)
            comparison.Add(new($"Verschil realisatiepercentage t.o.v. {prevYear} (berekend)",
                ctx.Computed($"verschil realisatiepercentage {year} t.o.v. {prevYear}", $"realisatiepercentage {year} − realisatiepercentage {prevYear}",
                    pNow.Value - pPrev.Value, Math.Max(pNow.Decimals, pPrev.Decimals), "procentpunt", pNow.Approximate || pPrev.Approximate, pNow, pPrev)));

        var narrative = ctx.Sources.ApprovedReports.FirstOrDefault(r => r.Year == year && string.Equals(r.SectorCode, sector.Code, StringComparison.OrdinalIgnoreCase)
                                                                     && (!string.IsNullOrWhiteSpace(r.GeneralPicture) || !string.IsNullOrWhiteSpace(r.QualityAndSustainability))) is { } a
            ? new SectorNarrative(a.GeneralPicture, a.QualityAndSustainability, a.Source)
            : null;

        return new SectorSection(sector, year, !fy.IsEmpty, realisation, composition, prev.IsEmpty && comparison.Count == 0 ? null : prevYear,
            comparison, coverage, fy.Coverage, narrative, TrendChart(ctx, sector, year),
            Sectors.SectorEmployersReport.Total(ctx.Sources, sector, year, fy)
            ?? (fy.Realised is not null ? Survey.SectorTotals.SectorTotalView.From(Survey.SectorTotals.PublishedSectorTotal.From(fy)) : null),
            Sectors.SectorEmployersReport.For(ctx.Sources, sector, year));
    }

    private static ReportValue? ComputedPercentage(Context ctx, PublishedFigure? realised, PublishedFigure? target)
    {
        if (realised is null || target is null || target.Value <= 0) return null;
        return ctx.Computed($"realisatiepercentage {realised.Year} (berekend)", "realisatie ÷ doel × 100",
            realised.Value / target.Value * 100m, 1, "%", realised.Approximate || target.Approximate, realised, target);
    }

    private static ReportValue? Sum(Context ctx, PublishedFigure? a, PublishedFigure? b) =>
        a is null || b is null ? null : ctx.Computed($"realisatie inclusief SROI {a.Year} (berekend)", "realisatie + banen via SROI/inkoop",
            a.Value + b.Value, Math.Max(a.Decimals, b.Decimals), "fta", a.Approximate || b.Approximate, a, b);

    private static ReportValue? SumPercentage(Context ctx, PublishedFigure? a, PublishedFigure? b, PublishedFigure? target) =>
        a is null || b is null || target is null || target.Value <= 0 ? null
            : ctx.Computed($"realisatiepercentage inclusief SROI {a.Year} (berekend)", "(realisatie + banen via SROI/inkoop) ÷ doel × 100",
                (a.Value + b.Value) / target.Value * 100m, 1, "%", a.Approximate || b.Approximate || target.Approximate, a, b, target);

    private static OverviewRow Overview(Context ctx, PublicSector sector, int year)
    {
        var fy = ctx.Data.Get(sector, year);
        var prev = ctx.Data.Get(sector, year - 1);
        return new OverviewRow(sector, ctx.Value(fy.Target), ctx.Value(fy.Realised), ctx.Value(fy.Percentage), ComputedPercentage(ctx, fy.Realised, fy.Target),
            ctx.Value(fy.Sroi), ctx.Value(fy.PercentageIncludingSroi) ?? SumPercentage(ctx, fy.Realised, fy.Sroi, fy.Target),
            ctx.Value(prev.Percentage) ?? ComputedPercentage(ctx, prev.Realised, prev.Target), fy.Coverage);
    }

    private static string? TrendChart(Context ctx, PublicSector sector, int year)
    {
        var history = ctx.Data.History(sector).Where(h => h.Year <= year).ToList();
        if (history.Count(h => h.Realised is not null || h.Target is not null) < 2) return null;
        var realised = history.Select(h => new ChartPoint(h.Year.ToString(CultureInfo.InvariantCulture), h.Realised?.Value)).ToList();
        var target = history.Select(h => new ChartPoint(h.Year.ToString(CultureInfo.InvariantCulture), h.Target?.Value)).ToList();
        return SvgCharts.Line(
            new ChartText($"{sector.Name}: doel en realisatie per jaar",
                $"Gepubliceerde realisatie ({SvgCharts.Describe(realised, "fta")}) en doel ({SvgCharts.Describe(target, "fta")}).", "fta"),
            [new ChartSeries("Realisatie", realised), new ChartSeries("Doel", target, SeriesStyle.Dashed)], 640, 260);
    }

    private static string? PercentageChart(Context ctx, IReadOnlyList<PublicSector> order, int year)
    {
        var rows = order.Select(s => (s, f: ctx.Data.Get(s, year))).Where(t => t.f.Percentage is not null).ToList();
        if (rows.Count == 0) return null;
        var pct = rows.Select(t => new ChartPoint(ShortName(t.s), t.f.Percentage!.Value)).ToList();
        var series = new List<ChartSeries> { new("Realisatiepercentage (gepubliceerd)", pct) };
        if (rows.Any(t => t.f.PercentageIncludingSroi is not null))
            series.Add(new ChartSeries("Inclusief SROI", rows.Select(t => new ChartPoint(ShortName(t.s), t.f.PercentageIncludingSroi?.Value)).ToList()));
        return SvgCharts.Bar(new ChartText($"Realisatiepercentage per sector, {year}",
            $"Realisatiepercentage per sector zoals gepubliceerd over {year}: {SvgCharts.Describe(pct, "%")}.", "%"), series, 720, 380, ChartReference.TargetReached);
    }

    /// <summary>Short sector name for chart axes.</summary>
    public static string ShortName(PublicSector s) => s.Code switch
    {
        "umc" => "umc's",
        "po" or "vo" or "mbo" or "hbo" or "wo" => s.Code,
        "onderzoeksinstellingen" => "onderzoeksinst.",
        _ => s.Name,
    };

    // ------------------------------------------------------------------ two regimes side by side

    /// <summary>
    /// The year's figures under the quotumregeling and in the view of the Wet banenafspraak 2025: the national measurement
    /// with and without the market/government split, and per sector the SROI scenario computed by the rules core
    /// (<see cref="Rules.Regimes.RegimeComparison.Sector"/>) from the published target, realisation and SROI jobs.
    /// </summary>
    private static RegimesSection? Regimes(Context ctx, IReadOnlyList<PublicSector> sectors, int year, NationalSection? national)
    {
        var rows = new List<RegimeSectorRow>();
        foreach (var s in sectors)
        {
            var fy = ctx.Data.Get(s, year);
            if (fy.Target is not { Value: > 0 } t || fy.Realised is not { } r) continue;
            var sc = Rules.Regimes.RegimeComparison.Sector(s.Code, year, new Jobs(t.Value), new Jobs(r.Value), fy.Sroi is { } x ? new Jobs(x.Value) : null);
            var approx = t.Approximate || r.Approximate;
            var legal = Rules.Regimes.Regime.Quotumregeling.LegalBasis;
            var now = ctx.Computed($"realisatiepercentage {year}, quotumregeling (SROI-banen tellen bij de leverancier)", "realisatie ÷ doel × 100",
                sc.CurrentPercentage, SectorScenario.PercentageDecimals, "%", approx, [r, t], legal);
            ReportValue? scenario = null, diff = null;
            string why;
            if (sc.ScenarioPercentage is { } p && sc.DifferencePoints is { } d && fy.Sroi is { } sroi)
            {
                var scenarioLegal = Rules.Regimes.Regime.WetBanenafspraak2025.LegalBasis + "; SROI-scenario: beleidsoptie, geen geldend recht";
                scenario = ctx.Computed($"realisatiepercentage {year}, SROI-scenario (SROI-banen tellen bij de aanbestedende sector)", "(realisatie + banen via SROI/inkoop) ÷ doel × 100",
                    p, SectorScenario.PercentageDecimals, "%", approx || sroi.Approximate, [r, sroi, t], scenarioLegal);
                diff = ctx.Computed($"verschil SROI-scenario en quotumregeling {year}", "realisatiepercentage SROI-scenario − realisatiepercentage quotumregeling",
                    d, SectorScenario.PercentageDecimals, "procentpunt", approx || sroi.Approximate, [r, sroi, t], scenarioLegal);
                why = $"Met {DutchFormat.Number(sroi.Value, Math.Max(0, sroi.Decimals))} banen via SROI/inkoop erbij: ({DutchFormat.Number(r.Value, Math.Max(0, r.Decimals))} + " +
                      $"{DutchFormat.Number(sroi.Value, Math.Max(0, sroi.Decimals))}) ÷ {DutchFormat.Number(t.Value, Math.Max(0, t.Decimals))} = {scenario.Text} in plaats van {now.Text}.";
            }
            else why = "Geen SROI-banen gepubliceerd.";
            rows.Add(new RegimeSectorRow(s, ctx.Value(t)!, ctx.Value(r)!, now, ctx.Value(fy.Sroi), scenario, diff, why));
        }
        var nat = new List<RegimeNationalRow>();
        var differences = new List<string>();
        if (national is not null)
        {
            var total = national.Table.FirstOrDefault(x => x.Emphasis);
            var target = national.Table.FirstOrDefault(x => x.Label == "Doelstelling");
            var gap = national.Table.FirstOrDefault(x => x.Label == "Verschil met doelstelling");
            if (total is not null && target is not null && gap is not null)
            {
                nat.Add(new("Toename banen markt", total.Cells[0], null));
                nat.Add(new("Toename banen overheid", total.Cells[1], null));
                nat.Add(new("Toename banen totaal", total.Cells[2], total.Cells[2], true));
                nat.Add(new("Doelstelling markt", target.Cells[0], null));
                nat.Add(new("Doelstelling overheid", target.Cells[1], null));
                nat.Add(new("Doelstelling totaal", target.Cells[2], target.Cells[2], true));
                nat.Add(new("Verschil met doelstelling markt", gap.Cells[0], null));
                nat.Add(new("Verschil met doelstelling overheid", gap.Cells[1], null));
                nat.Add(new("Verschil met doelstelling totaal", gap.Cells[2], gap.Cells[2], true));
                if (gap.Cells[0] is { } gm && gap.Cells[1] is { } gg && gap.Cells[2] is { } gt)
                {
                    differences.Add($"Onder de quotumregeling worden markt en overheid elk aan hun eigen doelstelling getoetst: markt {Signed(gm.Value)}, overheid {Signed(gg.Value)} banen. " +
                                    "Blijft de overheid achter, dan geldt voor overheidswerkgevers boven de drempel de quotumregeling met een heffing per ontbrekende baan (opgeschort en nooit geïnd, Wfsv art. 122na).");
                    differences.Add($"In de Wet banenafspraak (2025) is er één landelijke meting: alleen het totaal telt ({Signed(gt.Value)} banen ten opzichte van de doelstelling), " +
                                    "zonder verdeelsleutel voor inleenbanen; een tekort in de ene sector wordt door de andere gecompenseerd. Na activering betalen werkgevers die het quotumpercentage niet halen een opslag op de premie Aof, en krijgt iedere werkgever een bonus per baan.");
                }
            }
        }
        if (rows.Count == 0 && nat.Count == 0) return null;
        var withSroi = rows.Where(x => x.PercentageSroiScenario is not null).ToList();
        if (withSroi.Count > 0)
            differences.Add($"Onder de huidige wet tellen banen via SROI/inkoop bij de leverancier (sector markt). De Wet banenafspraak maakt niet uit wie een baan realiseert; " +
                            $"in het SROI-scenario (beleidsoptie, Kamerstuk 34 352, nr. 255 en Kamerbrief BZK 2022 over 2021, voetnoot 5) tellen ze bij de aanbestedende sector. Voor {withSroi.Count} " +
                            $"{(withSroi.Count == 1 ? "sector" : "sectoren")} met gepubliceerde SROI-banen stijgt het realisatiepercentage dan met " +
                            string.Join(", ", withSroi.Select(x => $"{x.Difference!.Number} procentpunt ({x.Sector.Name})")) + ".");
        var intro = new List<string>
        {
            $"Dezelfde gepubliceerde cijfers over {year} onder twee regimes: de quotumregeling van de Wet banenafspraak en quotum arbeidsbeperkten ({Rules.Regimes.Regime.Quotumregeling.LegalBasis}) " +
            $"en de nieuwe Wet banenafspraak ({Rules.Regimes.Regime.WetBanenafspraak2025.LegalBasis}), die geldt vanaf {Rules.Regimes.Regime.WetBanenafspraak2025.FirstYear}. " +
            "Zo is te zien wat de nieuwe wet voor dezelfde cijfers betekent.",
            "De sectorpercentages zijn door Banenmonitor berekend uit de gepubliceerde doelen, realisaties en SROI-banen (realisatie ÷ doel × 100, afgerond op één decimaal).",
        };
        return new RegimesSection(year, intro, nat, rows, differences)
        {
            LegalBasis = Rules.Explanations.TraceViews.ToView([.. Rules.Regimes.Regime.Quotumregeling.Legal, .. Rules.Regimes.Regime.WetBanenafspraak2025.Legal]),
        };
    }

    private static string Signed(decimal v) => (v > 0 ? "+" : "") + DutchFormat.Number(v, 0);

    // ------------------------------------------------------------------ national

    private static NationalSection? National(Context ctx, int year)
    {
        var nf = ctx.Sources.National;
        var parameters = ctx.Sources.Parameters;
        var sectors = new[] { MeasurementSector.Market, MeasurementSector.Government, MeasurementSector.Total };
        if (nf.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase) is null
            && nf.Find(year, MeasurementSector.Market, EmploymentForm.Total, NationalFigures.Increase) is null) return null;
        var rows = new List<NationalRow>();
        var notes = new List<string>();
        var input = nf.InputFor(year);
        var totals = new Dictionary<MeasurementSector, ReportValue?>();
        if (input is not null)
        {
            var result = new NationalMeasurement(parameters).Compute(input, nf.PublishedCells(year));
            var measured = ctx.MeasurementTrace(year, input, result);
            foreach (var (form, label) in new[] { (EmploymentForm.Formal, "Formele dienstverbanden"), (EmploymentForm.HiredIn, "Inleenverbanden"), (EmploymentForm.Total, "Totaal") })
            {
                var cells = sectors.Select(s =>
                {
                    var cell = result.Cell(s, form);
                    var pub = nf.Find(year, s, form, NationalFigures.Increase);
                    return pub is not null
                        ? ctx.National(pub, cell.Agreement == CellAgreement.Substantive ? cell.Computed : null) is var v && v.Flag is not null ? v with { Trace = measured } : v
                        : new ReportValue(cell.Rounded, 0, "banen", false, true, [ctx.Cite("berekening", "Landelijke meting",
                            $"{cell.Sector.Dutch()} / {cell.Form.Dutch()}: berekend met de verdeelsleutel uit de gepubliceerde invoer", null)], Trace: measured);
                }).ToList();
                if (form == EmploymentForm.Total) for (var i = 0; i < sectors.Length; i++) totals[sectors[i]] = cells[i];
                rows.Add(new NationalRow(label, cells, form == EmploymentForm.Total));
            }
            notes.AddRange(result.Cells.Where(c => c.Explanation is not null).Select(c => $"{Cap(c.Sector.Dutch())} / {c.Form.Dutch()}: {c.Explanation}"));
        }
        else
        {
            var cells = sectors.Select(s => nf.Find(year, s, EmploymentForm.Total, NationalFigures.Increase) is { } f ? ctx.National(f, null) : null).ToList();
            for (var i = 0; i < sectors.Length; i++) totals[sectors[i]] = cells[i];
            rows.Add(new NationalRow("Toename banen t.o.v. de nulmeting", cells, true));
            notes.Add($"Over {year} is alleen de toename per sector gepubliceerd, niet de uitsplitsing naar formele dienstverbanden en inleenverbanden.");
        }

        // Target: as printed in the document, else the dated parameter.
        var targets = new Dictionary<MeasurementSector, ReportValue?>();
        foreach (var (s, name) in new[] { (MeasurementSector.Market, P.TargetMarket), (MeasurementSector.Government, P.TargetGovernment) })
        {
            if (nf.Find(year, s, EmploymentForm.Total, NationalFigures.Target) is { } t) targets[s] = ctx.National(t, null);
            else if (parameters.TryGet(name, year, out var pv) && pv?.Value is { } v)
                targets[s] = new ReportValue(v, 0, "banen", false, false, [ctx.Cite("parameter", $"Parameter {name}", pv.Source, $"geldig vanaf {pv.ValidFrom:dd-MM-yyyy}")]);
            else targets[s] = null;
        }
        targets[MeasurementSector.Total] = nf.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Target) is { } tt
            ? ctx.National(tt, null)
            : targets[MeasurementSector.Market] is { } tm && targets[MeasurementSector.Government] is { } tg
                ? ctx.Derived($"Landelijke meting {year}: doelstelling totaal", "doelstelling markt + doelstelling overheid", null, tm.Value + tg.Value, 0, "banen", false,
                    [Context.Line("doelstelling markt", tm), Context.Line("doelstelling overheid", tg)])
                : null;
        rows.Add(new NationalRow("Doelstelling", sectors.Select(s => targets[s]).ToList()));
        rows.Add(new NationalRow("Verschil met doelstelling", sectors.Select(s =>
            totals.GetValueOrDefault(s) is { } r && targets[s] is { } t
                ? ctx.Derived($"Landelijke meting {year}: verschil met de doelstelling, {s.Dutch()}", "toename banen t.o.v. de nulmeting − doelstelling", null,
                    r.Value - t.Value, 0, "banen", false, [Context.Line($"toename banen {s.Dutch()}", r), Context.Line($"doelstelling {s.Dutch()}", t)])
                : null).ToList()));

        var facts = new List<ReportRow>();
        if (nf.Find(year, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.TotalJobs) is { } all)
            facts.Add(new($"Banen voor de doelgroep eind {year}, inclusief de nulmeting", ctx.National(all, null)));
        if (nf.Find(year, MeasurementSector.Total, EmploymentForm.HiredIn, NationalFigures.HiredInJobs) is { } hired)
            facts.Add(new($"Banen via inleenverbanden eind {year} (vóór de verdeelsleutel)", ctx.National(hired, null)));
        foreach (var d in nf.Rows.Where(r => r.Year == year && r.Quantity == NationalFigures.IncreaseOnPreviousYear))
            facts.Add(new($"Toename t.o.v. {year - 1}, {d.Sector.Dutch()}{(d.Form == EmploymentForm.Total ? "" : " / " + d.Form.Dutch())}", ctx.National(d, null)));

        var register = new List<ReportRow>();
        foreach (var q in new[] { TargetGroupRegisterFigures.Persons, TargetGroupRegisterFigures.Working, TargetGroupRegisterFigures.ShareWorking, TargetGroupRegisterFigures.IncreasePersons })
            if (ctx.Sources.Register.Find(year, q) is { } r)
                register.Add(new(TargetGroupRegisterFigures.Dutch(q, year), new ReportValue(r.Value, ValueInterval.DecimalsOf(r.Value), r.Unit, false, false,
                    [ctx.Cite(ctx.Data.DocumentCited(r.Source) ?? "landelijke_meting", "Doelgroepregister (UWV)", r.Source, null)])));

        return new NationalSection(year, ["Markt", "Overheid", "Totaal"], rows, input is not null, facts, register, notes, TargetPathChart(ctx, year));
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string TargetPathChart(Context ctx, int year)
    {
        var nf = ctx.Sources.National;
        var years = nf.Years.Where(y => y <= year && nf.Find(y, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase) is not null).ToList();
        decimal? Target(int y) => ctx.Sources.Parameters.TryGet(P.TargetMarket, y, out var m) && ctx.Sources.Parameters.TryGet(P.TargetGovernment, y, out var g)
                                  && m?.Value is { } mv && g?.Value is { } gv ? mv + gv : null;
        var realised = years.Select(y => new ChartPoint(y.ToString(CultureInfo.InvariantCulture), nf.Find(y, MeasurementSector.Total, EmploymentForm.Total, NationalFigures.Increase)!.Value)).ToList();
        var target = years.Select(y => new ChartPoint(y.ToString(CultureInfo.InvariantCulture), Target(y))).ToList();
        return SvgCharts.Line(new ChartText($"Ingroeipad en realisatie tot en met {year}",
                $"Extra banen ten opzichte van de nulmeting (eind 2012), markt en overheid samen. Gerealiseerd: {SvgCharts.Describe(realised, "banen")}. " +
                $"Doelstelling (ingroeipad): {SvgCharts.Describe(target, "banen")}.", "banen"),
            [new ChartSeries("Doelstelling (ingroeipad)", target, SeriesStyle.Dashed), new ChartSeries("Gerealiseerd", realised)], 720, 320);
    }


    // ------------------------------------------------------------------ citations and flags

    private sealed class Context(PublishedSectorFigures data, ReportSources sources, IReadOnlyList<ConsistencyCheck> contradictions, StandingValues standing)
    {
        private readonly List<SourceNote> _notes = [];
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<FigureTrace> _traces = [];
        private readonly Dictionary<string, int> _traceNumbers = new(StringComparer.Ordinal);

        public PublishedSectorFigures Data { get; } = data;
        public ReportSources Sources { get; } = sources;

        public IReadOnlyList<SourceNote> SourceList() => _notes;

        public IReadOnlyList<FigureTrace> TraceList() => _traces;

        /// <summary>Adds the explanation of a computed figure to the annex (once: the same computation gets the same number).</summary>
        public int AddTrace(string figure, string formula, IReadOnlyList<TraceLine> inputs, string result, string? legal, IReadOnlyList<Rules.Contracts.StapView> steps, string? note = null)
        {
            var key = string.Join("\u0001", figure, formula, string.Join("\u0002", inputs.Select(i => i.Name + "=" + i.Value)), result);
            if (_traceNumbers.TryGetValue(key, out var n)) return n;
            n = _traces.Count + 1;
            _traces.Add(new FigureTrace(n, figure, formula, inputs, result, legal, steps, note));
            _traceNumbers[key] = n;
            return n;
        }

        /// <summary>A figure the report computes from cited inputs, rounded once (half away from zero), with its explanation in the annex.</summary>
        public ReportValue Derived(string figure, string formula, string? legal, decimal value, int decimals, string unit, bool approximate, IReadOnlyList<TraceLine> inputs)
        {
            var rounded = LegalRounding.Half(value, decimals);
            var n = AddTrace(figure, formula, inputs, ResultText(value, rounded, decimals, unit), legal, []);
            return new ReportValue(rounded, decimals, unit, approximate, true, inputs.SelectMany(i => i.Sources).Distinct().ToList(), Trace: n);
        }

        private static string ResultText(decimal exact, decimal rounded, int decimals, string unit) =>
            exact == rounded
                ? ReportValue.WithUnit(DutchFormat.Fixed(rounded, Math.Max(0, decimals)), unit)
                : $"{ReportValue.WithUnit(DutchFormat.Number(exact, 4), unit)}, afgerond op {decimals} {(decimals == 1 ? "decimaal" : "decimalen")} (half van nul af): " +
                  ReportValue.WithUnit(DutchFormat.Fixed(rounded, Math.Max(0, decimals)), unit);

        /// <summary>An input line from a value of the report.</summary>
        public static TraceLine Line(string name, ReportValue v) => new(name, v.Text, v.Sources, v.Resolved?.Reference);

        /// <summary>An input line from a published figure (its standing value when a resolution settled it).</summary>
        public TraceLine Line(PublishedFigure f) =>
            new($"{Quantities.Dutch(f.Quantity)} {f.Year}", new ReportValue(f.Value, Math.Max(0, f.Decimals), f.Unit, f.Approximate, false, []).Text, [Cite(f)],
                standing.Of(f)?.Mark.Reference);

        /// <summary>
        /// The national measurement of a year as the rules core traced it (the same steps <c>banenmonitor meting</c> and the
        /// web show): one explanation for every cell the report takes from it.
        /// </summary>
        public int MeasurementTrace(int year, NationalMeasurementInput input, NationalMeasurementResult result)
        {
            var source = input.Source is { } s ? Cite(Data.DocumentCited(s) ?? "landelijke_meting", "Landelijke meting", s, null) : Cite("berekening", "Landelijke meting", "invoer van de landelijke meting", null);
            var inputs = new List<TraceLine>
            {
                new("toename formele dienstverbanden markt", ReportValue.WithUnit(DutchFormat.Number(input.FormalIncreaseMarket.Value, 0), "banen"), [source]),
                new("toename formele dienstverbanden overheid", ReportValue.WithUnit(DutchFormat.Number(input.FormalIncreaseGovernment.Value, 0), "banen"), [source]),
                new($"banen via inleenverbanden eind {year}", ReportValue.WithUnit(DutchFormat.Number(input.HiredInJobs.Value, 0), "banen"), [source]),
            };
            var total = result.Cell(MeasurementSector.Total, EmploymentForm.Total);
            return AddTrace($"Landelijke meting {year}: toename banen per sector en vorm (Tabel 1)",
                "formeel + inleen, met de inleenbanen over markt en overheid verdeeld met de verdeelsleutel van het jaar, min die van de nulmeting",
                inputs, $"totale toename {ReportValue.WithUnit(DutchFormat.Number(total.Computed, 2), "banen")}, afgerond {ReportValue.WithUnit(DutchFormat.Number(total.Rounded, 0), "banen")}",
                null, Rules.Explanations.TraceViews.ToView(result.Trace));
        }

        public int Cite(string document, string section, string quote, string? note)
        {
            var key = document + "\u0001" + section + "\u0001" + quote;
            if (_numbers.TryGetValue(key, out var n)) return n;
            var title = Data.Document(document) is { } d ? $"{d.Title} [{d.Reference}]" : document switch
            {
                "landelijke_meting" => "Landelijke meting banenafspraak (openbare resultatenbrieven)",
                "oplossing" => "Oplossing van een bevinding, vastgelegd door een analist (bijlage Opgeloste tegenstrijdigheden)",
                "werkagenda" => "Werkagenda's van de sectoren, vastgelegd in Banenmonitor",
                "berekening" => "Berekening Banenmonitor",
                "parameter" => "Parameterbestand Banenmonitor",
                _ => document,
            };
            n = _notes.Count + 1;
            _notes.Add(new SourceNote(n, document, title, section, quote, note));
            _numbers[key] = n;
            return n;
        }

        public int Cite(PublishedFigure f) => Cite(f.Document, f.Section, f.Quote, f.Note);

        public ReportValue? Value(PublishedFigure? f)
        {
            if (f is null) return null;
            var resolved = standing.Of(f);
            return new ReportValue(f.Value, Math.Max(0, f.Decimals), f.Unit, f.Approximate, false, [Cite(f), .. ResolutionSource(resolved)], Flag(f), Resolved: resolved?.Mark);
        }

        /// <summary>The source of a corrected value, cited like any other source.</summary>
        private IEnumerable<int> ResolutionSource((ResolvedMark Mark, string? Source)? resolved) =>
            resolved is { Source: { Length: > 0 } s } r ? [Cite("oplossing", $"Oplossing {r.Mark.Reference}", s, null)] : [];

        /// <summary>A figure the report computes from published figures (their standing values), with its explanation in the annex.</summary>
        public ReportValue Computed(string what, string formula, decimal value, int decimals, string unit, bool approximate, params PublishedFigure[] inputs) =>
            Computed(what, formula, value, decimals, unit, approximate, inputs, null);

        public ReportValue Computed(string what, string formula, decimal value, int decimals, string unit, bool approximate, PublishedFigure[] inputs, string? legal) =>
            Derived($"{inputs[0].Sector.Name}: {what}", formula, legal, value, decimals, unit, approximate, inputs.Select(Line).ToList());

        /// <summary>A national figure; <paramref name="computed"/> is the recomputed value when it contradicts the publication.</summary>
        public ReportValue National(NationalFigure f, decimal? computed)
        {
            var n = Cite(Data.DocumentCited(f.Source) ?? "landelijke_meting", "Landelijke meting", f.Source, f.Status == ParameterStatus.Derived ? "afgeleid" : null);
            var check = contradictions.Select((c, i) => (c, i)).FirstOrDefault(t => t.c.Sector == ConsistencyChecker.National && t.c.Source == f.Source);
            ContradictionFlag? flag = check.c is not null ? new ContradictionFlag(check.i + 1, LegalRounding.Half(computed ?? check.c.Computed, 0), 0, "banen", "berekend")
                : null;
            var resolved = standing.Of(f);
            return new ReportValue(f.Value, ValueInterval.DecimalsOf(f.Value), f.Quantity == NationalFigures.ShareOfIncrease ? "%" : "banen", false, false,
                [n, .. ResolutionSource(resolved)], flag, Resolved: resolved?.Mark);
        }

        /// <summary>The first substantive contradiction whose source quotes this figure, as a flag with the other value.</summary>
        private ContradictionFlag? Flag(PublishedFigure f)
        {
            for (var i = 0; i < contradictions.Count; i++)
            {
                var c = contradictions[i];
                if (c.Year != f.Year || c.Sector != f.Sector.Code) continue;
                var quoted = c.Source.Split(" | ");
                if (!quoted.Contains(f.Citation)) continue;
                var percent = f.IsPercentageUnit;
                return c.Kind switch
                {
                    "versies" or "aantal_organisaties" => new ContradictionFlag(i + 1, quoted[0] == f.Citation ? c.Computed : c.Published,
                        Math.Max(0, ValueInterval.DecimalsOf(quoted[0] == f.Citation ? c.Computed : c.Published)), f.Unit, "andere bron"),
                    "vergelijkingsjaar" or "richting" or "aandelen" => new ContradictionFlag(i + 1, null, 0, f.Unit, "zie tegenstrijdigheid"),
                    _ => new ContradictionFlag(i + 1, LegalRounding.Half(c.Computed, percent ? Math.Max(1, f.Decimals) : Math.Max(f.Decimals, 1)),
                        percent ? Math.Max(1, f.Decimals) : Math.Max(f.Decimals, 1), f.Unit, "berekend"),
                };
            }
            return null;
        }
    }
}
