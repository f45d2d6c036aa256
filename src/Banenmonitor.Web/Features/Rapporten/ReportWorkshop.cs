using System.Collections.Concurrent;
using Banenmonitor.Data;
using Banenmonitor.Data.Resolutions;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Rapporten;

/// <summary>
/// The yearly progress report in the web app: its sources (the published figures, the approved sector reports and the
/// parameters in force), the substantive findings of a year with their resolutions, and the report itself.
/// </summary>
public sealed class ReportWorkshop(BanenmonitorDbContext db, ParameterProvider parameters, TimeProvider clock)
{
    /// <summary>The published figures, the approved sector reports and the work agendas (with their monitoring as of today).</summary>
    public async Task<ReportSources> SourcesAsync(int year, CancellationToken ct = default) =>
        await ReportSources.Embedded(parameters.Current).WithApprovedReports(await SectorReportStore.LoadApprovedAsync(db, year, parameters.Current, ct))
            .WithWorkAgendas(await WorkAgendaStore.LoadAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
            .WithSectorEmployersAsync(db, year, ct);

    /// <summary>The years a report can be made for: those with sector figures or a national measurement.</summary>
    public static IReadOnlyList<int> Years(ReportSources s) =>
        s.Sectors.Figures.Where(f => s.Sectors.ReportYearOf(f.Document) == f.Year).Select(f => f.Year)
            .Concat(s.National.Years).Distinct().Order().ToList();

    public async Task<IReadOnlyList<Finding>> FindingsAsync(int year, CancellationToken ct = default)
    {
        var sources = await SourcesAsync(year, ct);
        return new ReportBuilder(sources).Findings(year, await new ResolutionService(db).CurrentAsync(year, ct));
    }

    /// <summary>
    /// Builds the report of a year with the year's current resolutions: final when <paramref name="concept"/> is false
    /// (throws <see cref="ReportRefusedException"/> while a substantive finding is unresolved), otherwise a marked concept.
    /// </summary>
    public async Task<(ProgressReport Report, ReportSources Sources, IReadOnlyList<Resolution> Resolutions)> BuildAsync(int year, bool concept, CancellationToken ct = default)
    {
        var sources = await SourcesAsync(year, ct);
        var resolutions = await new ResolutionService(db).CurrentAsync(year, ct);
        return (new ReportBuilder(sources).Build(year, null, concept, resolutions), sources, resolutions);
    }
}

/// <summary>One build of the report, run in the background so the page can show its progress.</summary>
public sealed class ReportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required int Year { get; init; }
    public required bool Concept { get; init; }
    public required bool Publish { get; init; }
    public required string UserName { get; init; }
    public DateTime Started { get; } = DateTime.UtcNow;
    public int Total => Publish ? 5 : 4;
    public volatile int Done;
    public volatile string Step = "wacht op de start";
    public volatile bool Finished;
    public volatile string? Error;
    public byte[]? Html, Pdf, Xlsx;
    public int? PublishedId, PublishedVersion;
    public int Percent => Finished ? 100 : Done * 100 / Total;
}

/// <summary>
/// Runs report builds in the background (rendering a PDF takes seconds): each job reports its step, and keeps its
/// files for download for an hour. Publishing stores an immutable version (<see cref="PublishedReportStore"/>).
/// </summary>
public sealed class ReportJobs(IServiceScopeFactory scopes, ILogger<ReportJobs> log)
{
    private readonly ConcurrentDictionary<Guid, ReportJob> _jobs = new();

    /// <summary>When this server started keeping jobs: a job id from before is a build lost by a restart.</summary>
    public DateTime Since { get; } = DateTime.UtcNow;

    /// <summary>How long a finished build keeps its files.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    public ReportJob? Find(Guid id, string userName) =>
        _jobs.TryGetValue(id, out var j) && j.UserName == userName ? j : null;

    public ReportJob Start(int year, bool concept, bool publish, string userName)
    {
        foreach (var old in _jobs.Values.Where(j => j.Started < DateTime.UtcNow - Kept).ToList()) _jobs.TryRemove(old.Id, out _);
        var job = new ReportJob { Year = year, Concept = concept && !publish, Publish = publish, UserName = userName };
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    private async Task RunAsync(ReportJob job)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var workshop = scope.ServiceProvider.GetRequiredService<ReportWorkshop>();
            job.Step = "controle en opbouw van het rapport";
            var (report, sources, resolutions) = await workshop.BuildAsync(job.Year, job.Concept);
            job.Done = 1;
            job.Step = "HTML";
            job.Html = HtmlReportRenderer.RenderBytes(report);
            job.Done = 2;
            job.Step = "PDF (headless Chromium)";
            job.Pdf = await new PdfReportRenderer().RenderAsync(report);
            job.Done = 3;
            job.Step = "Excel";
            job.Xlsx = XlsxReportRenderer.Render(report);
            job.Done = 4;
            if (job.Publish)
            {
                job.Step = "publiceren";
                var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
                var parameters = scope.ServiceProvider.GetRequiredService<ParameterProvider>().Current;
                var stored = await new PublishedReportStore(db).PublishAsync(new ReportFiles(job.Year, report.Title, job.Pdf, job.Xlsx, job.Html,
                    ReportVersions.Data(sources), ReportVersions.Parameters(parameters), resolutions.Select(r => r.Id).ToList()), job.UserName);
                (job.PublishedId, job.PublishedVersion) = (stored.Id, stored.Version);
                job.Done = 5;
            }
            job.Step = "klaar";
        }
        catch (ReportRefusedException e) { job.Error = e.Message + "\n" + ReportRefusedException.WebsiteAdvice; }
        catch (PdfRenderingException e) { job.Error = e.Message; }
        catch (Exception e)
        {
            log.LogError(e, "Rapport {Year} opstellen mislukt", job.Year);
            job.Error = "Het rapport kon niet worden gemaakt door een fout in het systeem; probeer het opnieuw of meld het aan de beheerder.";
        }
        finally { job.Finished = true; }
    }
}
