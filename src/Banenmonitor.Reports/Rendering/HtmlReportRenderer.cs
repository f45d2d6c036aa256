using System.Globalization;
using System.Net;
using System.Text;
using Banenmonitor.Reports.Progress;

namespace Banenmonitor.Reports.Rendering;

/// <summary>
/// Renders a <see cref="ProgressReport"/> as one self-contained, printable HTML document: inline CSS, inline SVG charts
/// (from <see cref="Charts.SvgCharts"/>), no external resources. The same HTML is printed to PDF by
/// <see cref="PdfReportRenderer"/>. A concept carries a CONCEPT mark that Chromium repeats on every printed page.
/// </summary>
public static class HtmlReportRenderer
{
    public const string ContentType = "text/html; charset=utf-8";

    public static byte[] RenderBytes(ProgressReport report) => new UTF8Encoding(false).GetBytes(Render(report));

    public static string Render(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{E((report.IsConcept ? "CONCEPT — " : "") + report.Title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        if (report.IsConcept)
            sb.Append("<div class=\"concept-merk\" aria-hidden=\"true\">CONCEPT</div>\n");
        sb.Append("<header class=\"kop\">");
        if (report.IsConcept)
            sb.Append("<p class=\"concept-regel\"><strong>CONCEPT</strong> — niet voor publicatie: de bronnen spreken elkaar tegen op ")
              .Append(report.Contradictions.Count.ToString(CultureInfo.InvariantCulture))
              .Append(" punt(en); zie <a href=\"#tegenstrijdigheden\">Tegenstrijdigheden in de bronnen</a>. Gemarkeerde cellen tonen de gepubliceerde waarde met de berekende of andere waarde ernaast.</p>");
        sb.Append($"<h1>{E(report.Title)}</h1>");
        sb.Append("<p class=\"inleiding\">Cijfers uit de gepubliceerde brieven en rapportages, met de bron bij elk cijfer (nummers tussen haken verwijzen naar de ")
          .Append("<a href=\"#bronnen\">bronnenlijst</a>). Banen in fta: één fulltime arbeidsparticipant = 25,5 uur per week. ")
          .Append("Het realisatiepercentage is gebaseerd op banen bij de werkgever zelf (contract of inleen); banen via inkoop/SROI staan apart vermeld. ")
          .Append("Cijfers met <em>berekend</em> zijn door Banenmonitor uit de genoemde bronnen afgeleid; hun uitleg (U1, U2, …) staat in de <a href=\"#uitleg\">bijlage</a>. ")
          .Append("Een cijfer met <em>opgelost</em> toont de waarde die een analist bij een tegenstrijdigheid in de bronnen heeft vastgesteld (O1, O2, …), met de gepubliceerde waarde erbij.</p>");
        sb.Append("</header>\n<main>\n");

        if (report.National is { } n) National(sb, n);
        else if (!report.IsSectorReport) sb.Append($"<section><h2>Landelijke meting</h2><p>Over {report.Year} zijn geen landelijke cijfers beschikbaar.</p></section>\n");

        if (report.SectorPercentageChart is { } chart)
            sb.Append("<section class=\"grafiek-sectie\"><h2>Realisatiepercentage per sector</h2><figure>").Append(chart)
              .Append("<figcaption>Realisatiepercentage zoals gepubliceerd; SROI telt niet mee voor het quotum.</figcaption></figure></section>\n");

        sb.Append("<section><h2>Realisatie per sector</h2>");
        foreach (var s in report.Sectors) Sector(sb, s);
        sb.Append("</section>\n");

        Overview(sb, report);
        if (report.Regimes is { } rg) Regimes(sb, rg);
        if (report.WorkAgendas is { } wa) WorkAgendas(sb, wa);
        if (report.IsConcept) Contradictions(sb, report);
        Resolutions(sb, report);
        Explanations(sb, report);
        Sources(sb, report);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void National(StringBuilder sb, NationalSection n)
    {
        sb.Append($"<section class=\"landelijk\"><h2>Landelijke meting {n.Year}</h2>");
        sb.Append($"<p>Extra banen bij reguliere werkgevers eind {n.Year} ten opzichte van de nulmeting (eind 2012), per sector");
        sb.Append(n.ByForm ? " en naar vorm: formele dienstverbanden en inleenverbanden (uitzendrelaties en Wsw-detacheringen, met de verdeelsleutel over de sectoren verdeeld).</p>" : ".</p>");
        sb.Append($"<table class=\"tabel-landelijk\"><caption>Tabel 1. Toename banen ten opzichte van de nulmeting, {n.Year}</caption><thead><tr><th scope=\"col\"></th>");
        foreach (var c in n.Columns) sb.Append($"<th scope=\"col\" class=\"getal\">{E(c)}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in n.Table)
        {
            sb.Append(row.Emphasis ? "<tr class=\"nadruk\">" : "<tr>").Append($"<th scope=\"row\">{E(row.Label)}</th>");
            foreach (var v in row.Cells) sb.Append("<td class=\"getal\">").Append(Value(v)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (n.Facts.Count > 0) Rows(sb, "Kerncijfers", n.Facts, "kerncijfers");
        if (n.Register.Count > 0) Rows(sb, $"Doelgroepregister (UWV), {n.Year}", n.Register, "register");
        if (n.Notes.Count > 0)
        {
            sb.Append("<div class=\"noten\"><p>Toelichting bij de berekening:</p><ul>");
            foreach (var note in n.Notes) sb.Append($"<li>{E(note)}</li>");
            sb.Append("</ul></div>");
        }
        sb.Append("<figure>").Append(n.TargetPathChart).Append("<figcaption>Ingroeipad (doelstelling) en realisatie, markt en overheid samen.</figcaption></figure>");
        sb.Append("</section>\n");
    }

    private static readonly System.Globalization.CultureInfo Nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static void Sector(StringBuilder sb, SectorSection s)
    {
        sb.Append($"<article class=\"sector\" id=\"sector-{E(s.Sector.Code)}\"><h3>{E(s.Sector.Name)}</h3>");
        if (!s.HasFigures)
            sb.Append($"<p class=\"geen\">Over {s.Year} zijn van deze sector geen cijfers gepubliceerd.</p>");
        else
        {
            Rows(sb, $"Cijfermatige realisatie {s.Year}", s.Realisation, "realisatie");
            if (s.Composition.Count > 0) Rows(sb, "Samenstelling van de realisatie", s.Composition, "samenstelling");
        }
        if (s.Comparison.Count > 0) Rows(sb, $"Vergelijking met {s.PreviousYear}", s.Comparison, "vergelijking");
        if (s.Coverage.Count > 0 || s.CoverageText is not null)
        {
            Rows(sb, "Dekking", s.Coverage, "dekking");
            if (s.CoverageText is { } c) sb.Append($"<p class=\"dekking\">Dekking: {E(c)}.</p>");
        }
        if (s.Total is { Onvolledig: true } t && t.Hoofdschatting is { } h)
        {
            // Not every employer reported: the published realisation is a lower bound; the estimate of the total stands beside it.
            sb.Append($"<h4>Schatting van het sectortotaal</h4><p class=\"schatting\">Gepubliceerd (som van de rapportages, ondergrens): {E(t.GepubliceerdeSom?.ToString("N0", Nl) ?? "—")} banen. ")
              .Append($"Schatting ({E(h.Omschrijving)}): <strong>{E(h.SchattingTekst)} banen</strong>; {E(h.IntervalTekst)}.</p>")
              .Append($"<p class=\"aanname\">{E(h.Aanname)}</p>");
            foreach (var n in h.Opmerkingen) sb.Append($"<p class=\"opmerking\">{E(n)}</p>");
        }
        if (s.Employers is { } employers) sb.Append(Sectors.SectorEmployersReport.Html(employers));
        if (s.Narrative is { } nar)
        {
            if (!string.IsNullOrWhiteSpace(nar.GeneralPicture)) sb.Append("<h4>Algemeen beeld</h4>").Append(Paragraphs(nar.GeneralPicture));
            if (!string.IsNullOrWhiteSpace(nar.QualityAndSustainability)) sb.Append("<h4>Kwaliteit en duurzaamheid</h4>").Append(Paragraphs(nar.QualityAndSustainability));
            sb.Append($"<p class=\"bron-tekst\">Tekst uit de goedgekeurde sectorrapportage ({E(nar.Source)}).</p>");
        }
        if (s.TrendChart is { } chart) sb.Append("<figure class=\"trend\">").Append(chart).Append("</figure>");
        sb.Append("</article>\n");
    }

    private static string Paragraphs(string text) =>
        string.Concat(text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{E(p.Trim())}</p>"));

    private static void Rows(StringBuilder sb, string caption, IReadOnlyList<ReportRow> rows, string cls)
    {
        sb.Append($"<table class=\"cijfers {cls}\"><caption>{E(caption)}</caption><tbody>");
        foreach (var r in rows)
        {
            sb.Append($"<tr><th scope=\"row\">{E(r.Label)}</th><td class=\"getal\">").Append(Value(r.Value)).Append("</td>");
            if (r.Note is not null) sb.Append($"<td>{E(r.Note)}</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }

    private static void Overview(StringBuilder sb, ProgressReport report)
    {
        sb.Append($"<section class=\"overzicht\"><h2>Overzicht van de sectoren, {report.Year}</h2>");
        sb.Append($"<table class=\"tabel-overzicht\"><caption>Doel, realisatie en realisatiepercentage per sector, {report.Year}</caption><thead><tr>")
          .Append("<th scope=\"col\">Sector</th><th scope=\"col\" class=\"getal\">Doel</th><th scope=\"col\" class=\"getal\">Realisatie</th>")
          .Append("<th scope=\"col\" class=\"getal\">Realisatie&shy;percentage</th><th scope=\"col\" class=\"getal\">Berekend</th>")
          .Append("<th scope=\"col\" class=\"getal\">SROI</th><th scope=\"col\" class=\"getal\">Incl. SROI</th>")
          .Append($"<th scope=\"col\" class=\"getal\">{report.Year - 1}</th><th scope=\"col\">Dekking</th></tr></thead><tbody>");
        foreach (var r in report.Overview)
        {
            sb.Append($"<tr><th scope=\"row\">{E(r.Sector.Name)}</th>");
            foreach (var v in new[] { r.Target, r.Realised, r.Percentage, r.ComputedPercentage, r.Sroi, r.PercentageIncludingSroi, r.PreviousPercentage })
                sb.Append("<td class=\"getal\">").Append(Value(v, compact: true)).Append("</td>");
            sb.Append($"<td>{E(r.Coverage ?? "")}</td></tr>");
        }
        sb.Append("</tbody></table><p class=\"voetnoot\">Berekend = realisatie ÷ doel × 100 uit de gepubliceerde cijfers. Een leeg vak: niet gepubliceerd.</p></section>\n");
    }

    private static void Regimes(StringBuilder sb, RegimesSection r)
    {
        sb.Append($"<section class=\"regimes\" id=\"twee-regimes\"><h2>Twee regimes naast elkaar</h2>");
        foreach (var p in r.Introduction) sb.Append($"<p>{E(p)}</p>");
        if (r.LegalBasis.Count > 0)
            sb.Append("<p class=\"wetten\">Wettelijke grondslag (tekst op wetten.overheid.nl): ")
              .Append(string.Join("; ", r.LegalBasis.Select(w => $"<a class=\"wetlink\" href=\"{E(w.Url)}\" data-bwb=\"{E(w.BwbId)}\">{E(w.Tekst)}</a>")))
              .Append(".</p>");
        if (r.National.Count > 0)
        {
            sb.Append($"<table class=\"tabel-regimes\"><caption>Landelijke meting {r.Year}: met en zonder splitsing markt/overheid</caption><thead><tr><th scope=\"col\"></th>")
              .Append("<th scope=\"col\" class=\"getal\">Quotumregeling (markt en overheid apart)</th><th scope=\"col\" class=\"getal\">Wet banenafspraak 2025 (één landelijke meting)</th></tr></thead><tbody>");
            foreach (var row in r.National)
                sb.Append(row.Emphasis ? "<tr class=\"nadruk\">" : "<tr>").Append($"<th scope=\"row\">{E(row.Label)}</th><td class=\"getal\">").Append(Value(row.Quotumregeling, compact: true))
                  .Append("</td><td class=\"getal\">").Append(row.WetBanenafspraak is null ? "<span class=\"leeg\">niet apart gemeten</span>" : Value(row.WetBanenafspraak, compact: true)).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        if (r.Sectors.Count > 0)
        {
            sb.Append($"<table class=\"tabel-overzicht tabel-sroi\"><caption>Realisatiepercentage per sector {r.Year}: SROI-banen bij de leverancier (quotumregeling) of bij de aanbestedende sector (SROI-scenario)</caption><thead><tr>")
              .Append("<th scope=\"col\">Sector</th><th scope=\"col\" class=\"getal\">Doel</th><th scope=\"col\" class=\"getal\">Realisatie</th>")
              .Append("<th scope=\"col\" class=\"getal\">Quotumregeling</th><th scope=\"col\" class=\"getal\">SROI</th>")
              .Append("<th scope=\"col\" class=\"getal\">SROI-scenario</th><th scope=\"col\" class=\"getal\">Verschil</th><th scope=\"col\">Toelichting</th></tr></thead><tbody>");
            foreach (var x in r.Sectors)
            {
                sb.Append($"<tr><th scope=\"row\">{E(x.Sector.Name)}</th>");
                foreach (var v in new[] { x.Target, x.Realised, x.Percentage, x.Sroi, x.PercentageSroiScenario, x.Difference })
                    sb.Append("<td class=\"getal\">").Append(Value(v, compact: true)).Append("</td>");
                sb.Append($"<td>{E(x.Explanation)}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        if (r.Differences.Count > 0)
        {
            sb.Append("<h3>Het verschil</h3><ul class=\"verschil\">");
            foreach (var d in r.Differences) sb.Append($"<li>{E(d)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>\n");
    }

    private static void Contradictions(StringBuilder sb, ProgressReport report)
    {
        sb.Append("<section id=\"tegenstrijdigheden\" class=\"tegenstrijdigheden\"><h2>Tegenstrijdigheden in de bronnen</h2>");
        if (report.Contradictions.Count == 0)
        {
            sb.Append("<p>De controle vond geen inhoudelijke tegenstrijdigheden in de cijfers van dit rapport.</p></section>\n");
            return;
        }
        sb.Append("<p>De controle (<code>banenmonitor controle</code>) rekent elk afgeleid cijfer na uit de gepubliceerde invoer. ")
          .Append("Deze verschillen zijn niet door afronding te verklaren; zolang ze bestaan is dit rapport een concept.</p><ol class=\"lijst-tegenstrijdig\">");
        foreach (var c in report.Contradictions)
        {
            sb.Append($"<li id=\"t{c.Number}\"><p><strong>T{c.Number}. {E(c.Sector)} — {E(c.Figure)}</strong> ({E(c.Document)}): ")
              .Append($"gepubliceerd {E(c.PublishedText)}, berekend {E(c.ComputedText)}.</p>")
              .Append($"<p>{E(c.Explanation)}</p><p class=\"bron-tekst\">Bron: {E(c.Source)}</p></li>");
        }
        sb.Append("</ol></section>\n");
    }

    /// <summary>The annex: every resolved finding beside its resolution (which value stands, why, who and when).</summary>
    private static void Resolutions(StringBuilder sb, ProgressReport report)
    {
        if (report.ResolvedContradictions.Count == 0) return;
        sb.Append("<section id=\"opgeloste-bevindingen\" class=\"tegenstrijdigheden\"><h2>Bijlage: opgeloste tegenstrijdigheden</h2>")
          .Append("<p>De controle vond deze inhoudelijke tegenstrijdigheden in de gepubliceerde cijfers. Een analist heeft per bevinding vastgelegd welke waarde geldt en waarom.</p>")
          .Append("<ol class=\"lijst-tegenstrijdig\">");
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        foreach (var r in report.ResolvedContradictions)
        {
            sb.Append($"<li id=\"o{r.Number}\"><p><strong>{r.Reference}. {E(r.Sector)} — {E(r.Figure)}</strong> ({E(r.Document)}): ")
              .Append($"gepubliceerd {E(r.PublishedText)}, berekend {E(r.ComputedText)}.</p>")
              .Append($"<p>{E(r.Explanation)}</p>")
              .Append($"<p class=\"oplossing\"><strong>Opgelost:</strong> geldt {E(r.Choice)} {E(r.ValueText)}{(r.Source is { Length: > 0 } src ? $" (bron: {E(src)})" : "")}. ")
              .Append($"Reden: {E(r.Reason)} <span class=\"bron-tekst\">Vastgelegd door {E(r.ResolvedBy)} op {E(r.ResolvedAt.ToString("d MMMM yyyy", nl))}; sleutel {E(r.Key)}.</span></p></li>");
        }
        sb.Append("</ol></section>\n");
    }

    /// <summary>"Werkagenda's": per sector the PDCA phase, the 0–12 score and the forecast against what the actions realised.</summary>
    private static void WorkAgendas(StringBuilder sb, WorkAgendaSection w)
    {
        sb.Append($"<section class=\"werkagendas\" id=\"werkagendas\"><h2>Werkagenda's</h2>")
          .Append("<p>Elke sector stelt een werkagenda op met acties, meetbare doelstellingen en een prognose van banen, en doorloopt de cyclus plan-do-check-act: ")
          .Append("plan (concept), do (vastgesteld door het bestuur), check (voortgang gemeten), act (geëvalueerd, basis voor de volgende werkagenda). ")
          .Append($"De score telt de verschillende typen acties in de werkagenda (0 tot {w.MaxScore}), zoals het rapport De Beleidsonderzoekers 2023 (bij Kamerstuk 34 352, nr. 279, §4.1.1) deed. ")
          .Append("Een werkagenda in concept is niet openbaar; alleen haar bestaan wordt genoemd.</p>");
        sb.Append($"<table class=\"tabel-overzicht tabel-werkagenda\"><caption>Werkagenda per sector, stand bij {w.Year}</caption><thead><tr>")
          .Append("<th scope=\"col\">Sector</th><th scope=\"col\">Werkagenda</th><th scope=\"col\">Fase (PDCA)</th><th scope=\"col\" class=\"getal\">Score</th>")
          .Append("<th scope=\"col\" class=\"getal\">Prognose banen</th><th scope=\"col\" class=\"getal\">Gerealiseerd</th><th scope=\"col\" class=\"getal\">% van prognose</th>")
          .Append("<th scope=\"col\" class=\"getal\">Acties (achter)</th></tr></thead><tbody>");
        foreach (var r in w.Rows)
        {
            sb.Append($"<tr><th scope=\"row\">{E(r.Sector.Name)}</th><td>{(r.Title is null ? "<span class=\"leeg\">—</span>" : $"{E(r.Title)} ({E(r.Period!)}, {E(r.Status)})")}</td><td>{E(r.Phase)}</td>");
            foreach (var v in new[] { r.Score, r.Forecast, r.Realised, r.PercentOfForecast }) sb.Append("<td class=\"getal\">").Append(Value(v, compact: true)).Append("</td>");
            sb.Append($"<td class=\"getal\">{(r.Title is null ? "" : $"{DutchNumberText(r.Actions)} ({DutchNumberText(r.Overdue)})")}</td></tr>");
        }
        sb.Append("</tbody></table>");
        if (w.ScoreChart is { } chart) sb.Append("<figure>").Append(chart).Append("<figcaption>Score van de werkagenda per sector.</figcaption></figure>");
        sb.Append("</section>\n");
    }

    private static string DutchNumberText(int n) => Rules.Units.DutchFormat.Number(n, 0);

    /// <summary>The annex: for every figure the report computed, its formula, inputs with sources, result and rounding, and the article of law.</summary>
    private static void Explanations(StringBuilder sb, ProgressReport report)
    {
        if (report.Explanations.Count == 0) return;
        sb.Append("<section id=\"uitleg\" class=\"uitleg\"><h2>Bijlage: uitleg van de berekende cijfers</h2>")
          .Append("<p>Elk cijfer dat Banenmonitor in dit rapport berekent, met de formule, de invoer met de bron (nummers tussen haken verwijzen naar de bronnenlijst), ")
          .Append("de uitkomst vóór en na afronding en, waar van toepassing, het wetsartikel. Het nummer (U1, U2, …) staat naast het cijfer in het rapport. ")
          .Append("Invoer met een O-nummer is een waarde die een oplossing vaststelde (bijlage opgeloste tegenstrijdigheden).</p><ol class=\"lijst-uitleg\">");
        foreach (var t in report.Explanations)
        {
            sb.Append($"<li id=\"u{t.Number}\"><p><strong>{t.Reference}. {E(t.Figure)}</strong></p>")
              .Append($"<p>Formule: {E(t.Formula)}</p><ul class=\"invoer\">");
            foreach (var i in t.Inputs)
            {
                sb.Append($"<li>{E(i.Name)}: {E(i.Value)}");
                if (i.Resolved is { } o) sb.Append($" (geldende waarde, <a href=\"#o{o[1..]}\">{o}</a>)");
                if (i.Sources.Count > 0) sb.Append("<sup class=\"bron\">[").Append(string.Join(",", i.Sources.Select(n => $"<a href=\"#bron-{n}\">{n}</a>"))).Append("]</sup>");
                sb.Append("</li>");
            }
            sb.Append($"</ul><p>Uitkomst: {E(t.Result)}</p>");
            if (t.Legal is { } law) sb.Append($"<p>Wet: {E(law)}</p>");
            if (t.Note is { } note) sb.Append($"<p class=\"bron-tekst\">{E(note)}</p>");
            if (t.Steps.Count > 0)
            {
                sb.Append("<ol class=\"stappen\">");
                foreach (var st in t.Steps)
                {
                    sb.Append($"<li><p>{E(st.Omschrijving)} — formule: {E(st.Formule)}</p>");
                    var parts = st.Invoer.Select(x => $"{x.Naam}: {x.Tekst}")
                        .Concat(st.Bronnen.Select(b => $"{b.Omschrijving}: {b.Tekst} (parameter {b.Parameter}, {b.Status}; bron: {b.Bron})")).ToList();
                    if (parts.Count > 0) sb.Append($"<p class=\"bron-tekst\">{E(string.Join("; ", parts))}</p>");
                    if (st.Uitkomst is { } u) sb.Append($"<p>uitkomst: {E(u)}</p>");
                    if (st.Wetsartikel is { } w) sb.Append($"<p>wet: {E(w)}</p>");
                    if (st.Opmerking is { } op) sb.Append($"<p class=\"bron-tekst\">let op: {E(op)}</p>");
                    sb.Append("</li>");
                }
                sb.Append("</ol>");
            }
            sb.Append("</li>");
        }
        sb.Append("</ol></section>\n");
    }

    private static void Sources(StringBuilder sb, ProgressReport report)
    {
        sb.Append("<section id=\"bronnen\" class=\"bronnen\"><h2>Bronnen</h2><ol>");
        foreach (var s in report.Sources) sb.Append($"<li id=\"bron-{s.Number}\" value=\"{s.Number}\">{E(s.Text)}</li>");
        sb.Append("</ol></section>\n");
    }

    private static string Value(ReportValue? v, bool compact = false)
    {
        if (v is null) return "<span class=\"leeg\">—</span>";
        var sb = new StringBuilder();
        var cls = v.Flag is not null ? "waarde tegenstrijdig" : v.Resolved is not null ? "waarde opgelost" : v.Computed ? "waarde berekend" : "waarde";
        sb.Append($"<span class=\"{cls}\">{E(v.Text)}</span>");
        if (v.Computed && !compact) sb.Append(" <span class=\"label\">berekend</span>");
        if (v.TraceReference is { } u) sb.Append($" <a class=\"uitleg-ref\" href=\"#u{v.Trace}\">{u}</a>");
        if (v.Resolved is { } o)
            sb.Append($" <span class=\"opgelost-merk\">({E(compact ? "opgelost" : o.Text)}; <a href=\"#o{o.Number}\">{o.Reference}</a>)</span>");
        if (v.Flag is { } f)
            sb.Append($" <span class=\"ander\">({E(f.Text)}{(f.Number > 0 ? $"; <a href=\"#t{f.Number}\">{f.Reference}</a>" : "")})</span>");
        if (v.Sources.Count > 0)
            sb.Append("<sup class=\"bron\">[").Append(string.Join(",", v.Sources.Select(n => $"<a href=\"#bron-{n}\">{n}</a>"))).Append("]</sup>");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """
        @page { size: A4; margin: 18mm 16mm 18mm 16mm; }
        * { box-sizing: border-box; }
        body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; line-height: 1.4; margin: 0 auto; max-width: 60rem; padding: 1rem; }
        h1 { color: #154273; font-size: 20pt; margin: 0.2em 0 0.4em; }
        h2 { color: #154273; font-size: 15pt; border-bottom: 2px solid #154273; padding-bottom: 2px; margin-top: 1.6em; }
        h3 { color: #154273; font-size: 12.5pt; margin: 1.2em 0 0.3em; }
        h4 { font-size: 11pt; margin: 0.8em 0 0.2em; }
        a { color: #154273; }
        table { border-collapse: collapse; margin: 0.4em 0 0.8em; page-break-inside: avoid; }
        caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
        th, td { border-bottom: 1px solid #d6d6d6; padding: 3px 8px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #154273; }
        .getal { text-align: right; white-space: nowrap; }
        tr.nadruk th, tr.nadruk td { font-weight: bold; border-top: 1px solid #333; }
        table.cijfers th { font-weight: normal; min-width: 18em; }
        .tabel-overzicht { font-size: 9pt; width: 100%; }
        .tabel-overzicht .getal { white-space: normal; }
        .tabel-regimes { width: 100%; }
        .tabel-regimes th[scope=row] { min-width: 16em; font-weight: normal; }
        .tabel-sroi td:last-child { min-width: 14em; font-size: 8.5pt; }
        .label { font-size: 8pt; color: #555; font-style: italic; }
        sup.bron { font-size: 7pt; color: #555; margin-left: 1px; }
        sup.bron a { text-decoration: none; color: #555; }
        .tegenstrijdig { background: #fde3cc; font-weight: bold; padding: 0 2px; }
        .ander { color: #a90061; font-size: 9pt; }
        .opgelost-merk { color: #39870c; font-size: 8.5pt; }
        .waarde.opgelost { font-weight: bold; }
        a.uitleg-ref { font-size: 7.5pt; color: #555; text-decoration: none; }
        .uitleg li { margin-bottom: 0.5em; } .uitleg p { margin: 0.1em 0; } .uitleg ul.invoer, .uitleg ol.stappen { margin: 0.1em 0; font-size: 9pt; }
        .waarde.berekend { font-style: italic; }
        .leeg { color: #999; }
        article.sector { page-break-inside: auto; border-top: 1px solid #e6e6e6; }
        figure { margin: 0.6em 0; page-break-inside: avoid; }
        figcaption { font-size: 9pt; color: #555; }
        svg.bm-grafiek { max-width: 100%; height: auto; }
        .voetnoot, .bron-tekst, .noten { font-size: 8.5pt; color: #444; }
        .bronnen ol { font-size: 8pt; padding-left: 2.2em; }
        .bronnen li { margin-bottom: 2px; }
        .tegenstrijdigheden li { margin-bottom: 0.6em; }
        .concept-regel { background: #fde3cc; border-left: 6px solid #e17000; padding: 6px 10px; }
        .concept-merk { position: fixed; top: 42%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: bold;
                        color: rgba(225, 112, 0, 0.16); letter-spacing: 0.15em; pointer-events: none; z-index: 10; }
        @media print {
          body { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2 { page-break-after: avoid; }
          h3 { page-break-after: avoid; }
          section.overzicht, section.tegenstrijdigheden, section.uitleg, section.bronnen { page-break-before: always; }
        }
        """;
}
