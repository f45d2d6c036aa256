using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Landelijk;

public sealed class IndexModel(ParameterProvider parameters, BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    public NationalView View { get; private set; } = null!;
    /// <summary>The latest run of the national engine on the stored payroll for the chosen year, beside the published figures; null when none.</summary>
    public StoredRunView? Berekend { get; private set; }
    /// <summary>Why the shown run may not be the official figure: it used other parameter values than those in force, or a later run did.</summary>
    public ParameterNote? Parameterverschil { get; private set; }
    /// <summary>The current published progress report over the chosen year (the one its figures appeared in); null when none is published.</summary>
    public Banenmonitor.Data.Model.PublishedReport? Rapport { get; private set; }
    /// <summary>The shown run's measurement per quarter and labour-market region; null when the run has none.</summary>
    public QuarterRegionView? KwartalenRegios { get; private set; }
    /// <summary>The UWV quarterly figures of the chosen year (indicative; every year has this, with a sentence when there are none).</summary>
    public Banenmonitor.Rules.Contracts.KwartaalcijfersView Kwartaalcijfers { get; private set; } = null!;
    /// <summary>When the asked year has no national measurement: which year is shown instead and why; null otherwise.</summary>
    public string? JaarMelding { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = NationalQuery.View(parameters.Current, Jaar);
        if (Jaar is { } asked && asked != View.Gekozen.Jaar)
            JaarMelding = $"Over {asked} is geen landelijke meting beschikbaar (de jaren met een meting staan hieronder); u ziet {View.Gekozen.Jaar}, het laatste jaar met een meting.";
        Kwartaalcijfers = QuarterlyFiguresView.For(View.Gekozen.Jaar);
        var now = NationalRuns.ParametersOfYear(parameters.Current, View.Gekozen.Jaar);
        var (run, newer) = await NationalRuns.ForParametersAsync(db, View.Gekozen.Jaar, now.Fingerprint, ct);
        Berekend = run is null ? null : StoredRunView.From(run, View.Gekozen);
        KwartalenRegios = run is null ? null : QuarterRegionView.From(run);
        if (run is not null && run.ParametersFingerprint != now.Fingerprint)
            Parameterverschil = new(false, run.ComputedAt, NationalRuns.ParameterDifferences(run, now.Values));
        else if (newer is not null)
            Parameterverschil = new(true, newer.ComputedAt, NationalRuns.ParameterDifferences(newer, now.Values));
        Rapport = (await new Banenmonitor.Data.Resolutions.PublishedReportStore(db).CurrentAsync(ct)).FirstOrDefault(r => r.Year == View.Gekozen.Jaar);
    }
}
