using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Banenmonitor.Rules.Laws;

/// <summary>One piece of a legal reference as shown to users: text, linked to the article's text when it names one.</summary>
public sealed record WetLink(string Tekst, string? Url);

/// <summary>
/// A reference to the text of a law: its BWB identifier (resolved in <see cref="LawCatalog"/>), an article (or a range of
/// articles, <see cref="Through"/>), a paragraph (<i>lid</i>) and the date of the version meant (null: the version in force
/// today). <see cref="Url"/> is the article's permanent link on wetten.overheid.nl (the <c>jci1.3</c> form the site gives
/// under "permanente link": <c>https://wetten.overheid.nl/jci1.3:c:BWBR…&amp;artikel=…&amp;lid=…&amp;g=…&amp;z=…</c>).
/// </summary>
public sealed partial record LegalReference(string BwbId, string? Article = null, string? Through = null, string? Paragraph = null, DateOnly? Version = null)
{
    /// <summary>The law from the catalogue; throws when the BWB identifier is not in it.</summary>
    public Law Law => LawCatalog.Get(BwbId);

    /// <summary>The same reference to the version of the law in force on <paramref name="date"/>.</summary>
    public LegalReference On(DateOnly date) => this with { Version = date };

    public string Url
    {
        get
        {
            if (Article is null)
                return Version is { } v0 ? $"https://wetten.overheid.nl/{BwbId}/{v0:yyyy-MM-dd}" : $"https://wetten.overheid.nl/{BwbId}";
            var sb = new StringBuilder($"https://wetten.overheid.nl/jci1.3:c:{BwbId}&artikel={Uri.EscapeDataString(Article)}");
            if (Paragraph is not null) sb.Append("&lid=").Append(Uri.EscapeDataString(Paragraph));
            if (Version is { } v) sb.Append(CultureInfo.InvariantCulture, $"&g={v:yyyy-MM-dd}&z={v:yyyy-MM-dd}");
            return sb.ToString();
        }
    }

    /// <summary>"Wfsv art. 38g lid 3".</summary>
    public override string ToString() => Text([this]);

    private string ArticleText => Through is null ? Article! : $"{Article}–{Through}";

    /// <summary>
    /// A list of references as one Dutch text, consecutive references to the same law and article joined:
    /// [Wfsv 34 lid 4, Wfsv 34 lid 6, Besluit Wfsv 2.20–2.21] → "Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21".
    /// With <paramref name="withIds"/> the BWB identifier follows each law ("Wtl (BWBR0037522)").
    /// </summary>
    public static string Text(IReadOnlyList<LegalReference> references, bool withIds = false) =>
        string.Concat(Links(references, withIds).Select(l => l.Tekst));

    /// <summary>The same text in pieces, each article (and each further paragraph) linked to its text on wetten.overheid.nl.</summary>
    public static IReadOnlyList<WetLink> Links(IReadOnlyList<LegalReference> references, bool withIds = false)
    {
        var pieces = new List<WetLink>();
        var i = 0;
        while (i < references.Count)
        {
            var law = references[i].Law;
            if (pieces.Count > 0) pieces.Add(new("; ", null));
            if (references[i].Article is null)
            {
                pieces.Add(new(law.Abbreviation, references[i].Url));
                if (withIds) pieces.Add(new($" ({law.BwbId})", null));
                i++;
                continue;
            }
            pieces.Add(new(law.Abbreviation + " art. ", null));
            var firstArticle = true;
            while (i < references.Count && references[i].BwbId == law.BwbId && references[i].Article is not null)
            {
                var r = references[i];
                if (!firstArticle) pieces.Add(new(" en ", null));
                firstArticle = false;
                pieces.Add(new(r.ArticleText + (r.Paragraph is null ? "" : $" lid {r.Paragraph}"), r.Url));
                i++;
                // Further paragraphs of the same article: "lid 4 en 6".
                while (r.Paragraph is not null && i < references.Count && references[i] is { Paragraph: not null } next
                       && next.BwbId == r.BwbId && next.Article == r.Article && next.Through == r.Through)
                {
                    pieces.Add(new(" en ", null));
                    pieces.Add(new(next.Paragraph!, next.Url));
                    i++;
                }
            }
            if (withIds) pieces.Add(new($" ({law.BwbId})", null));
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

    [GeneratedRegex(@"^\d+[a-z]{0,3}(?:\.\d+[a-z]{0,3})?$")]
    private static partial Regex ArticleNumber();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex ParagraphNumber();

    /// <summary>
    /// Reads references written as <see cref="Text"/> writes them: segments separated by ';', each a law (abbreviation from the
    /// catalogue or its BWB identifier), optionally "art." with articles or ranges (2.27–2.31) joined by "en" or ',', each
    /// optionally "lid" with paragraphs joined by "en", and optionally "@jjjj-mm-dd" for the version meant. Throws a
    /// <see cref="FormatException"/> in Dutch naming what could not be read; nothing is guessed.
    /// </summary>
    public static IReadOnlyList<LegalReference> Parse(string text)
    {
        var result = new List<LegalReference>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var raw in text.Split(';'))
        {
            var segment = raw.Trim();
            DateOnly? version = null;
            var at = segment.IndexOf('@');
            if (at >= 0)
            {
                var date = segment[(at + 1)..].Trim();
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new FormatException($"wetsverwijzing '{segment}': versiedatum '{date}' is geen datum (jjjj-mm-dd)");
                version = d;
                segment = segment[..at].Trim();
            }
            var art = segment.IndexOf(" art.", StringComparison.Ordinal);
            var lawText = art < 0 ? segment : segment[..art];
            var law = LawCatalog.Named(lawText)
                      ?? throw new FormatException($"wetsverwijzing '{raw.Trim()}': wet '{lawText}' staat niet in de catalogus van wetten ({string.Join(", ", LawCatalog.All.Select(l => l.Abbreviation))})");
            if (art < 0) { result.Add(new LegalReference(law.BwbId, Version: version)); continue; }
            var tokens = segment[(art + " art.".Length)..].Replace(",", " , ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? article = null, through = null;
            var inParagraphs = false;
            var pendingParagraphs = new List<string>();
            void Flush()
            {
                if (article is null) return;
                if (pendingParagraphs.Count == 0) result.Add(new LegalReference(law.BwbId, article, through, null, version));
                foreach (var p in pendingParagraphs) result.Add(new LegalReference(law.BwbId, article, through, p, version));
                article = through = null;
                pendingParagraphs.Clear();
                inParagraphs = false;
            }
            for (var t = 0; t < tokens.Length; t++)
            {
                var tok = tokens[t];
                if (tok is "en" or ",") continue;
                if (tok == "lid") { if (article is null) throw Bad(raw, "'lid' zonder artikel"); inParagraphs = true; continue; }
                if (inParagraphs && ParagraphNumber().IsMatch(tok) && tokens[t - 1] is "lid" or "en") { pendingParagraphs.Add(tok); continue; }
                Flush();
                var range = tok.Split('–', '-');
                if (range.Length > 2 || !range.All(r => ArticleNumber().IsMatch(r))) throw Bad(raw, $"'{tok}' is geen artikelnummer");
                article = range[0];
                through = range.Length == 2 ? range[1] : null;
            }
            if (article is null) throw Bad(raw, "geen artikelnummer na 'art.'");
            Flush();
        }
        return result;
    }

    private static FormatException Bad(string segment, string why) => new($"wetsverwijzing '{segment.Trim()}': {why}");
}
