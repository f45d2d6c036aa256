using System.Reflection;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Laws;

/// <summary>A law in the catalogue: its identifier in the Basiswettenbestand (BWB), the abbreviation the rules use, its title.</summary>
public sealed record Law(string BwbId, string Abbreviation, string Title, string Source)
{
    /// <summary>The consolidated text of the whole law on wetten.overheid.nl.</summary>
    public string Url() => $"https://wetten.overheid.nl/{BwbId}";

    /// <summary>The text of one article (or, with <paramref name="article"/> null, the whole law).</summary>
    public string Url(string? article) => article is null ? Url() : Article(article).Url;

    /// <summary>A reference to one article, optionally one paragraph (<i>lid</i>) of it.</summary>
    public LegalReference Article(string article, string? paragraph = null) => new(BwbId, article, Paragraph: paragraph);

    /// <summary>A reference to a range of articles (<c>2.27–2.31</c>), linked to its first article.</summary>
    public LegalReference Articles(string first, string last) => new(BwbId, first, last);

    /// <summary>A reference to the law as a whole.</summary>
    public LegalReference Whole => new(BwbId);
}

/// <summary>
/// The catalogue of the laws the rules cite (<c>Laws/wetten.csv</c>, embedded): BWB identifier → abbreviation and title.
/// Every <see cref="LegalReference"/> resolves its BWB identifier here; an unknown identifier is an error, never a guess.
/// Identifiers verified against wetten.overheid.nl (see the file's <c>bron</c> column).
/// </summary>
public static class LawCatalog
{
    public const string File = "wetten.csv";
    private static readonly Lazy<IReadOnlyList<Law>> Embedded = new(LoadEmbedded);

    /// <summary>All laws of the catalogue, in file order.</summary>
    public static IReadOnlyList<Law> All => Embedded.Value;

    public static Law Wfsv => Get("BWBR0017745");
    public static Law BesluitWfsv => Get("BWBR0019070");
    public static Law RegelingWfsv => Get("BWBR0019150");
    public static Law WetBanenafspraak => Get("BWBR0051018");
    public static Law Wtl => Get("BWBR0037522");

    public static Law? Find(string bwbId) => All.FirstOrDefault(l => string.Equals(l.BwbId, bwbId, StringComparison.OrdinalIgnoreCase));

    public static Law Get(string bwbId) =>
        Find(bwbId) ?? throw new KeyNotFoundException($"Onbekende wet '{bwbId}': niet in de catalogus van wetten ({File}).");

    /// <summary>The law written as its abbreviation ("Besluit Wfsv") or its BWB identifier; null when the catalogue lacks it.</summary>
    public static Law? Named(string text) =>
        All.FirstOrDefault(l => string.Equals(l.Abbreviation, text, StringComparison.Ordinal)) ?? Find(text);

    private static IReadOnlyList<Law> LoadEmbedded()
    {
        var asm = typeof(LawCatalog).Assembly;
        using var s = asm.GetManifestResourceStream("Laws/" + File) ?? throw new InvalidOperationException($"{File} ontbreekt in de assembly");
        using var r = new StreamReader(s);
        return Load(r.ReadToEnd());
    }

    /// <summary>Reads and checks a catalogue: four columns, a well-formed BWB identifier, no identifier or abbreviation twice.</summary>
    public static IReadOnlyList<Law> Load(string text)
    {
        var laws = new List<Law>();
        var problems = new List<string>();
        foreach (var (line, f) in Csv.Read(new StringReader(text)).Skip(1))
        {
            var at = $"{File}:{line}";
            if (f.Length != 4) { problems.Add($"{at}: verwacht 4 kolommen (bwb_id,afkorting,titel,bron), gevonden {f.Length}"); continue; }
            if (!System.Text.RegularExpressions.Regex.IsMatch(f[0], @"^BWBR\d{7}$")) { problems.Add($"{at}: '{f[0]}' is geen BWB-identificatie (BWBR en zeven cijfers)"); continue; }
            if (laws.Any(l => l.BwbId == f[0] || l.Abbreviation == f[1])) { problems.Add($"{at}: '{f[0]}' of '{f[1]}' staat twee keer in de catalogus"); continue; }
            laws.Add(new Law(f[0], f[1], f[2], f[3]));
        }
        if (problems.Count > 0) throw new ParameterFileException(problems);
        return laws;
    }
}
