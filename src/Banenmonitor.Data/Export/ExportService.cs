using Banenmonitor.Data.Import;

namespace Banenmonitor.Data.Export;

/// <summary>Exports stored figures per kind to CSV or XLSX (the import's own columns, so files re-import to the same data), and writes templates.</summary>
public sealed class ExportService(BanenmonitorDbContext db)
{
    public static ImportKind Kind(string name) =>
        ImportKinds.Find(name) ?? throw new ArgumentException($"Onbekende soort '{name}': kies uit {ImportKinds.Names}.");

    /// <summary>Every stored record of a kind. Persons appear by pseudonym only; text cells are neutralised against formula injection.</summary>
    public Task ExportAsync(string kind, Stream output, FileFormat format, CancellationToken ct = default)
    {
        var def = Kind(kind);
        return TabularWriter.WriteAsync(output, format, def.Columns, def.ExportAsync(db, ct), ct);
    }

    public async Task ExportFileAsync(string kind, string path, CancellationToken ct = default)
    {
        var format = FileFormats.FromName(path) ?? throw new ArgumentException("Gebruik een bestandsnaam die eindigt op .csv of .xlsx.");
        await using var f = File.Create(path);
        await ExportAsync(kind, f, format, ct);
    }

    /// <summary>A template: the Dutch column names and one example row.</summary>
    public static Task WriteTemplateAsync(string kind, Stream output, FileFormat format, CancellationToken ct = default)
    {
        var def = Kind(kind);
        return TabularWriter.WriteAsync(output, format, def.Columns, Example(def), ct);
    }

    public static async Task WriteTemplateFileAsync(string kind, string path, CancellationToken ct = default)
    {
        var format = FileFormats.FromName(path) ?? throw new ArgumentException("Gebruik een bestandsnaam die eindigt op .csv of .xlsx.");
        await using var f = File.Create(path);
        await WriteTemplateAsync(kind, f, format, ct);
    }

    private static async IAsyncEnumerable<object?[]> Example(ImportKind def)
    {
        await Task.CompletedTask;
        yield return def.Columns.Select(c => (object?)(c.Example.Length == 0 ? null : c.Example)).ToArray();
    }
}
