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

    private static readonly Lazy<PublishedSectorFigures> SectorsLazy = new(() => PublishedSectorFigures.Parse(
        File.ReadAllText(RepoFile("data/published/documenten.csv")), "documenten.csv",
        File.ReadAllText(RepoFile("data/published/sectoren.csv")), "sectoren.csv"));

    private static readonly Lazy<NationalFigures> NationalLazy = new(() =>
        NationalFigures.Parse(File.ReadAllText(RepoFile("data/published/landelijke_meting.csv")), "landelijke_meting.csv"));

    public static PublishedSectorFigures SectorData => SectorsLazy.Value;
    public static NationalFigures National => NationalLazy.Value;

    public static string Seed(string document)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Seeds");
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
