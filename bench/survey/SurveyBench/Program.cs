using System.Diagnostics;
using System.Globalization;
using Banenmonitor.Survey;

// C# side of the survey benchmark: the same estimates as bench.R on the same file, timed; compares with R's numbers.
// Usage: SurveyBench <dir> <reps>   (dir holds respondenten.csv, populatie.csv, r_results.csv, r_times.txt)
var dir = args[0];
var reps = int.Parse(args[1], CultureInfo.InvariantCulture);
var resp = SurveyTable.ReadFile(Path.Combine(dir, "respondenten.csv"));
var popTable = SurveyTable.ReadFile(Path.Combine(dir, "populatie.csv"));
var cel = resp.Text("cel");
var sector = resp.Text("sector");
var teller = resp.Numbers("teller");
var noemer = resp.Numbers("noemer");
var sroi = resp.Numbers("sroi");
var pop = popTable.Text("cel").Zip(popTable.Numbers("aantal")).ToDictionary(p => p.First, p => p.Second);
var fpc = pop.ToDictionary(p => p.Key, p => StratumPopulation.Count(p.Value));

List<(string Name, SurveyEstimate E)> Estimate()
{
    var d = SurveyDesign.Create(cel, population: fpc).PostStratify(cel, pop);
    var r = new List<(string, SurveyEstimate)>
    {
        ("ratio", SurveyEstimator.Ratio(d, teller, noemer)),
        ("gemiddelde", SurveyEstimator.Mean(d, noemer)),
        ("proportie", SurveyEstimator.Proportion(d, sroi)),
        ("totaal", SurveyEstimator.Total(d, teller)),
    };
    foreach (var e in SurveyEstimator.ByDomain(d, sector, (m, name) => SurveyEstimator.Ratio(d, teller, noemer, m, domainName: name)))
        r.Add(("ratio_" + e.Domain, e));
    return r;
}

for (var k = 0; k < 3; k++) Estimate(); // warm-up (JIT)
var times = new double[reps];
List<(string Name, SurveyEstimate E)> result = [];
for (var k = 0; k < reps; k++)
{
    var sw = Stopwatch.StartNew();
    result = Estimate();
    times[k] = sw.Elapsed.TotalSeconds;
}
Array.Sort(times);
var ours = times[reps / 2];

var rTable = SurveyTable.ReadFile(Path.Combine(dir, "r_results.csv"));
var rNames = rTable.Text("naam");
// R's own output (sprintf %.17g, decimal point): machine numbers, read invariantly, not as typed Dutch numbers
var rEst = rTable.Text("schatting").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
var rSe = rTable.Text("se").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
double maxRel = 0;
foreach (var (name, e) in result)
{
    var i = Array.IndexOf(rNames, name);
    if (i < 0) throw new InvalidOperationException($"R heeft geen uitkomst '{name}'.");
    maxRel = Math.Max(maxRel, Math.Abs(e.Estimate - rEst[i]) / Math.Abs(rEst[i]));
    maxRel = Math.Max(maxRel, Math.Abs(e.StandardError - rSe[i]) / Math.Abs(rSe[i]));
}
var rTimes = File.ReadAllLines(Path.Combine(dir, "r_times.txt")).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).Order().ToArray();
var rMedian = rTimes[rTimes.Length / 2];
var ratio = result.Single(r => r.Name == "ratio").E;
Console.WriteLine(FormattableString.Invariant($"respondenten={resp.RowCount} uitkomsten={result.Count} ratio={ratio.Estimate:R} se={ratio.StandardError:R}"));
Console.WriteLine(FormattableString.Invariant($"grootste relatieve verschil met R (schattingen en standaardfouten): {maxRel:E2}"));
Console.WriteLine(FormattableString.Invariant($"R survey mediaan: {rMedian * 1000:F1} ms; Banenmonitor.Survey mediaan: {ours * 1000:F2} ms; verhouding R/ons: {rMedian / ours:F1}x"));
if (maxRel > 1e-9) { Console.Error.WriteLine("UITKOMSTEN WIJKEN AF VAN R"); return 1; }
return 0;
