using System.Diagnostics;

namespace Banenmonitor.Reports.Tests;

/// <summary>Runs the poppler tools (Debian package poppler-utils, installed by scripts/test.sh) on real PDF files.</summary>
public static class Poppler
{
    public static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} start niet (installeer poppler-utils)");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException(tool); }
        Assert.True(p.ExitCode == 0, $"{tool} faalde: {error.Result}");
        return output.Result;
    }

    /// <summary>The text of the whole PDF, or of one page.</summary>
    public static string Text(string pdf, int? page = null) =>
        page is { } n ? Run("pdftotext", "-f", n.ToString(), "-l", n.ToString(), "-layout", pdf, "-") : Run("pdftotext", "-layout", pdf, "-");

    public static int Pages(string pdf)
    {
        var info = Run("pdfinfo", pdf);
        var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>Renders every page to PNG and returns the files.</summary>
    public static IReadOnlyList<string> Png(string pdf, string directory)
    {
        Run("pdftoppm", "-r", "40", "-png", pdf, Path.Combine(directory, "pagina"));
        return Directory.GetFiles(directory, "pagina*.png").Order().ToList();
    }
}

/// <summary>A temporary folder, removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("banenmonitor-rapport-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
