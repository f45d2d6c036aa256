using System.Globalization;
using System.Net;
using System.Text;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Reports.Charts;

/// <summary>
/// One data series of a chart: a Dutch label and its points (x label → value; null = no figure). <paramref name="Sparse"/>:
/// the series has figures only at some categories by its nature (a yearly figure on a quarterly axis), so a line chart
/// joins its points across the categories between them and does not note those as missing.
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points, SeriesStyle Style = SeriesStyle.Solid, bool Sparse = false);

/// <summary>One point of a series. <see cref="Value"/> is null when there is no figure for that category.</summary>
public sealed record ChartPoint(string Category, decimal? Value);

public enum SeriesStyle { Solid, Dashed }

/// <summary>What every chart needs to be accessible: a title (read first) and a description of what it shows.</summary>
public sealed record ChartText(string Title, string Description, string Unit);

/// <summary>A horizontal reference line across the plot with its label (e.g. 100 %: the target reached).</summary>
public sealed record ChartReference(decimal Value, string Label)
{
    /// <summary>
    /// For a realisation percentage (realisatie ÷ doel × 100): at 100 % the realisation equals the target. Not a legal
    /// parameter but the definition of the percentage itself.
    /// </summary>
    public static readonly ChartReference TargetReached = new(100m, "doel gehaald (100 %)");
}

/// <summary>
/// Charts as SVG, rendered server-side as pure functions from data to an SVG string, so one chart serves the
/// web page, the HTML report and the PDF. Every chart carries <c>role="img"</c>, <c>&lt;title&gt;</c> and
/// <c>&lt;desc&gt;</c>; colours come from CSS classes (<c>bm-reeks-1</c> …) with presentation attributes as
/// fallback so the SVG also renders without a style sheet (PDF) and without inline <c>style</c> attributes (CSP).
/// Numbers are in Dutch notation; a chart whose unit is <c>%</c> labels its axis as percentages ("80 %"). A missing
/// figure (null, or a year absent between two years of a line chart) is a gap: the line breaks there, and a note under
/// the chart (part of the SVG, so the report and the PDF carry it too) names the years without a figure.
/// </summary>
public static class SvgCharts
{
    /// <summary>Colour-blind safe palette (Rijkshuisstijl-like: donkerblauw, oranje, groen, paars).</summary>
    public static readonly IReadOnlyList<string> Palette = ["#154273", "#e17000", "#39870c", "#8b4a6a", "#007bc7", "#a90061"];

    private const string Font = "font-family=\"RijksoverheidSans, 'DejaVu Sans', Verdana, sans-serif\"";

