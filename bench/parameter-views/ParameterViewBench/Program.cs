using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

// The trace-free bulk path of the quota (QuotaCalculator.Figures, what the DuckDB engine calls per employer) reading its
// parameters through the typed views (issue 22), against its peer in the same run: the same computation reading every
// parameter by string key (ParameterSet.Get), as the calculator did before the views. Both must give the same figures.
BenchmarkSwitcher.FromAssembly(typeof(QuotaFiguresBench).Assembly).Run(args);

[MemoryDiagnoser]
public class QuotaFiguresBench
{
    private const int Employers = 1_000;
    private QuotaInput[] _inputs = [];
    private QuotaCalculator _views = null!;
    private StringKeyQuota _keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = ParameterSet.Embedded;
        var rnd = new Random(22);
        int[] years = [2018, 2019, 2020, 2022, 2024];
        _inputs = Enumerable.Range(0, Employers).Select(i =>
        {
            var a = rnd.Next(10_000, 5_000_000);
            return new QuotaInput(years[i % years.Length], new PaidHours(a + 0.37m), new PaidHours(rnd.Next(0, a / 30)), new PaidHours(rnd.Next(10_000, 5_000_000)),
                IsGovernmentEmployer: i % 10 != 0);
        }).ToArray();
        _views = new QuotaCalculator(set);
        _keys = new StringKeyQuota(set);
        foreach (var input in _inputs)
            if (_views.Figures(input) != _keys.Figures(input)) throw new InvalidOperationException($"verschil bij {input}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Employers, Description = "string keys (ParameterSet.Get)")]
    public decimal StringKeys()
    {
        var sum = 0m;
        foreach (var input in _inputs) sum += _keys.Figures(input).Levy.Value;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Employers, Description = "typed views (QuotaParameters)")]
    public decimal TypedViews()
    {
        var sum = 0m;
        foreach (var input in _inputs) sum += _views.Figures(input).Levy.Value;
        return sum;
    }
}

/// <summary>
/// The peer: <c>QuotaCalculator.Figures</c> as it was before the typed views (commit 9065fb5), every parameter read by its
/// string key. Its trace calls (<c>trace?.Add</c>, never evaluated without a trace) are left out; everything that ran on the
/// path without trace is kept, including the result object and the reason text of an exempt employer. No attributions or
/// agency hours (the inputs have none).
/// </summary>
public sealed class StringKeyQuota(ParameterSet parameters)
{
    public QuotaFigures Figures(QuotaInput input) => Compute(input).Figures;

    private QuotaResult Compute(QuotaInput input)
    {
        var year = input.Year;
        var d = parameters.Get(P.HoursPerJobPerYear, year);
        var decVar = (int)parameters.Get(P.DecimalsVariables, year).Required;
        var decPct = (int)parameters.Get(P.DecimalsPercentage, year).Required;
        var decShort = (int)parameters.Get(P.DecimalsShortfall, year).Required;
        var a = input.TotalPaidHours;
        var aRounded = LegalRounding.Down(a.Value, decVar);
        if (!input.IsGovernmentEmployer)
            return ExemptResult(input, "De quotumregeling is alleen geactiveerd voor de sector overheid; deze werkgever valt in de sector markt.",
                "Wfsv art. 38c; Regeling Wfsv art. 3.27", aRounded, d, decShort);
        var e = parameters.Get(P.AverageEmployeeHoursPerYear, year);
        var n = parameters.Get(P.ThresholdEmployees, year);
        var threshold = e.Required * n.Required;
        var belowNow = a.Value < threshold;
        var belowPrev = input.TotalPaidHoursPreviousYear is { } prev && prev.Value < threshold;
        if (belowNow || belowPrev)
        {
            var which = belowNow && belowPrev ? $"{year - 1} en {year}" : belowNow ? $"{year}" : $"{year - 1}";
            return ExemptResult(input,
                $"Vrijgesteld: de verloonde uren in {which} liggen onder de drempel van {DutchFormat.Number(threshold)} uur (25 werknemers).",
                "Wfsv art. 34 lid 4 en 6", aRounded, d, decShort);
        }
        var bParam = parameters.Get(P.QuotaPercentageGovernment, year);
        var b = LegalRounding.Down(bParam.Required, decPct);
        var c = input.TargetGroupHours;
        var cRounded = LegalRounding.Down(c.Value, decVar);
        var aTimesB = LegalRounding.Down(aRounded * b / 100m, decVar);
        var required = aTimesB / d.Required;
        var realised = cRounded / d.Required;
        var raw = (aTimesB - cRounded) / d.Required;
        var shortfall = Math.Max(0m, LegalRounding.Down(raw, decShort));
        var levyParam = parameters.Get(P.LevyPerMissingJob, year);
        var levy = shortfall * levyParam.Required;
        var suspended = parameters.TryGet(P.LevySuspended, year, out var susp) && susp!.Required != 0m;
        return new QuotaResult(year, new QuotaFigures(new PaidHours(aRounded), new Percentage(b), new Jobs(LegalRounding.Down(required, decShort)),
            new Jobs(LegalRounding.Down(realised, decShort)), new Jobs(shortfall), new Euros(levy), false, suspended), null, NoTrace);
    }

    private static readonly Banenmonitor.Rules.Explanations.Trace NoTrace = new();

    private static QuotaResult ExemptResult(QuotaInput input, string reason, string legal, decimal a, ParameterValue d, int decShort)
    {
        _ = legal;
        var realised = LegalRounding.Down(Math.Max(0m, input.TargetGroupHours.Value) / d.Required, decShort);
        return new QuotaResult(input.Year, new QuotaFigures(new PaidHours(a), null, null, new Jobs(realised), Jobs.Zero, Euros.Zero, true, false), reason, NoTrace);
    }
}
