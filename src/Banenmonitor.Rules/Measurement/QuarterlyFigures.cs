using System.Globalization;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Measurement;

/// <summary>One figure of a UWV quarterly report: the national state at the end of a quarter, with its source.</summary>
public sealed record QuarterlyFigure(int Year, int Quarter, MeasurementSector Sector, EmploymentForm Form, string Quantity, decimal Value,
    ParameterStatus Status, string Source, int Line)
{
    /// <summary>"2019 K3", as the Dutch texts write a quarter.</summary>
    public string Period => $"{Year} K{Quarter}";
}

/// <summary>
/// The national figures of the UWV quarterly reports on the job agreement (<i>Regionale trendrapportage banenafspraak</i>,
/// <c>data/published/kwartaalrapportages.csv</c>): extra jobs against the baseline per sector and form, and the persons in
/// the target-group register, at the end of a quarter. Not the official measurement (that is <see cref="NationalFigures"/>);
/// they sit beside the measurement per quarter of a run.
/// </summary>
public sealed class QuarterlyFigures(IReadOnlyList<QuarterlyFigure> rows)
{
    public const string Header = "jaar,kwartaal,sector,vorm,grootheid,waarde,status,bron";
    /// <summary>Extra jobs (of 25,5 hours) against the baseline of end 2012.</summary>
    public const string Increase = "toename";
    /// <summary>The change in extra jobs since the end of the previous quarter, with its sign, as the report states it.</summary>
    public const string IncreaseOnPreviousQuarter = "toename_tov_vorig_kwartaal";
    /// <summary>Persons in the target-group register ("met een geldige grondslag" up to 2019, "in de doelgroep banenafspraak" from 2021).</summary>
    public const string RegisterPersons = "personen_register";
    private static readonly string[] Known = [Increase, IncreaseOnPreviousQuarter, RegisterPersons];

    public IReadOnlyList<QuarterlyFigure> Rows { get; } = rows;

    public QuarterlyFigure? Find(int year, int quarter, MeasurementSector s, EmploymentForm f, string quantity) =>
        Rows.FirstOrDefault(r => r.Year == year && r.Quarter == quarter && r.Sector == s && r.Form == f && r.Quantity == quantity);

    /// <summary>The figures of one year, by quarter, in the order of the file.</summary>
    public IReadOnlyList<QuarterlyFigure> OfYear(int year) => [.. Rows.Where(r => r.Year == year).OrderBy(r => r.Quarter)];

    /// <summary>The years with at least one figure, in order.</summary>
    public IEnumerable<int> Years => Rows.Select(r => r.Year).Distinct().Order();

    /// <summary>The quarters with at least one figure, in order.</summary>
    public IEnumerable<(int Year, int Quarter)> Quarters => Rows.Select(r => (r.Year, r.Quarter)).Distinct().Order();

    /// <summary>Parses the CSV text; every problem names the file, line and column; nothing is returned when one is found.</summary>
    public static QuarterlyFigures Parse(string text, string fileName)
    {
        var seen = new HashSet<(int, int, MeasurementSector, EmploymentForm, string)>();
        return new QuarterlyFigures(Csv.ParseRows(text, fileName, Header, (line, f) =>
        {
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2013 || y > 2100)
                throw new FormatException($"kolom jaar: '{f[0]}' is geen jaartal");
            if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q) || q is < 1 or > 4)
                throw new FormatException($"kolom kwartaal: '{f[1]}' is geen kwartaal (1 tot en met 4)");
            var s = MeasurementText.ParseSector(f[2]);
            var form = MeasurementText.ParseForm(f[3]);
            if (!Known.Contains(f[4])) throw new FormatException($"kolom grootheid: onbekend '{f[4]}' ({string.Join(", ", Known)})");
            if (!decimal.TryParse(f[5], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"kolom waarde: '{f[5]}' is geen geheel getal");
            if (!ParameterStatusText.TryParse(f[6], out var st)) throw new FormatException($"kolom status: onbekend '{f[6]}'");
            if (f[7].Length == 0) throw new FormatException("kolom bron: ontbreekt");
            if (!seen.Add((y, q, s, form, f[4]))) throw new FormatException($"dubbele regel voor {y} kwartaal {q} {f[2]} {f[3]} {f[4]}");
            return new QuarterlyFigure(y, q, s, form, f[4], v, st, f[7], line);
        }));
    }
}
