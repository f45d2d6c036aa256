using Banenmonitor.Analytics;
using Spectre.Console;

namespace Banenmonitor.Cli.Commands;

/// <summary>Shared by the commands that run the national engine (<c>landelijk</c>, <c>vergelijk landelijk</c>).</summary>
internal static class EngineSupport
{
    /// <summary>
    /// Runs an engine pass with a progress display (each step with its elapsed time), or silently when
    /// <paramref name="quiet"/> (JSON output). Input and parameter errors become Dutch CLI errors.
    /// </summary>
    public static T RunWithProgress<T>(Func<Action<string>?, T> run, bool quiet = false)
    {
        try
        {
            if (quiet) return run(null);
            T result = default!;
            AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("invoer openen", ctx =>
            {
                var started = DateTime.UtcNow;
                result = run(s =>
                {
                    var seconds = (decimal)(DateTime.UtcNow - started).TotalSeconds;
                    ctx.Status($"{s} ({Rules.Units.DutchFormat.Number(seconds, 0)} s)");
                    AnsiConsole.MarkupLine($"[grey]{Rules.Units.DutchFormat.Fixed(seconds, 1),6} s[/] {Markup.Escape(s)}");
                });
            });
            return result;
        }
        catch (AnalyticsInputException e) { throw new CliException(e.Message); }
        catch (Rules.Parameters.MissingParameterException e) { throw new CliException(CliSupport.WithHint(e)); }
    }
}
