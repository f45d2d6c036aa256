using System.Globalization;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Reports.Progress;

/// <summary>One key figure of the target group register (<i>doelgroepregister</i>, UWV) with its source.</summary>
public sealed record TargetGroupRegisterFigure(int Year, string Quantity, decimal Value, string Unit, ParameterStatus Status, string Source, int Line);

/// <summary>The register figures of <c>data/published/doelgroepregister.csv</c>.</summary>
public sealed class TargetGroupRegisterFigures(IReadOnlyList<TargetGroupRegisterFigure> rows)
{
    public const string Header = "jaar,grootheid,waarde,eenheid,status,bron";
    public const string Persons = "personen";
    public const string Working = "werkzaam";
    public const string ShareWorking = "aandeel_werkzaam";
    public const string IncreasePersons = "toename_personen";
    private static readonly string[] Known = [Persons, Working, ShareWorking, IncreasePersons];

    public static TargetGroupRegisterFigures Empty { get; } = new([]);
    public IReadOnlyList<TargetGroupRegisterFigure> Rows { get; } = rows;

    public TargetGroupRegisterFigure? Find(int year, string quantity) => Rows.FirstOrDefault(r => r.Year == year && r.Quantity == quantity);

    /// <summary>Dutch label of a register quantity.</summary>
    public static string Dutch(string quantity, int year) => quantity switch
    {
        Persons => $"Personen in het doelgroepregister (31 december {year})",
        Working => "waarvan werkzaam",
        ShareWorking => "aandeel werkzaam",
        IncreasePersons => $"Toename personen in het register in {year}",
        _ => quantity,
    };

    /// <summary>Parses the CSV text; every problem names the file, line and column, and nothing is returned then.</summary>
    public static TargetGroupRegisterFigures Parse(string text, string file)
    {
        var lines = Csv.Read(new StringReader(text)).ToList();
        if (lines.Count == 0 || string.Join(",", lines[0].Fields) != Header)
            throw new FormatException($"{file}: kopregel moet '{Header}' zijn.");
        var rows = new List<TargetGroupRegisterFigure>();
        var problems = new List<string>();
        foreach (var (line, f) in lines.Skip(1))
        {
            var at = $"{file}, regel {line}";
            if (f.Length != 6) { problems.Add($"{at}: verwacht 6 kolommen, gevonden {f.Length}"); continue; }
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2013 || year > 2100)
            { problems.Add($"{at}, kolom jaar: '{f[0]}' is geen jaartal"); continue; }
            if (!Known.Contains(f[1])) { problems.Add($"{at}, kolom grootheid: onbekend '{f[1]}' ({string.Join(", ", Known)})"); continue; }
            if (!decimal.TryParse(f[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            { problems.Add($"{at}, kolom waarde: '{f[2]}' is geen getal (punt als decimaalteken)"); continue; }
            if (f[3] is not ("personen" or "%")) { problems.Add($"{at}, kolom eenheid: onbekend '{f[3]}' (personen of %)"); continue; }
            if (!ParameterStatusText.TryParse(f[4], out var status)) { problems.Add($"{at}, kolom status: onbekend '{f[4]}'"); continue; }
            if (f[5].Length == 0) { problems.Add($"{at}, kolom bron: ontbreekt"); continue; }
            if (rows.Any(r => r.Year == year && r.Quantity == f[1])) { problems.Add($"{at}: dubbele regel voor {year} {f[1]}"); continue; }
            rows.Add(new TargetGroupRegisterFigure(year, f[1], value, f[3], status, f[5], line));
        }
        if (problems.Count > 0) throw new FormatException(string.Join("\n", problems));
        return new TargetGroupRegisterFigures(rows);
    }
}

/// <summary>
/// An approved sector report from the database (<i>goedgekeurde sectorrapportage</i>): its figures fill what the
/// published documents lack for that sector and year, and its narrative becomes the sector's text in the report.
/// </summary>
public sealed record ApprovedSectorReport(
    string SectorCode,
    int Year,
    decimal? Target,
    decimal? Realised,
    decimal? Percentage,
    decimal? Sroi,
    decimal? PercentageIncludingSroi,
    decimal? HiredIn,
    string? GeneralPicture,
    string? QualityAndSustainability,
    string Source);

/// <summary>
/// Everything the report is built from: the published sector figures, the national measurement, the register figures,
/// the dated parameters and (optionally) approved sector reports and work agendas from the database.
/// </summary>
public sealed record ReportSources(
    PublishedSectorFigures Sectors,
    NationalFigures National,
    TargetGroupRegisterFigures Register,
    ParameterSet Parameters,
    IReadOnlyList<ApprovedSectorReport> ApprovedReports,
    IReadOnlyList<Data.WorkAgendas.AgendaMonitor>? WorkAgendas = null,
    IReadOnlyList<Sectors.SectorEmployerDistribution>? SectorEmployers = null) // approved sector totals with their employers (Sectors.SectorEmployersReport)
{
    public const string RegisterFile = "doelgroepregister.csv";

    /// <summary>These sources plus approved sector reports (e.g. read with <see cref="SectorReportStore"/>).</summary>
    public ReportSources WithApprovedReports(IEnumerable<ApprovedSectorReport> reports) => this with { ApprovedReports = [.. ApprovedReports, .. reports] };

    /// <summary>These sources plus the work agendas with their monitoring (<see cref="WorkAgendaStore"/>): the report gains its section "Werkagenda's".</summary>
    public ReportSources WithWorkAgendas(IReadOnlyList<Data.WorkAgendas.AgendaMonitor> agendas) => this with { WorkAgendas = agendas };

    /// <summary>
    /// The sources of published data (<see cref="PublishedData"/>: a <c>data/published</c> folder or the embedded copy).
    /// A missing register file is allowed (no register figures); a missing other file throws
    /// <see cref="FileNotFoundException"/>, a faulty file <see cref="FormatException"/> naming file, line and column.
    /// </summary>
    public static ReportSources From(PublishedData data, ParameterSet? parameters = null) =>
        new(data.SectorFigures, data.National,
            data.TryRead(RegisterFile) is { } register ? TargetGroupRegisterFigures.Parse(register, RegisterFile) : TargetGroupRegisterFigures.Empty,
            parameters ?? ParameterSet.Embedded,
            []);

    /// <summary>The published figures embedded at build time (<see cref="PublishedData.Embedded"/>).</summary>
    public static ReportSources Embedded(ParameterSet? parameters = null) => From(PublishedData.Embedded, parameters);
}
