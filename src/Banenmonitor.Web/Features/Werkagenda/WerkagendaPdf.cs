using System.Diagnostics;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>
/// Prints HTML to PDF with headless Chromium (<c>--print-to-pdf</c>); path from BANENMONITOR_CHROMIUM, default
/// /usr/bin/chromium. To be replaced by the shared renderer in Banenmonitor.Reports once that lands on main.
/// </summary>
public sealed class WerkagendaPdf
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("BANENMONITOR_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct)
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"Chromium is niet gevonden op '{ChromiumPath}'; de PDF kan niet worden gemaakt. Gebruik de HTML- of Excel-versie.");
        var dir = Directory.CreateTempSubdirectory("banenmonitor-werkagenda-");
        try
        {
            var htmlFile = Path.Combine(dir.FullName, "werkagenda.html");
            var pdfFile = Path.Combine(dir.FullName, "werkagenda.pdf");
            await File.WriteAllTextAsync(htmlFile, html, ct);
            var psi = new ProcessStartInfo(ChromiumPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(dir.FullName, "profiel")}",
                         $"--print-to-pdf={pdfFile}", "--no-pdf-header-footer", new Uri(htmlFile).AbsoluteUri })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("Chromium kon niet worden gestart.");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(Timeout);
            try { await process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new InvalidOperationException("Chromium maakte de PDF niet op tijd.");
            }
            await Task.WhenAll(stderr, stdout);
            if (!File.Exists(pdfFile) || new FileInfo(pdfFile).Length == 0) throw new InvalidOperationException($"Chromium maakte geen PDF (exitcode {process.ExitCode}).");
            return await File.ReadAllBytesAsync(pdfFile, ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
