using System.CommandLine;
using Banenmonitor.Analytics.Synthetic;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Spectre.Console;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor synthetisch</c>: a synthetic year of payroll records (Parquet) for tests and benchmarks.</summary>
public static class SynthetischCommand
{
    public static Command Build()
    {
        var werknemers = Text("--werknemers", "Aantal dienstverbanden (ongeveer 11,5 verloningsregels per dienstverband)");
        var werkgevers = Text("--werkgevers", "Aantal werkgevers");
        var jaar = Text("--jaar", "Jaar van de verloning, bijvoorbeeld 2023");
        var uit = Text("--uit", "Map waarin de Parquet-bestanden komen");
        var zaad = Text("--zaad", "Zaad van de toevalsgenerator (standaard 1); hetzelfde zaad geeft dezelfde gegevens");
        var geheugen = Text("--geheugen", "Geheugenlimiet van DuckDB, bijvoorbeeld 4GB");
        var cmd = new Command("synthetisch", "Maak een synthetisch jaar verloningsgegevens (werkgevers, verloning, doelgroepregister, toerekeningen, vorig jaar)")
        {
            werknemers, werkgevers, jaar, uit, zaad, geheugen,
        };
        cmd.SetAction(r =>
        {
            var n = (long)Decimal(r, werknemers, NumberLimits.SyntheticCount, required: true)!.Value;
            var w = (long)Decimal(r, werkgevers, NumberLimits.SyntheticCount, required: true)!.Value;
            var y = Int(r, jaar, required: true)!.Value;
            var dir = r.GetValue(uit) ?? throw new CliException("De optie --uit is verplicht.");
            var seed = Int(r, zaad) ?? 1;
            if (w > n) throw new CliException("Er moeten minstens zoveel werknemers als werkgevers zijn.");
            IReadOnlyDictionary<string, long> rows = new Dictionary<string, long>();
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("synthetische gegevens", maxValue: SyntheticDataGenerator.Files.Length + 1);
                    rows = SyntheticDataGenerator.Generate(new SyntheticOptions(n, w, y, seed), dir, new SyncProgress(task),
                        r.GetValue(geheugen));
                    task.Value = task.MaxValue;
                    task.Description = "klaar";
                });
            foreach (var (f, c) in rows) Console.WriteLine($"{f}.parquet: {DutchFormat.Number(c, 0)} rijen");
            return 0;
        });
        return cmd;
    }

    private sealed class SyncProgress(ProgressTask task) : IProgress<StepProgress>
    {
        public void Report(StepProgress p)
        {
            task.Value = p.Index;
            task.Description = p.Step + (p.Rows is { } c ? $" ({DutchFormat.Number(c, 0)} rijen)" : "");
        }
    }
}
