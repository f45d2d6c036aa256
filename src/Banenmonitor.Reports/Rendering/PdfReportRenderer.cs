using System.Diagnostics;
using Banenmonitor.Reports.Progress;

namespace Banenmonitor.Reports.Rendering;

/// <summary>Chromium is missing or failed; the message is Dutch and says how to fix it.</summary>
public sealed class PdfRenderingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints the HTML of <see cref="HtmlReportRenderer"/> to PDF with headless Chromium (the same HTML, the same SVG
/// charts). The browser is <c>/usr/bin/chromium</c> unless the environment variable <c>BANENMONITOR_CHROMIUM</c> names
/// another. Each call uses its own temporary profile and folder, removed afterwards.
/// </summary>
public sealed class PdfReportRenderer(string? chromiumPath = null, TimeSpan? timeout = null)
{
    public const string ContentType = "application/pdf";
    public const string EnvironmentVariable = "BANENMONITOR_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(120);

    /// <summary>The Chromium executable that will be used.</summary>
    public string ChromiumPath { get; } = chromiumPath ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? DefaultPath;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public Task<byte[]> RenderAsync(ProgressReport report, CancellationToken ct = default) => RenderHtmlAsync(HtmlReportRenderer.Render(report), ct);

    /// <summary>Prints any self-contained HTML document to PDF.</summary>
    public async Task<byte[]> RenderHtmlAsync(string html, CancellationToken ct = default)
    {
        if (!File.Exists(ChromiumPath))
            throw new PdfRenderingException(
                $"Chromium is niet gevonden op '{ChromiumPath}'; dat is nodig om een PDF te maken. Installeer het Debian-pakket 'chromium' " +
                $"(sudo apt-get install chromium) of geef met de omgevingsvariabele {EnvironmentVariable} het pad naar Chromium op. " +
                "Het rapport als HTML (--formaat html) of Excel (--formaat xlsx) kan wel zonder Chromium.");
        var dir = Directory.CreateTempSubdirectory("banenmonitor-pdf-");
        try
        {
            var htmlFile = Path.Combine(dir.FullName, "rapport.html");
            var pdfFile = Path.Combine(dir.FullName, "rapport.pdf");
            var profile = Path.Combine(dir.FullName, "profiel");
            await File.WriteAllTextAsync(htmlFile, html, ct);
            var psi = new ProcessStartInfo(ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions", "--mute-audio",
                         $"--user-data-dir={profile}", $"--print-to-pdf={pdfFile}", "--no-pdf-header-footer", new Uri(htmlFile).AbsoluteUri,
                     })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new PdfRenderingException($"Chromium ('{ChromiumPath}') kon niet worden gestart.");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(_timeout);
            try { await process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                ct.ThrowIfCancellationRequested();
                throw new PdfRenderingException($"Chromium maakte de PDF niet binnen {_timeout.TotalSeconds:0} seconden.");
            }
            await Task.WhenAll(stderr, stdout);
            if (!File.Exists(pdfFile) || new FileInfo(pdfFile).Length == 0)
                throw new PdfRenderingException($"Chromium maakte geen PDF (exitcode {process.ExitCode}). Meldingen van Chromium:\n{Tail(stderr.Result)}");
            return await File.ReadAllBytesAsync(pdfFile, ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string s) => s.Length <= 2000 ? s : s[^2000..];
}
