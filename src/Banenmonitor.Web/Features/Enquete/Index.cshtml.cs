using System.Globalization;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Enquete;

/// <summary>
/// <c>/enquete</c>: a weighted survey estimate from two uploaded files (population per weighting cell and responses), open
/// to everyone. The estimator, design strata, post-strata, weights, finite population correction, exclusions, cell
/// collapsing and domains are chosen in the form; the result shows the weight per cell, the estimate, its standard error
/// and interval, and can be downloaded as CSV or XLSX. Nothing is stored: the files live for one request and travel
/// back to the browser in hidden fields so that the form keeps them.
/// </summary>
public sealed class IndexModel : PageModel
{
    [BindProperty] public string Schatter { get; set; } = "ratio";
    [BindProperty] public string? Teller { get; set; }
    [BindProperty] public string? Noemer { get; set; }
    [BindProperty] public string? Strata { get; set; }
    [BindProperty] public string? Poststrata { get; set; }
    [BindProperty] public string? Gewicht { get; set; }
    [BindProperty] public bool Fpc { get; set; }
    [BindProperty] public string? FpcKolom { get; set; }
    [BindProperty] public string? Domein { get; set; }
    [BindProperty] public string? Uitsluiten { get; set; }
    [BindProperty] public string? SamenvoegenKolom { get; set; }
    [BindProperty] public string? SamenvoegenMinimum { get; set; }
    [BindProperty] public string? Buren { get; set; }
    [BindProperty] public string? Betrouwbaarheid { get; set; } = "95";
    [BindProperty] public string Interval { get; set; } = "t";
    [BindProperty] public string EnkeleRespondent { get; set; } = "fout";
    [BindProperty] public string? PopulatieNaam { get; set; }
    [BindProperty] public string? PopulatieInhoud { get; set; }
    [BindProperty] public string? ResponsNaam { get; set; }
    [BindProperty] public string? ResponsInhoud { get; set; }

