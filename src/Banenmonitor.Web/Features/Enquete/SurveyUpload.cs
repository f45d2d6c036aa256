using Banenmonitor.Data.Import;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Enquete;

/// <summary>
/// An uploaded survey file held only for the length of a request: its name and bytes. Nothing is stored on the server;
/// to keep a file across a second submit of the form (another estimator, a download) the page carries it back to the
/// browser in a hidden field (<see cref="Carried"/>) and the browser sends it again.
/// </summary>
public sealed record SurveyUpload(string Name, byte[] Bytes)
{
    /// <summary>Largest survey file the page takes (a survey of 10.000 respondents is a few hundred kB).</summary>
    public const long MaxBytes = 1_000_000;

    public string Carried => Convert.ToBase64String(Bytes);

    /// <summary>
    /// The file of this submit: a newly chosen file, else the one carried from the previous submit, else null.
    /// <paramref name="error"/> is set (Dutch) when the new file is too large or the carried text is damaged.
    /// </summary>
    public static async Task<(SurveyUpload? File, string? Error)> FromAsync(IFormFile? file, string? carriedName, string? carried, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxBytes)
                return (null, $"{file.FileName}: het bestand is groter dan {DutchFormat.Number(MaxBytes / 1_000_000m, 0)} MB.");
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return (new SurveyUpload(Path.GetFileName(file.FileName), ms.ToArray()), null);
        }
        if (string.IsNullOrEmpty(carried) || string.IsNullOrEmpty(carriedName)) return (null, null);
        var buffer = new byte[carried.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(carried, buffer, out var n) || n > MaxBytes)
            return (null, $"{carriedName}: het eerder gekozen bestand is niet goed meegestuurd; kies het bestand opnieuw.");
        return (new SurveyUpload(Path.GetFileName(carriedName), buffer[..n]), null);
    }

    /// <summary>The file as a survey table: CSV (',' or ';') or XLSX, numbers read by the one Dutch number reader.</summary>
    public SurveyTable Table()
    {
        using var s = new MemoryStream(Bytes, writable: false);
        if (FileFormats.FromName(Name) == FileFormat.Xlsx || LooksLikeXlsx())
        {
            try { return SurveyTable.FromSheet(Name, TabularReader.Read(s, FileFormat.Xlsx).Select(r => (r.Number, r.Cells, r.Numbers)).ToList()); }
            catch (TabularFormatException e)
            {
                var where = e.Row is { } row ? $", rij {row}" + (e.Column is { } c ? $", kolom {c + 1}" : "") : "";
                throw new SurveyDataException($"{Name}{where}: {e.Message}.");
            }
        }
        if (Bytes.AsSpan().Contains((byte)0))
            throw new SurveyDataException($"{Name}: dit is geen tekstbestand (CSV) en geen Excelbestand (.xlsx).");
        return SurveyTable.Read(s, Name);
    }

    private bool LooksLikeXlsx() => Bytes.Length >= 4 && Bytes[0] == 'P' && Bytes[1] == 'K' && Bytes[2] == 3 && Bytes[3] == 4;
}

/// <summary>The result of a survey estimate as downloadable tables (CSV and XLSX through <see cref="TableDownloads"/>).</summary>
public static class SurveyResultTables
{
    /// <summary>A value in full precision as a Dutch number without thousands points (what a researcher re-reads exactly).</summary>
    public static TableCell Cell(double v) => double.IsFinite(v)
        ? new TableCell(((decimal)v).ToString("0.############", DutchFormat.Culture), (decimal)v)
        : new TableCell("", null);

    public static TableCell Text(string? s) => new(s ?? "", null);

    public static TableData Estimates(EnqueteResult r)
    {
        var rows = new List<IReadOnlyList<TableCell>>();
        foreach (var e in new[] { r.Overall }.Concat(r.Domains))
            rows.Add([Text(e.KindDutch), Text(e.DescriptionDutch), Text(e.Domain ?? "alle respondenten"), Cell(e.Estimate), Cell(e.StandardError),
                Cell(e.RelativeStandardError), Cell(e.Interval.Level * 100), Cell(e.Interval.Lower), Cell(e.Interval.Upper),
                Text(e.Interval.MethodDutch), Cell(e.Respondents), Cell(e.WeightSum), Cell(e.DegreesOfFreedom)]);
        return new TableData("Enquêteschatting",
            ["schatter", "omschrijving", "deelgroep", "schatting", "standaardfout", "relatieve standaardfout", "betrouwbaarheid (%)",
             "ondergrens", "bovengrens", "interval", "respondenten", "gewichtssom", "vrijheidsgraden"], rows);
    }

    public static TableData Cells(EnqueteResult r) => new("Gewichten per weegcel",
        ["weegcel", "populatie", "aandeel populatie", "respondenten", "aandeel respons", "gemiddeld gewicht", "factor"],
        r.Cells.Select(c => (IReadOnlyList<TableCell>)[Text(c.Cell), Cell(c.Population), Cell(c.PopulationShare), Cell(c.Respondents),
            Cell(c.SampleShare), Cell(c.Weight), Cell(c.Adjustment)]).ToList());
}
