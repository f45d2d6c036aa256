using System.CommandLine;
using System.Globalization;
using Banenmonitor.Data.Import;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor import &lt;soort&gt; BESTAND</c>: reads a CSV or XLSX file into the database, all rows or none.</summary>
public static class ImportCommand
{
    public sealed record FoutJson(int? Rij, string? Kolom, string Melding);
    public sealed record ImportJson(string Soort, string Bestand, bool Gelukt, long Rijen, long Nieuw, long Gewijzigd, long Ongewijzigd,
        IReadOnlyList<FoutJson> Fouten, long MeerFouten, IReadOnlyList<FoutJson> Waarschuwingen, Guid? Import, double Seconden);

    public static Command Build()
    {
        var kind = DataSupport.Kind();
        var file = new Argument<string>("bestand") { Description = "CSV- of XLSX-bestand (maak een voorbeeld met 'banenmonitor sjabloon')" };
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var batch = Text("--batch", "Rijen per schrijfronde (standaard 2000)");
        var every = Text("--voortgang", "Rijen tussen voortgangsmeldingen (standaard 100000)");
        var format = Format();
        var check = new Option<bool>("--controleren") { Description = "Alleen lezen en controleren (alle fouten met rij en kolom); er wordt niets opgeslagen" };
        var profile = new Option<bool>("--profiel") { Description = "Toon de tijd per fase van het inlezen (lezen, dubbele sleutels, wegschrijven per tabel)" };
        var cmd = new Command("import", "Gegevens inlezen uit CSV of XLSX: alles of niets, met een foutrapport per rij en kolom") { kind, file, database, provider, batch, every, format, check, profile };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var def = DataSupport.FindKind(r.GetValue(kind)!);
            var path = r.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"Invoerbestand '{path}' bestaat niet.");
            var key = DataSupport.Key();
            var batchSize = Int(r, batch) ?? 2000;
            if (batchSize < 1) throw new CliException("--batch moet minstens 1 zijn.");
            var interval = Int(r, every) ?? 100_000;
            if (interval < 1) throw new CliException("--voortgang moet minstens 1 zijn.");
            var settings = DataSupport.Settings(r, database, provider);
            using var db = DataSupport.Open(settings);
            var service = new ImportService(db, key);
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
            Console.CancelKeyPress += onCancel;
            ImportResult result;
            try
            {
                var progress = new ConsoleProgress(json);
                result = service.ImportFileAsync(def.Name, path, DataSupport.User(), progress, new ImportOptions { BatchSize = batchSize, ProgressInterval = interval, CheckOnly = r.GetValue(check) }, cts.Token)
                    .GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new CliException("Import afgebroken; er is niets opgeslagen.", 130);
            }
            finally { Console.CancelKeyPress -= onCancel; }

            if (json)
            {
                WriteJson(new ImportJson(result.Kind, result.FileName, result.Success, result.Rows, result.Inserted, result.Updated, result.Unchanged,
                    result.Errors.Select(e => new FoutJson(e.Row, e.Column, e.Message)).ToList(), result.MoreErrors,
                    result.Warnings.Select(e => new FoutJson(e.Row, e.Column, e.Message)).ToList(), result.ImportRunId, Math.Round(result.Duration.TotalSeconds, 2)));
                return result.Success ? 0 : 2;
            }
            foreach (var w in result.Warnings) Console.Error.WriteLine($"  waarschuwing {path}: {w}");
            if (r.GetValue(profile))
                foreach (var (phase, time) in result.Phases)
                    Console.Error.WriteLine($"  fase {phase}: {time.TotalSeconds.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"))} s");
            if (result.Success && result.CheckedOnly) { Console.WriteLine(result.Summary); return 0; }
            if (result.Success)
            {
                Console.WriteLine(result.Summary);
                Console.WriteLine($"Database: {settings}. Importnummer: {result.ImportRunId} (zie 'banenmonitor audit --import {result.ImportRunId}'). Duur: {result.Duration.TotalSeconds.ToString("0.0", CultureInfo.GetCultureInfo("nl-NL"))} s.");
                return 0;
            }
            Console.Error.WriteLine(result.Summary);
            foreach (var e in result.Errors) Console.Error.WriteLine($"  {path}: {e}");
            if (result.MoreErrors > 0) Console.Error.WriteLine($"  … en nog {Rules.Units.DutchFormat.Number(result.MoreErrors, 0)} fouten.");
            return 2;
        });
        return cmd;
    }

    private sealed class ConsoleProgress(bool quiet) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p)
        {
            if (quiet) return;
            if (p.Phase is { } phase) { Console.Error.WriteLine($"… {phase}"); return; }
            var pct = p.BytesTotal > 0 ? $" ({100.0 * p.BytesRead / p.BytesTotal:0}%)" : "";
            Console.Error.WriteLine($"… {p.RowsRead.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} rijen gelezen, {p.RowsWritten.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} weggeschreven{pct}");
        }
    }
}
