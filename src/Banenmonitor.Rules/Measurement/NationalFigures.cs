using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Measurement;

/// <summary>One row of the national figures file (<c>data/published/landelijke_meting.csv</c>).</summary>
public sealed record NationalFigure(int Year, MeasurementSector Sector, EmploymentForm Form, string Quantity, decimal Value, ParameterStatus Status, string Source, int Line);

/// <summary>Published national figures per year: inputs of the measurement and the published results to compare with.</summary>
public sealed class NationalFigures(IReadOnlyList<NationalFigure> rows)
{
    public const string Increase = "toename";
    public const string HiredInJobs = "inleenbanen";
    public const string TotalJobs = "banen_totaal";
    public const string IncreaseOnPreviousYear = "toename_tov_vorig_jaar";
    /// <summary>Share (percent) of this form in the total increase, as published (e.g. "67.021 banen (92 procent)").</summary>
    public const string ShareOfIncrease = "aandeel_toename";
    /// <summary>Target of extra jobs (<i>doelstelling</i>) as printed in the document.</summary>
    public const string Target = "doelstelling";
    /// <summary>A document's year by whose end the sector's final target had to be reached ("in 2023"); year and value are that year.</summary>
    public const string TargetPathEnd = "einde_ingroeipad";
    /// <summary>The same, said as "tot X" or "begin X" (before X); year and value are X.</summary>
    public const string TargetPathEndBefore = "einde_ingroeipad_tot";
    private static readonly string[] Known = [Increase, HiredInJobs, TotalJobs, IncreaseOnPreviousYear, ShareOfIncrease, Target, TargetPathEnd, TargetPathEndBefore];

    public IReadOnlyList<NationalFigure> Rows { get; } = rows;

    /// <summary>The years with a national measurement (an increase against the baseline), not those only named by other rows.</summary>
    public IEnumerable<int> Years => Rows.Where(r => r.Quantity == Increase).Select(r => r.Year).Distinct().Order();

    public NationalFigure? Find(int year, MeasurementSector s, EmploymentForm f, string quantity) =>
        Rows.FirstOrDefault(r => r.Year == year && r.Sector == s && r.Form == f && r.Quantity == quantity);

    /// <summary>Parses the CSV text; every problem names the file, line and column.</summary>
    public static NationalFigures Parse(string text, string fileName)
    {
        var seen = new HashSet<(int, MeasurementSector, EmploymentForm, string)>();
        return new NationalFigures(Csv.ParseRows(text, fileName, "jaar,sector,vorm,grootheid,waarde,status,bron", (line, f) =>
        {
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2013 || y > 2100)
                throw new FormatException($"kolom jaar: '{f[0]}' is geen jaartal");
            var s = MeasurementText.ParseSector(f[1]);
            var form = MeasurementText.ParseForm(f[2]);
            if (!Known.Contains(f[3])) throw new FormatException($"kolom grootheid: onbekend '{f[3]}' ({string.Join(", ", Known)})");
            if (!decimal.TryParse(f[4], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"kolom waarde: '{f[4]}' is geen getal");
            if (!ParameterStatusText.TryParse(f[5], out var st)) throw new FormatException($"kolom status: onbekend '{f[5]}'");
            if (f[6].Length == 0) throw new FormatException("kolom bron: ontbreekt");
            if (!seen.Add((y, s, form, f[3]))) throw new FormatException($"dubbele regel voor {y} {f[1]} {f[2]} {f[3]}");
            return new NationalFigure(y, s, form, f[3], v, st, f[6], line);
        }));
    }

    /// <summary>The measurement inputs of a year, when the document gives the split by form.</summary>
    public NationalMeasurementInput? InputFor(int year)
    {
        var fm = Find(year, MeasurementSector.Market, EmploymentForm.Formal, Increase);
        var fg = Find(year, MeasurementSector.Government, EmploymentForm.Formal, Increase);
        var h = Find(year, MeasurementSector.Total, EmploymentForm.HiredIn, HiredInJobs);
        if (fm is null || fg is null || h is null) return null;
        return new NationalMeasurementInput(year, new Jobs(fm.Value), new Jobs(fg.Value), new Jobs(h.Value), null,
            $"{fm.Source}; {fg.Source}; {h.Source}");
    }

    /// <summary>Published cells of the table of a year (increases per sector and form).</summary>
    public IReadOnlyList<PublishedCell> PublishedCells(int year) =>
        Rows.Where(r => r.Year == year && r.Quantity == Increase)
            .Select(r => new PublishedCell(r.Sector, r.Form, r.Value, r.Source)).ToList();
}
