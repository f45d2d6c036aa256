using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Rules.Tests.Published;

/// <summary>The real data files of the repository and the seed texts, as the tests read them.</summary>
internal static class PublishedData
{
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} niet gevonden boven {AppContext.BaseDirectory}");
    }

    /// <summary>The repository's data/published, read by the one loader the programs use.</summary>
    private static readonly Lazy<global::Banenmonitor.Rules.Published.PublishedData> Folder = new(() =>
        global::Banenmonitor.Rules.Published.PublishedData.TryFind() ?? throw new FileNotFoundException($"data/published niet gevonden boven {AppContext.BaseDirectory}"));

    public static PublishedSectorFigures SectorData => Folder.Value.SectorFigures;
    public static NationalFigures National => Folder.Value.National;

    public static string DocumentText(string document)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "SourceDocuments");
        var file = Directory.GetFiles(dir, document + "_*.txt").Single();
        return File.ReadAllText(file);
    }

    /// <summary>Lower case, no diacritics, letters and digits only: survives line breaks, hyphenation, OCR accents and curly quotes.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
