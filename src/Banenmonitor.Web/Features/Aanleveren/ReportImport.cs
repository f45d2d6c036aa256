using System.Globalization;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>One problem in an uploaded file: file, row and column, and a Dutch message.</summary>
public sealed record ImportError(string Bestand, int Regel, string Kolom, string Melding);

public sealed record SectorReportRow(int Year, string SectorCode, decimal Target, decimal Realised, decimal? Sroi);

public sealed record EmployerReportRow(int Year, decimal TotalPaidHours, decimal TargetGroupHours, decimal? PreviousYear);

/// <summary>
/// Validation of uploaded CSV files (semicolon or comma separated, Dutch or international decimals). A file is
/// accepted only when every row is valid: all rows or none.
/// </summary>
public static class ReportImport
{
    public const string SectorHeader = "jaar;sector;doel;realisatie;sroi";
    public const string EmployerHeader = "jaar;verloonde_uren;uren_doelgroep;verloonde_uren_vorig_jaar";

    public static (List<SectorReportRow> Rows, List<ImportError> Errors) ParseSector(string text, string file, string? onlySector)
    {
        var rows = new List<SectorReportRow>();
        var errors = new List<ImportError>();
        var lines = Lines(text);
        if (!CheckHeader(lines, SectorHeader, file, errors)) return (rows, errors);
        var cols = SectorHeader.Split(';');
        foreach (var (no, cells) in lines.Skip(1))
        {
            if (cells.Length != cols.Length) { errors.Add(new(file, no, "-", $"verwacht {cols.Length} kolommen, gevonden {cells.Length}")); continue; }
            var before = errors.Count;
            var year = Year(cells[0], file, no, errors);
            var sector = cells[1].Trim().ToLowerInvariant();
            if (PublicSectors.Find(sector) is null)
                errors.Add(new(file, no, "sector", $"onbekende sector '{cells[1]}' (bijvoorbeeld {string.Join(", ", PublicSectors.All.Take(4).Select(s => s.Code))})"));
            else if (onlySector is not null && sector != onlySector)
                errors.Add(new(file, no, "sector", $"u mag alleen rapporteren voor sector '{onlySector}', niet voor '{sector}'"));
            var target = Number(cells[2], "doel", file, no, errors, required: true);
            if (target is <= 0) errors.Add(new(file, no, "doel", "het doel moet groter dan nul zijn"));
            var realised = Number(cells[3], "realisatie", file, no, errors, required: true);
            var sroi = Number(cells[4], "sroi", file, no, errors, required: false);
            if (errors.Count == before) rows.Add(new(year!.Value, sector, target!.Value, realised!.Value, sroi));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new(file, 2, "-", "het bestand bevat geen gegevensregels"));
        return (rows, errors);
    }

    public static (List<EmployerReportRow> Rows, List<ImportError> Errors) ParseEmployer(string text, string file)
    {
        var rows = new List<EmployerReportRow>();
        var errors = new List<ImportError>();
        var lines = Lines(text);
        if (!CheckHeader(lines, EmployerHeader, file, errors)) return (rows, errors);
        var cols = EmployerHeader.Split(';');
        foreach (var (no, cells) in lines.Skip(1))
        {
            if (cells.Length != cols.Length) { errors.Add(new(file, no, "-", $"verwacht {cols.Length} kolommen, gevonden {cells.Length}")); continue; }
            var before = errors.Count;
            var year = Year(cells[0], file, no, errors);
            var total = Number(cells[1], "verloonde_uren", file, no, errors, required: true);
            var tg = Number(cells[2], "uren_doelgroep", file, no, errors, required: true);
            var prev = Number(cells[3], "verloonde_uren_vorig_jaar", file, no, errors, required: false);
            if (total is not null && tg is not null && tg > total)
                errors.Add(new(file, no, "uren_doelgroep", "de uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren"));
            if (errors.Count == before) rows.Add(new(year!.Value, total!.Value, tg!.Value, prev));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new(file, 2, "-", "het bestand bevat geen gegevensregels"));
        return (rows, errors);
    }

    private static List<(int No, string[] Cells)> Lines(string text)
    {
        var result = new List<(int, string[])>();
        var all = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < all.Length; i++)
        {
            var l = all[i].Trim().TrimStart('\uFEFF');
            if (l.Length == 0 || l.StartsWith('#')) continue;
            var sep = l.Contains(';') ? ';' : ',';
            result.Add((i + 1, l.Split(sep).Select(c => c.Trim().Trim('"')).ToArray()));
        }
        return result;
    }

    private static bool CheckHeader(List<(int No, string[] Cells)> lines, string header, string file, List<ImportError> errors)
    {
        if (lines.Count == 0) { errors.Add(new(file, 1, "-", "het bestand is leeg")); return false; }
        var got = string.Join(';', lines[0].Cells).ToLowerInvariant();
        if (got != header) { errors.Add(new(file, lines[0].No, "-", $"kopregel moet '{header}' zijn, gevonden '{got}'")); return false; }
        return true;
    }

    private static int? Year(string s, string file, int no, List<ImportError> errors)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2013 and <= 2100) return y;
        errors.Add(new(file, no, "jaar", $"'{s}' is geen jaartal vanaf 2013"));
        return null;
    }

    /// <summary>Accepts 1.234,5 (Dutch), 1234,5 and 1234.5.</summary>
    internal static decimal? Number(string s, string column, string file, int no, List<ImportError> errors, bool required)
    {
        s = s.Trim();
        if (s.Length == 0)
        {
            if (required) errors.Add(new(file, no, column, "waarde ontbreekt"));
            return null;
        }
        var normalised = s.Contains(',') ? s.Replace(".", "").Replace(',', '.') : s;
        if (decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(new(file, no, column, $"'{s}' is geen (positief) getal"));
        return null;
    }
}