    /// <summary>A line chart (e.g. target path against realised) with axes, gridlines, legend and point markers.</summary>
    public static string Line(ChartText text, IReadOnlyList<ChartSeries> series, int width = 720, int height = 360, ChartReference? reference = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var categories = Years(Categories(series));
        var values = Values(series, reference);
        var (min, max, step) = NiceScale(values);
        const int left = 72, top = 16;
        // The last category label is centred on the plot's right edge: room for its half (about 7 px per character at 12 px).
        var right = Math.Max(16, categories.Count == 0 ? 0 : (int)Math.Ceiling(categories[^1].Length * 3.6) + 4);
        var bottom = 48 + 22 * ((series.Count + 1) / 2);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var id = Id(text.Title);
        var notes = Wrap(LineGaps(series, categories), width - left);
        var sb = Open(text with { Description = WithNotes(text.Description, notes) }, width, height + NoteHeight(notes), id);
        Grid(sb, min, max, step, left, top, plotW, plotH, text.Unit);
        decimal X(int i) => categories.Count == 1 ? left + plotW / 2m : left + plotW * i / (decimal)(categories.Count - 1);
        decimal Y(decimal v) => top + plotH - (max == min ? 0 : (v - min) / (max - min) * plotH);
        for (var i = 0; i < categories.Count; i++)
            sb.Append($"<text x=\"{F(X(i))}\" y=\"{top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" class=\"bm-as\" fill=\"#333\">{E(categories[i])}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Count];
            var ser = series[s];
            var pts = new List<string>();
            var segments = new List<string>();
            for (var i = 0; i < categories.Count; i++)
            {
                var p = ser.Points.FirstOrDefault(p => p.Category == categories[i]);
                if (p?.Value is { } v) pts.Add($"{F(X(i))},{F(Y(v))}");
                else if (pts.Count > 0 && !ser.Sparse) { segments.Add(string.Join(' ', pts)); pts.Clear(); }
            }
            if (pts.Count > 0) segments.Add(string.Join(' ', pts));
            var dash = ser.Style == SeriesStyle.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            foreach (var seg in segments.Where(seg => seg.Contains(' '))) // a lone point is its marker only
                sb.Append($"<polyline class=\"bm-reeks-{s + 1}\" points=\"{seg}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>");
            for (var i = 0; i < categories.Count; i++)
            {
                var p = ser.Points.FirstOrDefault(p => p.Category == categories[i]);
                if (p?.Value is not { } v) continue;
                sb.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3.5\" fill=\"{colour}\" class=\"bm-reeks-{s + 1}\">" +
                          $"<title>{E(ser.Label)}, {E(categories[i])}: {E(DutchFormat.Number(v, 1))} {E(text.Unit)}</title></circle>");
            }
        }
        Reference(sb, reference, Y, left, plotW, text.Unit);
        Legend(sb, series.Select(s => (s.Label, s.Style)).ToList(), left, height - 22 * ((series.Count + 1) / 2) - 4, plotW);
        Notes(sb, notes, left, height);
        return Close(sb);
    }

    /// <summary>A grouped bar chart (categories on the x axis, one bar per series). Negative values go below the zero line.</summary>
    public static string Bar(ChartText text, IReadOnlyList<ChartSeries> series, int width = 720, int height = 360, ChartReference? reference = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var categories = Categories(series);
        var values = Values(series, reference).Append(0m).ToList();
        var (min, max, step) = NiceScale(values);
        const int left = 72, right = 16, top = 16;
        var rotate = categories.Count > 8;
        // Rotated labels (-35°) need room below the axis for their length (about 6.2 px per character at 11 px).
        var labelSpace = rotate ? 24 + (int)Math.Ceiling(categories.Max(c => c.Length) * 6.2 * 0.574) : 32;
        var bottom = Math.Max(64, labelSpace + 24) + 22 * ((series.Count + 1) / 2);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var id = Id(text.Title);
        var notes = Wrap(BarGaps(series, categories), width - left);
        var sb = Open(text with { Description = WithNotes(text.Description, notes) }, width, height + NoteHeight(notes), id);
        Grid(sb, min, max, step, left, top, plotW, plotH, text.Unit);
        decimal Y(decimal v) => top + plotH - (max == min ? 0 : (v - min) / (max - min) * plotH);
        var groupW = plotW / (decimal)Math.Max(1, categories.Count);
        var barW = groupW * 0.8m / Math.Max(1, series.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var gx = left + groupW * i + groupW * 0.1m;
            var label = categories[i];
            var tx = F(gx + groupW * 0.4m);
            sb.Append(rotate
                ? $"<text x=\"{tx}\" y=\"{top + plotH + 14}\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-35 {tx} {top + plotH + 14})\" fill=\"#333\">{E(label)}</text>"
                : $"<text x=\"{tx}\" y=\"{top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">{E(label)}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var p = series[s].Points.FirstOrDefault(p => p.Category == label);
                if (p?.Value is not { } v) continue;
                var y0 = Y(0);
                var y1 = Y(v);
                var colour = Palette[s % Palette.Count];
                sb.Append($"<rect class=\"bm-reeks-{s + 1}\" x=\"{F(gx + barW * s)}\" y=\"{F(Math.Min(y0, y1))}\" width=\"{F(Math.Max(1, barW - 2))}\" " +
                          $"height=\"{F(Math.Abs(y0 - y1))}\" fill=\"{colour}\"><title>{E(series[s].Label)}, {E(label)}: {E(DutchFormat.Number(v, 1))} {E(text.Unit)}</title></rect>");
            }
        }
        sb.Append($"<line x1=\"{left}\" x2=\"{left + plotW}\" y1=\"{F(Y(0))}\" y2=\"{F(Y(0))}\" stroke=\"#333\" stroke-width=\"1\"/>");
        Reference(sb, reference, Y, left, plotW, text.Unit);
        Legend(sb, series.Select(s => (s.Label, SeriesStyle.Solid)).ToList(), left, height - 22 * ((series.Count + 1) / 2) - 4, plotW);
        Notes(sb, notes, left, height);
        return Close(sb);
    }

    /// <summary>A small sparkline (trend in a table cell): no axes; the title and description carry the numbers.</summary>
    public static string Sparkline(ChartText text, IReadOnlyList<ChartPoint> points, int width = 120, int height = 32)
    {
        ArgumentNullException.ThrowIfNull(points);
        var id = Id(text.Title);
        var sb = Open(text, width, height, id, small: true);
        var known = points.Select((p, i) => (p, i)).Where(t => t.p.Value is not null).ToList();
        if (known.Count > 0)
        {
            var min = known.Min(t => t.p.Value!.Value);
            var max = known.Max(t => t.p.Value!.Value);
            const int pad = 4;
            decimal X(int i) => points.Count == 1 ? width / 2m : pad + (width - 2 * pad) * i / (decimal)(points.Count - 1);
            decimal Y(decimal v) => max == min ? height / 2m : pad + (height - 2 * pad) * (1 - (v - min) / (max - min));
            // A missing figure breaks the line: one polyline per run of consecutive known points, a dot for a lone one.
            foreach (var run in known.Select((t, k) => (t.p, t.i, run: t.i - k)).GroupBy(t => t.run))
                sb.Append(run.Count() > 1
                    ? $"<polyline class=\"bm-reeks-1\" points=\"{string.Join(' ', run.Select(t => $"{F(X(t.i))},{F(Y(t.p.Value!.Value))}"))}\" fill=\"none\" stroke=\"{Palette[0]}\" stroke-width=\"2\"/>"
                    : $"<circle cx=\"{F(X(run.First().i))}\" cy=\"{F(Y(run.First().p.Value!.Value))}\" r=\"2\" fill=\"{Palette[0]}\" class=\"bm-reeks-1\"/>");
            var last = known[^1];
            sb.Append($"<circle cx=\"{F(X(last.i))}\" cy=\"{F(Y(last.p.Value!.Value))}\" r=\"3\" fill=\"{Palette[1]}\" class=\"bm-reeks-2\"/>");
        }
        return Close(sb);
    }

    /// <summary>A Dutch sentence listing the values of a series, for the <c>desc</c> of a sparkline or a report's alt text.</summary>
    public static string Describe(IReadOnlyList<ChartPoint> points, string unit) =>
        string.Join("; ", points.Select(p => $"{p.Category}: {(p.Value is { } v ? DutchFormat.Number(v, 1) + " " + unit : "geen cijfer")}"));

    // ---- helpers ----

    private static List<string> Categories(IReadOnlyList<ChartSeries> series)
    {
        var list = new List<string>();
        foreach (var p in series.SelectMany(s => s.Points))
            if (!list.Contains(p.Category)) list.Add(p.Category);
        return list;
    }

    /// <summary>
    /// Categories that are all years (a time axis) with every year between the first and the last, so a year without
    /// any figure is a gap on the axis instead of two points joined across it.
    /// </summary>
    private static List<string> Years(List<string> categories)
    {
        var years = categories.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y : (int?)null).ToList();
        if (categories.Count < 2 || years.Any(y => y is null)) return categories;
        var (first, last) = (years.Min()!.Value, years.Max()!.Value);
        return Enumerable.Range(first, last - first + 1).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    private static List<decimal> Values(IReadOnlyList<ChartSeries> series, ChartReference? reference)
    {
        var values = series.SelectMany(s => s.Points).Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (reference is not null) values.Add(reference.Value);
        return values;
    }

    /// <summary>
    /// Per series with at least one figure, the categories where it has none (one sentence when all series miss the same and
    /// no series is sparse, whose points are few by design).
    /// </summary>
    private static List<string> LineGaps(IReadOnlyList<ChartSeries> series, IReadOnlyList<string> categories)
    {
        var missing = series.Where(s => !s.Sparse && s.Points.Any(p => p.Value is not null))
            .Select(s => (s.Label, Missing: categories.Where(c => s.Points.FirstOrDefault(p => p.Category == c)?.Value is null).ToList()))
            .Where(m => m.Missing.Count > 0).ToList();
        if (missing.Count == 0) return [];
        if (!series.Any(s => s.Sparse) && missing.Count == series.Count(s => s.Points.Any(p => p.Value is not null)) && missing.All(m => m.Missing.SequenceEqual(missing[0].Missing)))
            return [$"Geen cijfer gepubliceerd voor {List(missing[0].Missing)}."];
        return missing.Select(m => $"{m.Label}: geen cijfer gepubliceerd voor {List(m.Missing)}.").ToList();
    }

    /// <summary>The categories where no series has a figure (no bar at all).</summary>
    private static List<string> BarGaps(IReadOnlyList<ChartSeries> series, IReadOnlyList<string> categories)
    {
        var missing = categories.Where(c => series.All(s => s.Points.FirstOrDefault(p => p.Category == c)?.Value is null)).ToList();
        return missing.Count == 0 ? [] : [$"Geen cijfer gepubliceerd voor {List(missing)}."];
    }

    /// <summary>"2019", "2019 en 2020", "2015, 2016 en 2019".</summary>
    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1];

    /// <summary>Splits notes into lines that fit the width (about 6.6 px per character at 12 px).</summary>
    private static List<string> Wrap(IReadOnlyList<string> notes, int width)
    {
        var max = Math.Max(20, (int)(width / 6.6));
        var lines = new List<string>();
        foreach (var note in notes)
        {
            var line = "";
            foreach (var word in note.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > max) { lines.Add(line); line = ""; }
                line = line.Length == 0 ? word : line + " " + word;
            }
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    private const int NoteLine = 18;
    private static int NoteHeight(IReadOnlyList<string> lines) => lines.Count == 0 ? 0 : lines.Count * NoteLine + 6;
    private static string WithNotes(string description, IReadOnlyList<string> lines) => lines.Count == 0 ? description : description + " " + string.Join(' ', lines);

    private static void Notes(StringBuilder sb, IReadOnlyList<string> lines, int left, int height)
    {
        if (lines.Count == 0) return;
        sb.Append("<g class=\"bm-grafiek-noot\" aria-hidden=\"true\">");
        for (var i = 0; i < lines.Count; i++)
            sb.Append($"<text x=\"{left}\" y=\"{height + NoteLine * (i + 1)}\" font-size=\"12\" font-style=\"italic\" fill=\"#333\">{E(lines[i])}</text>");
        sb.Append("</g>");
    }

    private static void Reference(StringBuilder sb, ChartReference? reference, Func<decimal, decimal> y, int left, int plotW, string unit)
    {
        if (reference is null) return;
        var yy = F(y(reference.Value));
        sb.Append($"<g class=\"bm-referentie\"><line x1=\"{left}\" x2=\"{left + plotW}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\">" +
                  $"<title>{E(reference.Label)}: {E(AxisLabel(reference.Value, unit))}</title></line>" +
                  $"<text x=\"{left + plotW - 4}\" y=\"{F(y(reference.Value) - 5)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">{E(reference.Label)}</text></g>");
    }

    /// <summary>An axis value: "80 %" on a percentage axis, otherwise the number ("5.250").</summary>
    internal static string AxisLabel(decimal v, string unit) => unit == "%" ? DutchFormat.Number(v, 1) + " %" : DutchFormat.Number(v, 1);

    /// <summary>Axis from a "nice" minimum to maximum with 4–6 gridlines (1, 2, 2.5 or 5 × 10^n).</summary>
    internal static (decimal Min, decimal Max, decimal Step) NiceScale(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) return (0, 1, 1);
        var lo = Math.Min(0m, values.Min());
        var hi = Math.Max(0m, values.Max());
        if (hi == lo) hi = lo + 1;
        var raw = (double)(hi - lo) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / mag;
        var nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        var step = (decimal)(nice * mag);
        var min = Math.Floor(lo / step) * step;
        var max = Math.Ceiling(hi / step) * step;
        return (min, max, step);
    }

    private static StringBuilder Open(ChartText text, int width, int height, string id, bool small = false)
    {
        var sb = new StringBuilder(4096);
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bm-grafiek{(small ? " bm-sparkline" : "")}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" " +
                  $"role=\"img\" aria-labelledby=\"{id}-titel {id}-desc\" {Font}>");
        sb.Append($"<title id=\"{id}-titel\">{E(text.Title)}</title><desc id=\"{id}-desc\">{E(text.Description)}</desc>");
        return sb;
    }

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static void Grid(StringBuilder sb, decimal min, decimal max, decimal step, int left, int top, int plotW, int plotH, string unit)
    {
        sb.Append("<g aria-hidden=\"true\">");
        for (var v = min; v <= max + step / 1000; v += step)
        {
            var y = top + plotH - (max == min ? 0 : (v - min) / (max - min) * plotH);
            sb.Append($"<line x1=\"{left}\" x2=\"{left + plotW}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#d6d6d6\" stroke-width=\"1\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">{E(AxisLabel(v, unit))}</text>");
        }
        sb.Append($"<text x=\"12\" y=\"{top + plotH / 2}\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\" transform=\"rotate(-90 12 {top + plotH / 2})\">{E(unit)}</text>");
        sb.Append("</g>");
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<(string Label, SeriesStyle Style)> items, int left, int y, int plotW)
    {
        sb.Append("<g class=\"bm-legenda\">");
        for (var i = 0; i < items.Count; i++)
        {
            var x = left + (i % 2) * (plotW / 2);
            var yy = y + 22 * (i / 2);
            var colour = Palette[i % Palette.Count];
            var dash = items[i].Style == SeriesStyle.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            sb.Append($"<line x1=\"{x}\" x2=\"{x + 24}\" y1=\"{yy - 4}\" y2=\"{yy - 4}\" stroke=\"{colour}\" stroke-width=\"4\"{dash}/>");
            sb.Append($"<text x=\"{x + 30}\" y=\"{yy}\" font-size=\"13\" fill=\"#1a1a1a\">{E(items[i].Label)}</text>");
        }
        sb.Append("</g>");
    }

    private static string Id(string title)
    {
        var hash = 0u;
        foreach (var ch in title) hash = hash * 31 + ch;
        return "grafiek-" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string F(decimal v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
