using System.Diagnostics;
using Banenmonitor.Analytics;
using Banenmonitor.Rules.Units;
using Spectre.Console;

namespace Banenmonitor.Cli.Commands;

/// <summary>Shared by the commands that run the national engine (<c>landelijk</c>, <c>vergelijk landelijk</c>).</summary>
internal static class EngineSupport
{
    /// <summary>
    /// Runs an engine pass with a progress display (each step with its elapsed time), or silently when
    /// <paramref name="quiet"/> (JSON output). Input and parameter errors become Dutch CLI errors. With
    /// <paramref name="profile"/> the time of each step (wall clock and the process's CPU time, from the process's start)
    /// is written to standard error at the end.
    /// </summary>
    public static T RunWithProgress<T>(Func<Action<string>?, T> run, bool quiet = false, bool profile = false)
    {
        var phases = profile ? new PhaseProfile() : null;
        try
        {
            if (quiet) return run(phases is null ? null : phases.Step);
            T result = default!;
            AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("invoer openen", ctx =>
            {
                var started = DateTime.UtcNow;
                result = run(s =>
                {
                    phases?.Step(s);
                    var seconds = (decimal)(DateTime.UtcNow - started).TotalSeconds;
                    ctx.Status($"{s} ({DutchFormat.Number(seconds, 0)} s)");
                    AnsiConsole.MarkupLine($"[grey]{DutchFormat.Fixed(seconds, 1),6} s[/] {Markup.Escape(s)}");
                });
            });
            return result;
        }
        catch (AnalyticsInputException e) { throw new CliException(e.Message); }
        catch (Rules.Parameters.MissingParameterException e) { throw new CliException(CliSupport.WithHint(e)); }
        finally
        {
            phases?.Write(Console.Error);
        }
    }

    /// <summary>
    /// Wall-clock and CPU time per step, the first phase (<c>opstarten</c>) from the process's start: the runtime, options,
    /// parameters, DuckDB. CPU time above wall time means several cores worked (DuckDB's threads).
    /// </summary>
    private sealed class PhaseProfile
    {
        private readonly Process _process = Process.GetCurrentProcess();
        private readonly List<(string Name, TimeSpan Wall, TimeSpan Cpu)> _starts;

        public PhaseProfile() => _starts = [("opstarten", TimeSpan.Zero, TimeSpan.Zero)];

        public void Step(string name)
        {
            _process.Refresh();
            _starts.Add((name, DateTime.Now - _process.StartTime, _process.TotalProcessorTime));
        }

        public void Write(TextWriter w)
        {
            Step("einde");
            w.WriteLine("Profiel (seconden per fase: klok, processortijd):");
            for (var i = 0; i + 1 < _starts.Count; i++)
            {
                var (name, wall, cpu) = _starts[i];
                var (_, nextWall, nextCpu) = _starts[i + 1];
                w.WriteLine($"  {DutchFormat.Fixed((decimal)(nextWall - wall).TotalSeconds, 2),8} {DutchFormat.Fixed((decimal)(nextCpu - cpu).TotalSeconds, 2),8}  {name}");
            }
            w.WriteLine($"  {DutchFormat.Fixed((decimal)_starts[^1].Wall.TotalSeconds, 2),8} {DutchFormat.Fixed((decimal)_starts[^1].Cpu.TotalSeconds, 2),8}  totaal");
        }
    }
}
