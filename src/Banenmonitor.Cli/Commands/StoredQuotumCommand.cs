using System.Text.Json;
using System.Text.Json.Nodes;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor quotum --werkgever … --jaar …</c>: the quota of an employer computed from the stored payroll and register
/// (<see cref="StoredQuota"/>), kept as a computation record; unchanged inputs and parameters return the stored record.
/// </summary>
internal static class StoredQuotumCommand
{
    /// <param name="parametersOf">The parameters with the opened database: the stored values plus the command line's.</param>
    public static int Run(string payrollTaxNumber, int year, Func<BanenmonitorDbContext, CliParameters> parametersOf, DatabaseSettings settings, bool json)
    {
        using var db = DataSupport.Open(settings);
        var used = parametersOf(db);
        var parameters = used.Set;
        StoredQuotaOutcome outcome;
        try { outcome = StoredQuota.ComputeAsync(db, parameters, payrollTaxNumber, year).GetAwaiter().GetResult(); }
        catch (StoredQuotaException e) when (e.YearBlock is { } block)
        {
            throw new CliException(e.Message + (block.Kind == QuotaYearBlockKind.MissingValue
                ? $" Geef een waarde op met bron: --parameter {block.Parameter}={year}:WAARDE:\"bron\"."
                : $" Vergelijk beide regimes met: banenmonitor vergelijk werkgever --jaar {year} --verloonde-uren …"));
        }
        catch (StoredQuotaException e) { throw new CliException(e.Message); }
        catch (MissingParameterException e) { throw new CliException(WithHint(e)); }
        var stored = ComputationRecords.RecordQuotaAsync(db, parameters, outcome, DataSupport.User()).GetAwaiter().GetResult();
        var record = stored.Record;
        if (json)
        {
            // The outcome as stored, with the record it is kept as.
            var node = JsonNode.Parse(record.Outcome)!.AsObject();
            node["parametersVandaag"] = used.Description;
            node["vastlegging"] = new JsonObject
            {
                ["nummer"] = record.Id,
                ["hergebruikt"] = stored.Reused,
                ["berekendOp"] = record.ComputedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                ["berekendDoor"] = record.ComputedBy,
                ["softwareversie"] = record.SoftwareVersion,
                ["invoerVingerafdruk"] = record.InputsFingerprint,
                ["parameterVingerafdruk"] = record.ParametersFingerprint,
                ["parameters"] = JsonNode.Parse(record.Parameters),
            };
            Console.Out.WriteLine(node.ToJsonString(Json));
            return 0;
        }
        var v = outcome.View;
        var b = v.Bronnen;
        Console.WriteLine($"Quotumberekening {year} uit opgeslagen gegevens: {v.Werkgever} ({v.Loonheffingennummer})");
        Console.WriteLine(new string('=', 60));
        if (v.Onvolledig)
        {
            Console.WriteLine("ONVOLLEDIG — deze uitkomst is geen heffingsbesluit; ontbreekt:");
            foreach (var m in v.Ontbreekt) Console.WriteLine($"  - {m}");
            Console.WriteLine(new string('-', 60));
        }
        static string N(long n) => DutchFormat.Number(n, 0);
        Console.WriteLine($"Verloningsregels {year}: {N(b.Verloningsregels)} van {N(b.Personen)} personen; doelgroep: {N(b.VerloningsregelsDoelgroep)} regels van {N(b.PersonenDoelgroep)} personen ({N(b.Inschrijvingen)} inschrijvingen)");
        Console.WriteLine($"Verloningsregels {year - 1}: {N(b.VerloningsregelsVorigJaar)}; toerekeningen als inlener {N(b.ToerekeningenAlsInlener)}, als uitlener {N(b.ToerekeningenAlsUitlener)}");
        foreach (var w in b.Weggelaten) Console.WriteLine($"Niet meegeteld: {N(w.Aantal)} {w.Soort} — {w.Reden}");
        Console.WriteLine($"Verloonde uren {DutchFormat.Number(v.Uren.VerloondeUren, 2)}, waarvan uitzendkrachten {DutchFormat.Number(v.Uren.UrenUitzendkrachten, 2)}, doelgroep {DutchFormat.Number(v.Uren.UrenDoelgroep, 2)}");
        Console.WriteLine(new string('-', 60));
        Console.Write(outcome.Result.Trace.ToText());
        Console.WriteLine(new string('-', 60));
        if (v.Vrijgesteld) Console.WriteLine($"Uitkomst: vrijgesteld. {v.Reden}");
        else
        {
            Console.WriteLine($"Vereiste banen:       {DutchFormat.Number(v.VereisteBanen!.Value, 1)}");
            Console.WriteLine($"Gerealiseerde banen:  {DutchFormat.Number(v.GerealiseerdeBanen, 1)}");
            Console.WriteLine($"Quotumtekort:         {DutchFormat.Number(v.Quotumtekort, 1)} banen");
            Console.WriteLine($"Quotumheffing:        € {DutchFormat.Fixed(v.Quotumheffing, 2)}" + (v.HeffingOpgeschort ? " (opgeschort, art. 122na Wfsv)" : ""));
        }
        Console.WriteLine(ComputedWith(used));
        Console.WriteLine($"Vastgelegd als berekening {record.Id} ({(stored.Reused ? "ongewijzigde invoer: bestaande vastlegging" : "nieuw")}), {record.ComputedAt:yyyy-MM-dd HH:mm} UTC, softwareversie {record.SoftwareVersion}.");
        return 0;
    }
}
