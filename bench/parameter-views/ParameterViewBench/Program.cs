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

/// <summary>The quota figures without trace, every parameter read by its string key (the peer; no attributions or agency hours).</summary>
public sealed class StringKeyQuota(ParameterSet parameters)
{
    public QuotaFigures Figures(QuotaInput input)
    {
        var year = input.Year;
        var d = parameters.Get(P.HoursPerJobPerYear, year);
        var decVar = (int)parameters.Get(P.DecimalsVariables, year).Required;
        var decPct = (int)parameters.Get(P.DecimalsPercentage, year).Required;
        var decShort = (int)parameters.Get(P.DecimalsShortfall, year).Required;
        var aRounded = LegalRounding.Down(input.TotalPaidHours.Value, decVar);
        QuotaFigures Exempt() => new(new PaidHours(aRounded), null, null,
            new Jobs(LegalRounding.Down(Math.Max(0m, input.TargetGroupHours.Value) / d.Required, decShort)), Jobs.Zero, Euros.Zero, true, false);
        if (!input.IsGovernmentEmployer) return Exempt();
        var threshold = parameters.Get(P.AverageEmployeeHoursPerYear, year).Required * parameters.Get(P.ThresholdEmployees, year).Required;
        if (input.TotalPaidHours.Value < threshold || input.TotalPaidHoursPreviousYear is { } prev && prev.Value < threshold) return Exempt();
        var b = LegalRounding.Down(parameters.Get(P.QuotaPercentageGovernment, year).Required, decPct);
        var cRounded = LegalRounding.Down(input.TargetGroupHours.Value, decVar);
        var aTimesB = LegalRounding.Down(aRounded * b / 100m, decVar);
        var required = aTimesB / d.Required;
        var realised = cRounded / d.Required;
        var shortfall = Math.Max(0m, LegalRounding.Down((aTimesB - cRounded) / d.Required, decShort));
        var levy = shortfall * parameters.Get(P.LevyPerMissingJob, year).Required;
        var suspended = parameters.TryGet(P.LevySuspended, year, out var susp) && susp!.Required != 0m;
        return new QuotaFigures(new PaidHours(aRounded), new Percentage(b), new Jobs(LegalRounding.Down(required, decShort)),
            new Jobs(LegalRounding.Down(realised, decShort)), new Jobs(shortfall), new Euros(levy), false, suspended);
    }
}
