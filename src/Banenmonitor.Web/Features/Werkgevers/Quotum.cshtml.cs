using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Quota;
using System.Globalization;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// The public quota calculator: a multi-step form (GET, so it works without JavaScript, stores nothing and can be bookmarked).
/// Each step carries the earlier answers as hidden fields.
/// </summary>
public sealed class QuotumModel(ParameterProvider parameters) : PageModel
{
    public static readonly string[] StepNames = ["Jaar", "Omvang", "Vorig jaar", "Doelgroep", "Uitkomst"];

    [BindProperty(SupportsGet = true, Name = "stap")] public int Stap { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "jaar")] public string? Jaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "verloondeUren")] public string? VerloondeUren { get; set; }
    [BindProperty(SupportsGet = true, Name = "fte")] public string? Fte { get; set; }
    [BindProperty(SupportsGet = true, Name = "urenPerWeek")] public string? UrenPerWeek { get; set; }
    [BindProperty(SupportsGet = true, Name = "verloondeUrenVorigJaar")] public string? VerloondeUrenVorigJaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "fteVorigJaar")] public string? FteVorigJaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "urenDoelgroep")] public string? UrenDoelgroep { get; set; }
    [BindProperty(SupportsGet = true, Name = "fteDoelgroep")] public string? FteDoelgroep { get; set; }

    public QuotumFouten Fouten { get; } = new();
    /// <summary>Why the chosen year cannot be computed (missing value, or another law applies), shown instead of the steps.</summary>
    public QuotaYearBlock? Jaarblokkade { get; private set; }
    public QuotumView? Antwoord { get; private set; }
    public ParameterSet Parameters => parameters.Current;
    public bool FteModus => !string.IsNullOrWhiteSpace(Fte);

    /// <summary>The answers so far, to carry as hidden fields (all except those of the current step).</summary>
    public IEnumerable<(string Name, string Value)> Carried(params string[] except)
    {
        var all = new (string, string?)[]
        {
            ("jaar", Jaar), ("verloondeUren", VerloondeUren), ("fte", Fte), ("urenPerWeek", UrenPerWeek), ("verloondeUrenVorigJaar", VerloondeUrenVorigJaar),
            ("fteVorigJaar", FteVorigJaar), ("urenDoelgroep", UrenDoelgroep), ("fteDoelgroep", FteDoelgroep),
        };
        return all.Where(t => !string.IsNullOrWhiteSpace(t.Item2) && !except.Contains(t.Item1)).Select(t => (t.Item1, t.Item2!));
    }

    public string Link(int step) => "/werkgevers/quotum?" + string.Join("&", Carried().Select(c => $"{c.Name}={Uri.EscapeDataString(c.Value)}").Append($"stap={step}"));

    public void OnGet()
    {
        Stap = Math.Clamp(Stap, 1, 5);
        var q = Vraag(out var parseErrors);
        // Walk the steps: stay at the first step that has a problem.
        for (var s = 1; s < Stap; s++)
        {
            var errors = s == 1 ? QuotaService.Validate(q, Parameters, 1) : QuotaService.Validate(q, Parameters, s);
            foreach (var (k, v) in parseErrors) errors.TryAdd(k, v);
            var relevant = errors.Where(e => StepOf(e.Key) <= s).ToList();
            if (relevant.Count > 0)
            {
                Stap = s;
                if (s == 1 && q.Jaar is { } y && y >= QuotaService.FirstYear) Jaarblokkade = QuotaYears.Check(Parameters, y).Block;
                foreach (var (k, v) in relevant.Where(r => Jaarblokkade is null || r.Key != "jaar")) Fouten[k] = v;
                return;
            }
        }
        // A chosen year shown again at step 1 (back link, bookmark) says at once why it cannot be computed.
        if (Stap == 1 && q.Jaar is { } chosen && chosen >= QuotaService.FirstYear) Jaarblokkade = QuotaYears.Check(Parameters, chosen).Block;
        if (Stap == 5)
        {
            Antwoord = QuotaService.TryCompute(q, Parameters, out var tooLarge);
            if (tooLarge is not null) { Stap = 2; Fouten["omvang"] = tooLarge; }
        }
    }

    private static int StepOf(string field) => field switch
    {
        "jaar" => 1,
        "omvang" or "verloondeUren" or "fte" or "urenPerWeek" => 2,
        "vorigJaar" => 3,
        _ => 4,
    };

    private QuotumVraag Vraag(out Dictionary<string, string> errors)
    {
        var e = new Dictionary<string, string>();
        decimal? D(string? s, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(s)) return null;
            var r = Rules.Text.DutchNumber.ReadField(s, field == "urenPerWeek" ? Rules.Text.NumberLimits.HoursPerWeek : label.StartsWith("Fte") ? Rules.Text.NumberLimits.Jobs : Rules.Text.NumberLimits.EmployerPaidHours);
            if (r.Ok) return r.Value;
            e[field] = $"{label}: {r.Error}.";
            return null;
        }
        int? year = int.TryParse(Jaar, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        var q = new QuotumVraag(year,
            D(VerloondeUren, "verloondeUren", "Verloonde uren"), D(Fte, "fte", "Fte"), D(UrenPerWeek, "urenPerWeek", "Uren per week"),
            D(VerloondeUrenVorigJaar, "vorigJaar", "Verloonde uren vorig jaar"), D(FteVorigJaar, "vorigJaar", "Fte vorig jaar"),
            D(UrenDoelgroep, "doelgroep", "Uren doelgroep"), D(FteDoelgroep, "doelgroep", "Fte doelgroep"));
        errors = e;
        return q;
    }
}
