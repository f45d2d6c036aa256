using System.Globalization;
using Banenmonitor.Reports.Progress;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Rendering;

/// <summary>
/// Writes a <see cref="ProgressReport"/> as an Excel workbook (MiniExcel): one sheet per table, numbers as numeric
/// cells (never text), with source numbers that refer to the sheet "Bronnen". A concept says so on the sheet "Rapport"
/// and in the column <c>tegenstrijdigheid</c>.
/// </summary>
public static class XlsxReportRenderer
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetReport = "Rapport";
    public const string SheetNational = "Landelijk";
    public const string SheetNationalFacts = "Landelijke kerncijfers";
    public const string SheetOverview = "Overzicht sectoren";
    public const string SheetSectorFigures = "Sectorcijfers";
    public const string SheetContradictions = "Tegenstrijdigheden";
    public const string SheetRegimes = "Twee regimes";
    public const string SheetSectorTotals = "Sectortotalen";
    public const string SheetSources = "Bronnen";
    public const string SheetResolutions = "Opgeloste bevindingen";
    public const string SheetExplanations = "Uitleg berekeningen";
    public const string SheetWorkAgendas = "Werkagenda's";

    public static byte[] Render(ProgressReport report)
    {
        using var ms = new MemoryStream();
        Write(report, ms);
        return ms.ToArray();
    }

    public static void Write(ProgressReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>
        {
            [SheetReport] = new List<Dictionary<string, object?>>
            {
                Row(("titel", report.Title), ("jaar", report.Year), ("sector", report.Sector?.Name ?? "alle sectoren"),
                    ("status", report.IsConcept ? "CONCEPT" : "definitief"), ("tegenstrijdigheden", report.Contradictions.Count)),
            },
        };
        if (report.National is { } n)
        {
            sheets[SheetNational] = n.Table.Select(r => Row(
                ("regel", r.Label),
                ("markt", r.Cells.ElementAtOrDefault(0)?.Value), ("overheid", r.Cells.ElementAtOrDefault(1)?.Value), ("totaal", r.Cells.ElementAtOrDefault(2)?.Value),
                ("tegenstrijdigheid", string.Join(", ", r.Cells.Where(c => c?.Flag is { Number: > 0 }).Select(c => c!.Flag!.Reference))),
                ("bronnen", Sources(r.Cells.Where(c => c is not null).SelectMany(c => c!.Sources))))).ToList();
            sheets[SheetNationalFacts] = n.Facts.Concat(n.Register).Select(r => Figure(("cijfer", r.Label), r.Value)).ToList();
        }
        sheets[SheetOverview] = report.Overview.Select(o => Row(
            ("sector", o.Sector.Name), ("code", o.Sector.Code),
            ("doel_fta", o.Target?.Value), ("realisatie_fta", o.Realised?.Value), ("realisatiepercentage", o.Percentage?.Value),
            ("realisatiepercentage_berekend", o.ComputedPercentage?.Value), ("sroi_fta", o.Sroi?.Value),
            ("realisatiepercentage_incl_sroi", o.PercentageIncludingSroi?.Value), ($"realisatiepercentage_{report.Year - 1}", o.PreviousPercentage?.Value),
            ("dekking", o.Coverage),
            ("tegenstrijdigheid", string.Join(", ", new[] { o.Target, o.Realised, o.Percentage, o.Sroi, o.PercentageIncludingSroi }.Where(v => v?.Flag is { Number: > 0 }).Select(v => v!.Flag!.Reference).Distinct())),
            ("opgelost", string.Join(", ", new[] { o.Target, o.Realised, o.Percentage, o.Sroi, o.PercentageIncludingSroi }.Where(v => v?.Resolved is not null).Select(v => v!.Resolved!.Reference).Distinct())),
            ("bronnen", Sources(new[] { o.Target, o.Realised, o.Percentage, o.Sroi, o.PercentageIncludingSroi, o.PreviousPercentage }.Where(v => v is not null).SelectMany(v => v!.Sources))))).ToList();
        sheets[SheetSectorFigures] = report.Sectors.SelectMany(s =>
                Part(s, "Cijfermatige realisatie", s.Realisation).Concat(Part(s, "Samenstelling", s.Composition))
                    .Concat(Part(s, $"Vergelijking met {s.PreviousYear}", s.Comparison)).Concat(Part(s, "Dekking", s.Coverage)))
            .ToList();
        // Where not every employer of a sector reported: the published sum (a lower bound) and the estimate of the total
        // with its interval and assumption — the same as the HTML/PDF report's "Schatting van het sectortotaal".
        var totals = report.Sectors.Where(s => s.Total is { Onvolledig: true } t && t.Hoofdschatting is not null).Select(s =>
        {
            var t = s.Total!;
            var h = t.Hoofdschatting!;
            return Row(("sector", t.SectorNaam), ("jaar", t.Jaar), ("gepubliceerde_som_banen", t.GepubliceerdeSom), ("dekking", t.Dekking), ("methode", h.Omschrijving),
                ("schatting_banen", Math.Round(h.Schatting, 1)), ("standaardfout", h.Standaardfout is { } se ? Math.Round(se, 1) : null),
                ("ondergrens_95", h.Ondergrens95 is { } lo ? Math.Round(lo, 1) : null), ("bovengrens_95", h.Bovengrens95 is { } hi ? Math.Round(hi, 1) : null),
                ("interval", h.IntervalTekst), ("aanname", h.Aanname), ("bron", t.Bron));
        }).ToList();
        if (totals.Count > 0) sheets[SheetSectorTotals] = totals;
        if (report.Regimes is { } rg)
        {
            var regimeRows = rg.National.Select(r => Row(("onderdeel", "landelijke meting"), ("regel", r.Label), ("sector", null), ("quotumregeling", r.Quotumregeling?.Value),
                ("wet_banenafspraak_2025", r.WetBanenafspraak?.Value), ("eenheid", "banen"), ("doel_fta", null), ("realisatie_fta", null), ("sroi_fta", null), ("toelichting", null),
                ("bronnen", Sources(new[] { r.Quotumregeling, r.WetBanenafspraak }.Where(v => v is not null).SelectMany(v => v!.Sources))))).ToList();
            regimeRows.AddRange(rg.Sectors.Select(x => Row(("onderdeel", "realisatiepercentage per sector"), ("regel", "realisatiepercentage"), ("sector", x.Sector.Name),
                ("quotumregeling", x.Percentage.Value), ("wet_banenafspraak_2025", x.PercentageSroiScenario?.Value ?? x.Percentage.Value), ("eenheid", "%"),
                ("doel_fta", x.Target.Value), ("realisatie_fta", x.Realised.Value), ("sroi_fta", x.Sroi?.Value), ("toelichting", x.Explanation),
                ("bronnen", Sources(new[] { x.Target, x.Realised, x.Sroi }.Where(v => v is not null).SelectMany(v => v!.Sources))))));
            regimeRows.AddRange(rg.Introduction.Concat(rg.Differences).Select(t => Row(("onderdeel", "toelichting"), ("regel", null), ("sector", null), ("quotumregeling", null),
                ("wet_banenafspraak_2025", null), ("eenheid", null), ("doel_fta", null), ("realisatie_fta", null), ("sroi_fta", null), ("toelichting", t), ("bronnen", null))));
            sheets[SheetRegimes] = regimeRows;
        }
        if (report.IsConcept)
            sheets[SheetContradictions] = report.Contradictions.Select(c => Row(("nummer", $"T{c.Number}"), ("sector", c.Sector), ("cijfer", c.Figure),
                ("document", c.Document), ("gepubliceerd", c.Published), ("berekend", decimal.Round(c.Computed, 4)), ("toelichting", c.Explanation), ("bron", c.Source))).ToList();
        if (report.ResolvedContradictions.Count > 0)
            sheets[SheetResolutions] = report.ResolvedContradictions.Select(r => Row(("nummer", r.Reference), ("sleutel", r.Key), ("sector", r.Sector), ("cijfer", r.Figure),
                ("document", r.Document), ("gepubliceerd", r.PublishedText), ("berekend", r.ComputedText), ("geldt", r.Choice), ("geldende_waarde", r.ValueText),
                ("bron", r.Source), ("reden", r.Reason), ("opgelost_door", r.ResolvedBy), ("opgelost_op", r.ResolvedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"))).ToList();
        if (report.WorkAgendas is { } wa)
            sheets[SheetWorkAgendas] = wa.Rows.Select(r => Row(("sector", r.Sector.Name), ("code", r.Sector.Code), ("werkagenda", r.Title), ("periode", r.Period),
                ("status", r.Status), ("fase_pdca", r.Phase), ("score", r.Score?.Value), ("maximale_score", wa.MaxScore), ("prognose_banen", r.Forecast?.Value),
                ("gerealiseerde_banen", r.Realised?.Value), ("percentage_van_prognose", r.PercentOfForecast?.Value), ("uitleg", r.PercentOfForecast?.TraceReference),
                ("acties", r.Title is null ? null : r.Actions), ("acties_achter_op_planning", r.Title is null ? null : r.Overdue),
                ("bronnen", Sources(new[] { r.Score, r.Forecast, r.Realised }.Where(v => v is not null).SelectMany(v => v!.Sources))))).ToList();
        // The annex of explanations: one row per input of every computed figure (and per step of a rules-core trace).
        if (report.Explanations.Count > 0)
            sheets[SheetExplanations] = report.Explanations.SelectMany(t =>
                t.Inputs.Select(i => Row(("nummer", t.Reference), ("cijfer", t.Figure), ("formule", t.Formula), ("onderdeel", "invoer"), ("naam", i.Name), ("waarde", i.Value),
                        ("oplossing", i.Resolved), ("bronnen", Sources(i.Sources)), ("uitkomst", t.Result), ("wetsartikel", t.Legal)))
                    .Concat(t.Steps.Select(st => Row(("nummer", t.Reference), ("cijfer", t.Figure), ("formule", st.Formule), ("onderdeel", $"stap {st.Nummer}"), ("naam", st.Omschrijving),
                        ("waarde", string.Join("; ", st.Invoer.Select(x => $"{x.Naam}: {x.Tekst}").Concat(st.Bronnen.Select(b => $"{b.Omschrijving}: {b.Tekst} (bron: {b.Bron})")))),
                        ("oplossing", null), ("bronnen", null), ("uitkomst", st.Uitkomst), ("wetsartikel", st.Wetsartikel))))).ToList();
        sheets[SheetSources] = report.Sources.Select(s => Row(("nummer", s.Number), ("document", s.Document), ("titel", s.DocumentTitle),
            ("sectie", s.Section), ("citaat", s.Quote), ("toelichting", s.Note))).ToList();
        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static IEnumerable<Dictionary<string, object?>> Part(SectorSection s, string part, IReadOnlyList<ReportRow> rows) =>
        rows.Select(r => Figure(("sector", s.Sector.Name), ("code", s.Sector.Code), ("onderdeel", part), ("cijfer", r.Label), r.Value));

    private static Dictionary<string, object?> Figure((string, object?) a, ReportValue? v) => Figure(a, ("", null), ("", null), ("", null), v);

    private static Dictionary<string, object?> Figure((string, object?) a, (string, object?) b, (string, object?) c, (string, object?) d, ReportValue? v)
    {
        var row = new Dictionary<string, object?>();
        foreach (var (k, val) in new[] { a, b, c, d }) if (k.Length > 0) row[k] = val;
        row["waarde"] = v?.Value;
        row["eenheid"] = v?.Unit;
        row["benadering"] = v is null ? null : v.Approximate ? "ja" : "nee";
        row["berekend"] = v is null ? null : v.Computed ? "ja" : "nee";
        row["tegenstrijdigheid"] = v?.Flag is { Number: > 0 } f ? f.Reference : null;
        row["andere_waarde"] = v?.Flag?.Other;
        row["opgelost"] = v?.Resolved?.Reference;
        row["gepubliceerde_waarde"] = v?.Resolved?.Published;
        row["uitleg"] = v?.TraceReference;
        row["bronnen"] = v is null ? null : Sources(v.Sources);
        return row;
    }

    private static string Sources(IEnumerable<int> numbers) => string.Join(", ", numbers.Distinct().Order());

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in cells) d[k] = v;
        return d;
    }
}
