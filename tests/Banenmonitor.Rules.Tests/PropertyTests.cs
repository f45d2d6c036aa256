using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Banenmonitor.Rules.Tests;

/// <summary>Invariants of the quota rule over random inputs.</summary>
public class PropertyTests
{
    private static readonly QuotaCalculator Calc = new(ParameterSet.Embedded);
    private static readonly int[] Years = [2018, 2019, 2020, 2022, 2024];

    public static Arbitrary<(int Year, decimal A, decimal C, decimal Extra)> Inputs() =>
        (from yi in Gen.Choose(0, Years.Length - 1)
         from a in Gen.Choose(0, 50_000_000)
         from cents in Gen.Choose(0, 99)
         from cFrac in Gen.Choose(0, 1000)
         from extra in Gen.Choose(0, 100_000)
         let aDec = a + cents / 100m
         select (Years[yi], aDec, aDec * cFrac / 1000m, (decimal)extra)).ToArbitrary();

    [Property(MaxTest = 500, Arbitrary = [typeof(PropertyTests)])]
    public bool Shortfall_is_never_negative((int Year, decimal A, decimal C, decimal Extra) x)
    {
        var r = Calc.Compute(new QuotaInput(x.Year, new PaidHours(x.A), new PaidHours(x.C), new PaidHours(x.A)));
        return r.Shortfall.Value >= 0m && r.Levy.Value >= 0m;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(PropertyTests)])]
    public bool Shortfall_never_increases_when_target_group_hours_rise((int Year, decimal A, decimal C, decimal Extra) x)
    {
        var c2 = Math.Min(x.A, x.C + x.Extra);
        var r1 = Calc.Compute(new QuotaInput(x.Year, new PaidHours(x.A), new PaidHours(x.C), new PaidHours(x.A)));
        var r2 = Calc.Compute(new QuotaInput(x.Year, new PaidHours(x.A), new PaidHours(c2), new PaidHours(x.A)));
        return r2.Shortfall.Value <= r1.Shortfall.Value;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(PropertyTests)])]
    public bool Rounding_is_always_down_to_one_decimal((int Year, decimal A, decimal C, decimal Extra) x)
    {
        var r = Calc.Compute(new QuotaInput(x.Year, new PaidHours(x.A), new PaidHours(x.C), new PaidHours(x.A)));
        if (r.Exempt) return r.Shortfall.Value == 0m;
        var raw = (decimal)r.Trace.Steps.Single(s => s.Description.StartsWith("Quotumtekort")).Inputs.Single(i => i.Name == "onafgerond").Value;
        var s = r.Shortfall.Value;
        return s * 10m == decimal.Truncate(s * 10m) && s <= Math.Max(0m, raw) && Math.Max(0m, raw) - s < 0.1m;
    }

    /// <summary>The path without a trace (bulk runs) gives exactly the figures of the traced computation, on every branch.</summary>
    [Property(MaxTest = 1000, Arbitrary = [typeof(PropertyTests)])]
    public bool Figures_without_trace_equal_the_traced_computation((int Year, decimal A, decimal C, decimal Extra) x)
    {
        var agreed = new DateOnly(x.Year + 1, 1, 15);
        HiredInAttribution[] atts =
        [
            new("persoon 1", AttributionSide.Hirer, new(x.Extra), new(x.Extra / 2), agreed),
            new("persoon 2", AttributionSide.Lender, new(x.C / 3), new(x.C), agreed.AddYears(1)),
        ];
        var government = x.Extra % 3 != 0;
        var input = new QuotaInput(x.Year, new PaidHours(x.A), new PaidHours(x.C),
            x.Extra % 5 == 0 ? null : new PaidHours(x.A + x.Extra - 40_000m < 0 ? 0 : x.A + x.Extra - 40_000m),
            x.Extra % 2 == 0 ? atts : null, x.Extra % 7 == 0 ? new PaidHours(x.A / 4) : null, government);
        return Calc.Figures(input) == Calc.Compute(input).Figures;
    }

    [Property(MaxTest = 300)]
    public bool Legal_rounding_down_never_exceeds_the_value_and_is_within_one_unit(decimal v, byte d)
    {
        var decimals = d % 6;
        var r = LegalRounding.Down(v, decimals);
        var unit = 1m;
        for (var i = 0; i < decimals; i++) unit /= 10m;
        return r <= v && v - r < unit;
    }
}
