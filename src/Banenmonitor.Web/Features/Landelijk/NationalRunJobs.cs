using System.Collections.Concurrent;
using Banenmonitor.Analytics;
using Banenmonitor.Data;
using Banenmonitor.Reports.National;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Landelijk;

/// <summary>One national run started on the web: its steps as the engine reports them, and the stored run when done.</summary>
public sealed class NationalRunJob
{
    private readonly List<string> _steps = [];
    public Guid Id { get; } = Guid.NewGuid();
    public required int Year { get; init; }
    public required string UserName { get; init; }
    public DateTime Started { get; } = DateTime.UtcNow;
    public volatile bool Finished;
    public volatile string? Error;
    public string? RunId { get; set; }

    /// <summary>The steps so far, oldest first (the last one is the one running).</summary>
    public IReadOnlyList<string> Steps { get { lock (_steps) return [.. _steps]; } }

    internal void Step(string step) { lock (_steps) _steps.Add(step); }
}

/// <summary>
/// The national run on the stored payroll started from the web (<c>/beheer/berekenen</c>): exactly what
/// <c>banenmonitor landelijk --database</c> runs (<see cref="NationalDatabaseRun"/>: export from the database, the DuckDB
/// engine, the run stored), with the web's current parameters (<see cref="ParameterProvider"/>, administrator overrides
/// included), in the background with its steps for the page to poll (as <see cref="Rapporten.ReportJobs"/>). One run
/// per year at a time.
/// </summary>
public sealed class NationalRunJobs(IServiceScopeFactory scopes, ILogger<NationalRunJobs> log)
{
    private readonly ConcurrentDictionary<Guid, NationalRunJob> _jobs = new();
    private readonly Lock _gate = new();

    /// <summary>How long a finished job stays visible.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>When this server started keeping jobs: a job id from before is a run lost by a restart.</summary>
    public DateTime Since { get; } = DateTime.UtcNow;

    public NationalRunJob? Find(Guid id) => _jobs.TryGetValue(id, out var j) ? j : null;

    /// <summary>The run of a year that is still going, or null.</summary>
    public NationalRunJob? Running(int year) => _jobs.Values.FirstOrDefault(j => j.Year == year && !j.Finished);

    /// <summary>Starts the run of a year; when one is already going for that year, that one is returned and nothing starts.</summary>
    public (NationalRunJob Job, bool Started) Start(int year, string userName)
    {
        NationalRunJob job;
        lock (_gate)
        {
            foreach (var old in _jobs.Values.Where(j => j.Finished && j.Started < DateTime.UtcNow - Kept).ToList()) _jobs.TryRemove(old.Id, out _);
            if (Running(year) is { } running) return (running, false);
            job = new NationalRunJob { Year = year, UserName = userName };
            _jobs[job.Id] = job;
        }
        _ = Task.Run(() => RunAsync(job));
        return (job, true);
    }

    private async Task RunAsync(NationalRunJob job)
    {
        try
        {
            job.Step("DuckDB starten");
            NationalEngine.Preload();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
            var parameters = scope.ServiceProvider.GetRequiredService<ParameterProvider>().Current;
            var outcome = await NationalDatabaseRun.RunAsync(db, parameters, job.Year, job.UserName, job.Step);
            job.RunId = outcome.Run.RunId;
        }
        catch (Exception e)
        {
            // The type and the place only: a message could quote stored data.
            log.LogError("Landelijke berekening {Year} mislukt: {Type} {Stack}", job.Year, e.GetType().FullName, e.StackTrace);
            job.Error = "De landelijke berekening is niet gelukt door een fout in het systeem; er is niets opgeslagen. Probeer het opnieuw of meld het aan de beheerder.";
        }
        finally { job.Finished = true; }
    }
}
