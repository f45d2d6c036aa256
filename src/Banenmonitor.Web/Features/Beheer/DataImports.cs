using System.Collections.Concurrent;
using System.Security.Cryptography;
using Banenmonitor.Data;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>
/// Settings of the page "Gegevens inlezen" (section <c>Banenmonitor:Inlezen</c>): the largest file accepted
/// (<c>MaxMegabytes</c>, default 250 MB — a year of payroll for a million rows with pseudonyms is about 120 MB), the
/// folder where an upload waits between check and write (<c>Map</c>, default a folder in the system's temp folder), and
/// how long an upload that is not written is kept (<c>BewaarMinuten</c>, default 60).
/// </summary>
public sealed record DataImportSettings(long MaxBytes, string Folder, TimeSpan Kept)
{
    public const string Section = "Banenmonitor:Inlezen";

    public static DataImportSettings From(IConfiguration config)
    {
        var section = config.GetSection(Section);
        var mb = section.GetValue<long?>("MaxMegabytes") ?? 250;
        if (mb < 1) throw new ArgumentException($"{Section}:MaxMegabytes moet minstens 1 zijn.");
        var folder = section["Map"] is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "banenmonitor-inlezen");
        var minutes = section.GetValue<int?>("BewaarMinuten") ?? 60;
        return new DataImportSettings(mb * 1_000_000, folder, TimeSpan.FromMinutes(Math.Max(1, minutes)));
    }

    /// <summary>The limit as the page says it ("250 MB").</summary>
    public string MaxText => $"{MaxBytes / 1_000_000} MB";

    /// <summary>Whether a request is an upload to this page (its size limit applies, not the 5 MB of the other uploads).</summary>
    public static bool IsUpload(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/beheer/inlezen", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The kinds the ministry reads in on the web, with their Dutch labels (the importer's names stay the keys).</summary>
public static class DataImportKinds
{
    public const string Registrations = "doelgroepregistraties";
    public const string SroiPlacements = "sroi-plaatsingen";

    public static readonly IReadOnlyList<(string Name, string Label)> All =
    [
        ("werkgevers", "Werkgevers"),
        ("verloonde-uren", "Verloonde uren"),
        (Registrations, "Doelgroepregistraties"),
        ("inleen-toerekeningen", "Inleentoerekeningen"),
        (SroiPlacements, "SROI-plaatsingen"),
    ];

    public static string? Label(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)).Label;

    /// <summary>The kind among those offered (any capitals), or null.</summary>
    public static ImportKind? Find(string? name) => Label(name) is null ? null : ImportKinds.Find(name!);
}

public enum DataImportState { Checking, Checked, Refused, Writing, Written, Failed, Cancelled }

/// <summary>
/// One uploaded file on its way in: checked (as <c>import --controleren</c>), then, after the user confirms, written
/// from the same stored file. Lives in the server's memory; the file lives in <see cref="DataImportSettings.Folder"/>
/// under a random id and is deleted after writing, after a refused check or a cancel, and after <see cref="DataImportSettings.Kept"/>.
/// </summary>
public sealed class DataImport
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public required string UserName { get; init; }
    public required long Size { get; init; }
    public required string Hash { get; init; }
    public required string Path { get; init; }
    /// <summary>The earlier import of the same file (same kind and SHA-256 as the importer records), if any.</summary>
    public PreviousImport? Previous { get; init; }
    public DateTime Started { get; } = DateTime.UtcNow;
    public DateTime Touched { get; set; } = DateTime.UtcNow;
    public volatile DataImportState State = DataImportState.Checking;
    public volatile string Step = "wacht op de start";
    public long RowsRead, BytesRead;
    public ImportResult? Check { get; set; }
    public ImportResult? Result { get; set; }
    public string? Error { get; set; }
    public bool Busy => State is DataImportState.Checking or DataImportState.Writing;
    public int Percent => Size > 0 ? (int)Math.Min(99, Interlocked.Read(ref BytesRead) * 100 / Size) : 0;
}

public sealed record PreviousImport(Guid Id, DateTime StartedAt, string UserName, string FileName);

/// <summary>
/// The uploads of the page "Gegevens inlezen" and their background jobs (as <see cref="Rapporten.ReportJobs"/>): the
/// check and the write run in their own scope with the platform's <see cref="ImportService"/> — the CLI's code path —
/// and report their progress for the page to poll. Nothing of a file's content is logged.
/// </summary>
public sealed class DataImports : IDisposable
{
    private readonly ConcurrentDictionary<Guid, DataImport> _imports = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DataImports> _log;
    private readonly Timer _sweeper;

