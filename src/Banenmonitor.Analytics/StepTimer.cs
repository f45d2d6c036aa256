using System.Diagnostics;

namespace Banenmonitor.Analytics;

/// <summary>Times the steps of a run and reports each step as it starts (the CLI's progress display).</summary>
internal sealed class StepTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<string>? _report;
    private string _current;

    public StepTimer(string first, Action<string>? report)
    {
        (_current, _report) = (first, report);
        report?.Invoke(first);
    }

    /// <summary>Time spent per finished step.</summary>
    public Dictionary<string, TimeSpan> Timings { get; } = [];

    /// <summary>Ends the current step and starts <paramref name="next"/>.</summary>
    public void Step(string next)
    {
        Timings[_current] = _clock.Elapsed;
        _clock.Restart();
        _current = next;
        _report?.Invoke(next);
    }
}
