using System.Text.RegularExpressions;

namespace Banenmonitor.Rules.Explanations;

/// <summary>
/// A law the rules cite, with where its text is published. <paramref name="BwbId"/> is the identifier of the
/// consolidated text on wetten.overheid.nl (Basiswettenbestand); <paramref name="PublicationUrl"/> is used instead for
/// a regulation whose BWB identifier is not verified.
/// </summary>
public sealed record Law(string Abbreviation, string Title, string? BwbId, string? PublicationUrl = null)
{
    /// <summary>The text of the law, or of one article of it (the stable <c>jci1.3</c> reference of wetten.overheid.nl).</summary>
    public string Url(string? article = null) =>
        BwbId is null ? PublicationUrl!
        : article is null ? $"https://wetten.overheid.nl/{BwbId}"
        : $"https://wetten.overheid.nl/jci1.3:c:{BwbId}&artikel={Uri.EscapeDataString(article)}";
}

/// <summary>One piece of a legal reference as shown to users: text, linked to the article's text when it names one.</summary>
public sealed record WetLink(string Tekst, string? Url);

/// <summary>
/// The one catalogue of the laws the rules cite (abbreviation → BWB identifier), and the turning of a reference such as
/// "Wfsv art. 38g lid 3; Besluit Wfsv art. 2.22" into links to the articles on wetten.overheid.nl.
/// Identifiers as in the project's sources (FACTS.md, "Sources") and wetten.overheid.nl.
/// </summary>
public static partial class LawReferences
{
    public static readonly Law Wfsv = new("Wfsv", "Wet financiering sociale verzekeringen", "BWBR0017745");
    public static readonly Law BesluitWfsv = new("Besluit Wfsv", "Besluit Wfsv", "BWBR0019070");
    /// <summary>The Regeling Wfsv as published in Staatscourant 2015, 31250 (its BWB identifier is not verified).</summary>
    public static readonly Law RegelingWfsv = new("Regeling Wfsv", "Regeling Wfsv", null, "https://zoek.officielebekendmakingen.nl/stcrt-2015-31250.html");
    public static readonly Law WetBanenafspraak = new("Wet banenafspraak", "Wet banenafspraak", "BWBR0051018");
    public static readonly Law Wtl = new("Wtl", "Wet tegemoetkomingen loondomein", "BWBR0037522");

    /// <summary>All laws, longest abbreviation first (so "Besluit Wfsv" is not read as "Wfsv").</summary>
    public static IReadOnlyList<Law> All { get; } = new[] { Wfsv, BesluitWfsv, RegelingWfsv, WetBanenafspraak, Wtl }
        .OrderByDescending(l => l.Abbreviation.Length).ToList();

    // An article number (34, 38b, 2.22, 122na) after "art.", not a paragraph number after "lid" or "lid 4 en".
    [GeneratedRegex(@"(?<!lid )(?<!lid \d+ en )(?<![\w.])\d+[a-z]{0,3}(?:\.\d+[a-z]{0,3})?(?![\w.])")]
    private static partial Regex ArticleNumber();

    /// <summary>
    /// The reference split into text and links: every article number of a known law links to that article. The
    /// references are the rules' own texts (law abbreviation, "art.", numbers, "lid", "en", ranges); a few lines of
    /// matching do here what no library does for this short Dutch notation.
    /// </summary>
    public static IReadOnlyList<WetLink> Links(string? reference)
    {
        var pieces = new List<WetLink>();
        if (string.IsNullOrWhiteSpace(reference)) return pieces;
        var segments = reference.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) pieces.Add(new(";", null));
            var segment = segments[i];
            var trimmed = segment.TrimStart();
            var law = All.FirstOrDefault(l => trimmed.StartsWith(l.Abbreviation + " art.", StringComparison.Ordinal));
            if (law is null)
            {
                // A law named without an article ("Wtl (BWBR0037522)"): the name links to the law's text.
                var named = All.FirstOrDefault(l => trimmed.StartsWith(l.Abbreviation, StringComparison.Ordinal)
                                                    && (trimmed.Length == l.Abbreviation.Length || !char.IsLetterOrDigit(trimmed[l.Abbreviation.Length])));
                if (named is null) { pieces.Add(new(segment, null)); continue; }
                var lead = segment.Length - trimmed.Length;
                pieces.Add(new(segment[..lead], null));
                pieces.Add(new(named.Abbreviation, named.Url()));
                pieces.Add(new(segment[(lead + named.Abbreviation.Length)..], null));
                continue;
            }
            var start = segment.Length - trimmed.Length + law.Abbreviation.Length + " art.".Length;
            pieces.Add(new(segment[..start], null));
            var rest = segment[start..];
            var at = 0;
            foreach (Match m in ArticleNumber().Matches(rest))
            {
                if (m.Index > at) pieces.Add(new(rest[at..m.Index], null));
                pieces.Add(new(m.Value, law.Url(m.Value)));
                at = m.Index + m.Length;
            }
            if (at < rest.Length) pieces.Add(new(rest[at..], null));
        }
        return Merge(pieces);
    }

    /// <summary>Adjacent unlinked pieces joined, so the reference reads as one text.</summary>
    private static List<WetLink> Merge(List<WetLink> pieces)
    {
        var merged = new List<WetLink>();
        foreach (var p in pieces)
        {
            if (p.Url is null && merged.Count > 0 && merged[^1].Url is null) merged[^1] = new(merged[^1].Tekst + p.Tekst, null);
            else merged.Add(p);
        }
        return merged;
    }
}