    /// <summary>Problems with the input: field id (for the link in the summary) → Dutch message.</summary>
    public List<(string Veld, string Melding)> Fouten { get; } = [];
    public EnqueteResult? Uitkomst { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSchattenAsync(IFormFile? populatie, IFormFile? respons, CancellationToken ct)
    {
        Uitkomst = await EstimateAsync(populatie, respons, ct);
        return Page();
    }

    /// <summary>The result as CSV or XLSX (tabel: schattingen or cellen), computed again from the carried files.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(IFormFile? populatie, IFormFile? respons, string? formaat, string? tabel, CancellationToken ct)
    {
        Uitkomst = await EstimateAsync(populatie, respons, ct);
        if (Uitkomst is null) return Page();
        var data = tabel == "cellen" ? SurveyResultTables.Cells(Uitkomst) : SurveyResultTables.Estimates(Uitkomst);
        var name = $"banenmonitor-enquete-{(tabel == "cellen" ? "weegcellen" : "schatting")}";
        return formaat == "xlsx"
            ? File(TableDownloads.Xlsx(data), TableDownloads.XlsxContentType, name + ".xlsx")
            : File(TableDownloads.Csv(data), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<EnqueteResult?> EstimateAsync(IFormFile? populatie, IFormFile? respons, CancellationToken ct)
    {
        var (pop, popError) = await SurveyUpload.FromAsync(populatie, PopulatieNaam, PopulatieInhoud, ct);
        var (resp, respError) = await SurveyUpload.FromAsync(respons, ResponsNaam, ResponsInhoud, ct);
        if (popError is not null) Fouten.Add(("populatie", popError));
        if (respError is not null) Fouten.Add(("respons", respError));
        // keep what was sent: the form shows the file names and sends the files again next time
        (PopulatieNaam, PopulatieInhoud) = pop is null ? (null, null) : (pop.Name, pop.Carried);
        (ResponsNaam, ResponsInhoud) = resp is null ? (null, null) : (resp.Name, resp.Carried);
        if (resp is null && respError is null) Fouten.Add(("respons", "Kies een responsbestand (CSV of Excel, één rij per respondent)."));
        var options = Options();
        if (Fouten.Count > 0 || options is null) return null;
        try
        {
            var result = EnqueteService.Estimate(pop?.Table(), resp!.Table(), options);
            return result;
        }
        catch (SurveyDataException e)
        {
            var field = pop is not null && e.Message.StartsWith(pop.Name, StringComparison.Ordinal) && !e.Message.StartsWith(resp!.Name, StringComparison.Ordinal)
                ? "populatie" : "respons";
            Fouten.Add((field, e.Message));
            return null;
        }
    }

    private static string[]? Columns(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } c ? c : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The options of the form, or null (with <see cref="Fouten"/>) when a field is not valid.</summary>
    private EnqueteOptions? Options()
    {
        var errors = Fouten.Count;
        if (!EstimatorKindText.TryParse(Schatter ?? "", out var kind)) Fouten.Add(("schatter", "Kies een schatter: ratio, totaal, gemiddelde of proportie."));
        var teller = Blank(Teller);
        var noemer = Blank(Noemer);
        if (teller is null) Fouten.Add(("teller", kind == EstimatorKind.Ratio ? "Vul de kolom van de teller in." : "Vul de kolom van de variabele in."));
        if (kind == EstimatorKind.Ratio && noemer is null) Fouten.Add(("noemer", "Een ratio vraagt een noemer: vul de kolom van de noemer in."));
        if (kind != EstimatorKind.Ratio) noemer = null;

        var level = 95m;
        if (Blank(Betrouwbaarheid) is { } b)
        {
            var read = DutchNumber.ReadField(b, NumberLimits.ConfidenceLevel);
            if (!read.Ok) Fouten.Add(("betrouwbaarheid", $"Betrouwbaarheid: {read.Error}."));
            else if (read.Value is <= 0 or >= 100) Fouten.Add(("betrouwbaarheid", "De betrouwbaarheid ligt tussen 0 en 100 procent (bijvoorbeeld 95)."));
            else level = read.Value;
        }
        var method = Interval == "normaal" ? IntervalMethod.Normal : IntervalMethod.StudentT;
        var lonely = EnkeleRespondent == "weglaten" ? LonelyUnitPolicy.Remove : LonelyUnitPolicy.Fail;

        var exclusions = new List<ExclusionFilter>();
        foreach (var line in Lines(Uitsluiten))
        {
            var parts = line.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                Fouten.Add(("uitsluiten", $"Uitsluiten: '{line}' heeft niet de vorm KOLOM=WAARDE[,WAARDE]."));
                continue;
            }
            exclusions.Add(new ExclusionFilter(parts[0].Trim(), parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        }

        CellCollapse? collapse = null;
        if (Blank(SamenvoegenKolom) is { } col)
        {
            var min = 0;
            var read = DutchNumber.ReadField(SamenvoegenMinimum ?? "", new NumberBounds(1, 1_000_000, 0, "een cel van meer dan een miljoen respondenten is geen kleine cel"));
            if (!read.Ok) Fouten.Add(("samenvoegenMinimum", $"Minimum aantal respondenten per cel: {read.Error}."));
            else min = (int)read.Value;
            var neighbours = new Dictionary<string, string>();
            foreach (var line in Lines(Buren))
            {
                var p = line.Split('=', 2);
                if (p.Length != 2 || p[0].Trim().Length == 0 || p[1].Trim().Length == 0)
                    Fouten.Add(("buren", $"Buren: '{line}' heeft niet de vorm VAN=NAAR."));
                else neighbours[p[0].Trim()] = p[1].Trim();
            }
            collapse = new CellCollapse(col, min, neighbours);
        }
        else if (Lines(Buren).Any()) Fouten.Add(("samenvoegenKolom", "Buren horen bij samenvoegen: vul ook de kolom in waarvan kleine cellen samengaan."));

        if (Fouten.Count > errors) return null;
        return new EnqueteOptions(kind, teller!, noemer, Columns(Strata), Blank(Gewicht), Fpc && Blank(FpcKolom) is null, Blank(Domein),
            exclusions, collapse, new IntervalOptions((double)level / 100, method), lonely, Columns(Poststrata), Blank(FpcKolom));
    }

    public string? Err(string field) => Fouten.FirstOrDefault(f => f.Veld == field).Melding;

    /// <summary>An estimate as shown: ratio and proportion as a percentage, a mean with four decimals, a total with one.</summary>
    public static string Show(SurveyEstimate e, double v) => !double.IsFinite(v) ? "—" : e.Kind switch
    {
        EstimatorKind.Ratio or EstimatorKind.Proportion => DutchFormat.Fixed((decimal)(v * 100), 2) + "%",
        EstimatorKind.Mean => DutchFormat.Fixed((decimal)v, 4),
        _ => DutchFormat.Fixed((decimal)v, 1),
    };

    public static string Num(double v, int decimals) => double.IsFinite(v) ? DutchFormat.Fixed((decimal)v, decimals) : "—";
}