    public DataImports(DataImportSettings settings, IServiceScopeFactory scopes, ILogger<DataImports> log)
    {
        Settings = settings;
        _scopes = scopes;
        _log = log;
        _sweeper = new Timer(_ => Sweep(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public DataImportSettings Settings { get; }

    /// <summary>When this server started keeping uploads: an id from before is an upload lost by a restart.</summary>
    public DateTime Since { get; } = DateTime.UtcNow;

    public DataImport? Find(Guid id, string userName) =>
        _imports.TryGetValue(id, out var i) && i.UserName == userName ? i : null;

    /// <summary>Stores the upload under a random id (hashing it on the way) and starts its check.</summary>
    public async Task<DataImport> StartAsync(Stream content, string kind, string fileName, string userName, CancellationToken ct)
    {
        Sweep();
        var folder = Directory.CreateDirectory(Settings.Folder);
        if (!OperatingSystem.IsWindows()) folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var path = System.IO.Path.Combine(folder.FullName, Guid.NewGuid().ToString("N") + ".upload");
        string hash;
        long size;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            size = file.Length;
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        catch
        {
            Delete(path);
            throw;
        }
        PreviousImport? previous;
        using (var scope = _scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
            previous = await db.ImportRuns.AsNoTracking().Where(r => r.Kind == kind && r.FileHash == hash).OrderByDescending(r => r.StartedAt)
                .Select(r => new PreviousImport(r.Id, r.StartedAt, r.UserName, r.FileName)).FirstOrDefaultAsync(ct);
        }
        var job = new DataImport { Kind = kind, FileName = fileName, UserName = userName, Size = size, Hash = hash, Path = path, Previous = previous };
        _imports[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, check: true));
        return job;
    }

    /// <summary>Writes a checked upload (the user confirmed); false when it is not (or no longer) waiting for that.</summary>
    public bool Write(DataImport job)
    {
        lock (job)
        {
            if (job.State != DataImportState.Checked || !File.Exists(job.Path)) return false;
            job.State = DataImportState.Writing;
            job.Touched = DateTime.UtcNow;
        }
        _ = Task.Run(() => RunAsync(job, check: false));
        return true;
    }

    /// <summary>Drops a checked upload that the user does not want written.</summary>
    public bool Cancel(DataImport job)
    {
        lock (job)
        {
            if (job.Busy) return false;
            if (job.State == DataImportState.Checked) job.State = DataImportState.Cancelled;
        }
        Delete(job.Path);
        return true;
    }

    private async Task RunAsync(DataImport job, bool check)
    {
        try
        {
            Interlocked.Exchange(ref job.BytesRead, 0);
            job.Step = check ? "lezen en controleren" : "lezen, controleren en opslaan";
            using var scope = _scopes.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            await using var stream = new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var result = await service.ImportAsync(stream, job.Kind, job.FileName, job.UserName, new Progress(job),
                new ImportOptions { CheckOnly = check, ProgressInterval = 10_000 });
            lock (job)
            {
                if (check)
                {
                    job.Check = result;
                    job.State = result.Success ? DataImportState.Checked : DataImportState.Refused;
                }
                else
                {
                    job.Result = result;
                    job.State = result.Success ? DataImportState.Written : DataImportState.Failed;
                }
                job.Step = "klaar";
                job.Touched = DateTime.UtcNow;
            }
        }
        catch (Exception e)
        {
            // The type and the place only: a message could quote a cell of the file.
            _log.LogError("Inlezen van {Kind} ({Phase}) mislukt: {Type} {Stack}", job.Kind, check ? "controleren" : "opslaan", e.GetType().FullName, e.StackTrace);
            job.Error = "Het bestand kon niet worden verwerkt door een fout in het systeem; er is niets opgeslagen. Probeer het opnieuw of meld het aan de beheerder.";
            job.State = DataImportState.Failed;
        }
        finally
        {
            if (job.State != DataImportState.Checked) Delete(job.Path);
        }
    }

    /// <summary>Forgets uploads untouched for longer than <see cref="DataImportSettings.Kept"/> and deletes their files.</summary>
    private void Sweep()
    {
        var old = DateTime.UtcNow - Settings.Kept;
        foreach (var job in _imports.Values.Where(j => !j.Busy && j.Touched < old).ToList())
            if (_imports.TryRemove(job.Id, out _)) Delete(job.Path);
        // Files left by an earlier run of the server (its uploads were in memory only).
        if (!Directory.Exists(Settings.Folder)) return;
        foreach (var f in Directory.EnumerateFiles(Settings.Folder, "*.upload"))
            if (File.GetLastWriteTimeUtc(f) < old && !_imports.Values.Any(j => j.Path == f)) Delete(f);
    }

    private static void Delete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose() => _sweeper.Dispose();

    private sealed class Progress(DataImport job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p)
        {
            Interlocked.Exchange(ref job.RowsRead, p.RowsRead);
            Interlocked.Exchange(ref job.BytesRead, p.BytesRead);
            job.Touched = DateTime.UtcNow;
            if (p.Phase is { } phase) job.Step = phase;
        }
    }
}
