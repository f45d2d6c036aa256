using System.Globalization;
using System.Xml.Linq;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Reports.Progress;

namespace Banenmonitor.Reports.Tests;

/// <summary>The SVG the charts produce, read back as XML: axis labels, the 100 % line, gaps and the note that explains them.</summary>
public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg) => XElement.Parse(svg);

    /// <summary>The texts of the y axis (the tick labels, right-aligned left of the plot).</summary>
    private static List<string> AxisLabels(XElement svg) => svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("aria-hidden") == "true")
        .Elements(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value).ToList();

    private static decimal D(XElement e, string attribute) => decimal.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void A_percentage_axis_reads_as_percentages_with_the_100_percent_line()
    {
        var svg = Parse(SvgCharts.Bar(new ChartText("Realisatie", "Realisatie per sector.", "%"),
            [new ChartSeries("Realisatie", [new("rijk", 80.1m), new("politie", 54.3m)])], reference: ChartReference.TargetReached));
        var labels = AxisLabels(svg);
        Assert.Contains("80 %", labels);
        Assert.Contains("100 %", labels);
        Assert.All(labels, l => Assert.EndsWith(" %", l));
        // The reference line lies exactly on the gridline labelled 100 %.
        var reference = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bm-referentie");
        var line = reference.Element(Svg + "line")!;
        var label100 = svg.Descendants(Svg + "text").First(t => t.Value == "100 %");
        Assert.Equal(D(label100, "y") - 4, D(line, "y1"));
        Assert.Contains("doel gehaald (100 %)", reference.Value);
    }

    [Fact]
    public void An_empty_percentage_chart_has_a_0_to_100_percent_axis_not_0_to_1()
    {
        var svg = Parse(SvgCharts.Bar(new ChartText("Realisatie 2024", "Realisatie per sector.", "%"),
            [new ChartSeries("Realisatie", [new("gemeenten", null), new("rijk", null)])], reference: ChartReference.TargetReached));
        var labels = AxisLabels(svg);
        Assert.Equal("0 %", labels[0]);
        Assert.Equal("100 %", labels[^1]);
        Assert.DoesNotContain("0,8", string.Join('|', labels));
        Assert.Contains("Geen cijfer gepubliceerd voor gemeenten en rijk.", svg.Value);
    }

    [Fact]
    public void A_number_axis_keeps_plain_numbers()
    {
        var svg = Parse(SvgCharts.Line(new ChartText("Banen", "Banen per jaar.", "fta"),
            [new ChartSeries("Realisatie", [new("2022", 5000m), new("2023", 6320m)])]));
        Assert.Contains("6.000", AxisLabels(svg));
        Assert.DoesNotContain(AxisLabels(svg), l => l.Contains('%'));
    }

    [Fact]
    public void A_missing_year_is_a_gap_in_the_line_and_the_note_says_so()
    {
        // 2019 is absent from the data altogether; 2021 is there without a figure.
        var svg = Parse(SvgCharts.Line(new ChartText("Realisatie rijk", "Realisatie per jaar.", "fta"),
        [
            new ChartSeries("Realisatie", [new("2017", 4000m), new("2018", 4200m), new("2020", 4500m), new("2021", null), new("2022", 4600m), new("2023", 4517m)]),
        ]));
        // The x axis has every year, 2019 included.
        var years = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "bm-as").Select(t => t.Value).ToList();
        Assert.Equal(["2017", "2018", "2019", "2020", "2021", "2022", "2023"], years);
        var x2019 = D(svg.Descendants(Svg + "text").Single(t => t.Value == "2019"), "x");
        var x2021 = D(svg.Descendants(Svg + "text").Single(t => t.Value == "2021"), "x");
        // No segment crosses 2019 or 2021, and no point is drawn at zero: 2017–2018, the lone 2020 (a marker only), 2022–2023.
        var segments = svg.Elements(Svg + "polyline").Select(p => ((string)p.Attribute("points")!).Split(' ')
            .Select(pt => decimal.Parse(pt.Split(',')[0], CultureInfo.InvariantCulture)).ToList()).ToList();
        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.False(s.Min() < x2019 && s.Max() > x2019 || s.Min() < x2021 && s.Max() > x2021, "lijn over een ontbrekend jaar"));
        Assert.Equal(5, svg.Elements(Svg + "circle").Count());
        var note = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bm-grafiek-noot").Value;
        Assert.Equal("Geen cijfer gepubliceerd voor 2019 en 2021.", note);
        // The note is inside the drawing (the SVG grew to hold it) and in the description for screen readers.
        Assert.True(D(svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bm-grafiek-noot").Element(Svg + "text")!, "y") <= D(svg, "height"));
        Assert.EndsWith("Geen cijfer gepubliceerd voor 2019 en 2021.", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Series_that_miss_different_years_are_named_in_the_note()
    {
        var svg = Parse(SvgCharts.Line(new ChartText("Doel en realisatie", "Per jaar.", "fta"),
        [
            new ChartSeries("Doel", [new("2020", 700m), new("2021", 713m), new("2022", 713m)], SeriesStyle.Dashed),
            new ChartSeries("Realisatie", [new("2020", 400m), new("2021", null), new("2022", 387m)]),
        ]));
        Assert.Equal("Realisatie: geen cijfer gepubliceerd voor 2021.", svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bm-grafiek-noot").Value);
        Assert.Single(svg.Elements(Svg + "polyline"), p => (string?)p.Attribute("class") == "bm-reeks-1");
        Assert.DoesNotContain(svg.Elements(Svg + "polyline"), p => (string?)p.Attribute("class") == "bm-reeks-2");
    }

    [Fact]
    public void A_sparse_series_joins_its_points_across_the_categories_between_and_is_not_noted_as_missing()
    {
        // Yearly figures on a quarterly axis: the measurement at both year ends, one line between; the quarters keep their gap.
        string[] axis = ["eind 2022", "K1 2023", "K2 2023", "K3 2023", "eind 2023"];
        var svg = Parse(SvgCharts.Line(new ChartText("Kwartalen", "Per kwartaal.", "banen"),
        [
            new ChartSeries("Kwartaal", [new(axis[0], 80_674m), new(axis[1], null), new(axis[2], 82_904m), new(axis[3], 84_471m), new(axis[4], 86_264m)]),
            new ChartSeries("Jaarmeting", [new(axis[0], 81_117m), new(axis[4], 85_665m)], Sparse: true),
        ]));
        var yearly = Assert.Single(svg.Elements(Svg + "polyline"), p => (string?)p.Attribute("class") == "bm-reeks-2");
        Assert.Equal(2, ((string)yearly.Attribute("points")!).Split(' ').Length); // from the first year end straight to the second
        Assert.Single(svg.Elements(Svg + "polyline"), p => (string?)p.Attribute("class") == "bm-reeks-1"); // K2–year end; the year end before K1 stands alone
        var note = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bm-grafiek-noot").Value;
        Assert.Equal("Kwartaal: geen cijfer gepubliceerd voor K1 2023.", note);
        // The last label ("eind 2023") fits inside the drawing: its centre is at least half its width from the right edge.
        var last = svg.Descendants(Svg + "text").Single(t => t.Value == "eind 2023");
        Assert.True(D(last, "x") + "eind 2023".Length * 3.5m <= D(svg, "width"), "laatste label valt buiten de grafiek");
    }

    [Fact]
    public void A_sparkline_breaks_where_a_year_has_no_figure()
    {
        var svg = Parse(SvgCharts.Sparkline(new ChartText("Trend", "Trend.", "fta"),
            [new("2019", 10m), new("2020", 12m), new("2021", null), new("2022", 14m), new("2023", 15m)]));
        Assert.Equal(2, svg.Elements(Svg + "polyline").Count());
    }

    [Fact]
    public void The_report_percentage_chart_has_percent_axis_and_the_100_percent_line()
    {
        var report = new ReportBuilder(ReportSources.Embedded()).Build(2023, concept: true);
        var svg = Parse(report.SectorPercentageChart!);
        Assert.Contains("100 %", AxisLabels(svg));
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "bm-referentie");
    }
}
