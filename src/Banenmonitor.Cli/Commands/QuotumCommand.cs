using Banenmonitor.Rules.Contracts;
using System.CommandLine;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor quotum</c>: the quota of one employer with its full explanation.</summary>
public static class QuotumCommand
{
    public static Command Build()
    {
        var jaar = Text("--jaar", "Heffingsjaar, bijvoorbeeld 2022");
        var uren = Text("--verloonde-uren", "Totaal verloonde uren van de werkgever in het jaar (variabele A)");
        var doelgroep = Text("--uren-doelgroep", "Verloonde uren van werknemers uit de doelgroep (variabele C)");
        var vorig = Text("--verloonde-uren-vorig-jaar", "Totaal verloonde uren in het jaar ervoor (drempeltoets)");
        var fte = Text("--fte", "Omvang in fte (in plaats van --verloonde-uren)");
        var perWeek = Text("--uren-per-week", "Uren per week van één fte (bij --fte)");
        var fteVorig = Text("--fte-vorig-jaar", "Omvang in fte in het jaar ervoor (bij --fte)");
        var fteDoelgroep = Text("--fte-doelgroep", "Fte van werknemers uit de doelgroep (bij --fte, in plaats van --uren-doelgroep)");
        var uitzend = Text("--uren-uitzendkrachten", "Verloonde uren van uitzendkrachten (alleen voor een uitlener)");
        var markt = new Option<bool>("--markt") { Description = "De werkgever valt in de sector markt (quotum niet geactiveerd)" };
        var werkgever = Text("--werkgever", "Loonheffingennummer: bereken het quotum uit de opgeslagen verloonde uren en het doelgroepregister");
        var database = DataSupport.Database();
        var provider = DataSupport.Provider();
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("quotum", "Bereken het quotum en de quotumheffing van één werkgever, met uitleg per stap")
        {
            jaar, uren, doelgroep, vorig, fte, perWeek, fteVorig, fteDoelgroep, uitzend, markt, werkgever, database, provider, overrides, format,
        };
        Option<string>[] figures = [uren, doelgroep, vorig, fte, perWeek, fteVorig, fteDoelgroep, uitzend];
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar, required: true)!.Value;
            var parameters = Parameters(r, overrides);
            if (r.GetValue(werkgever) is { } lhn)
            {
                var extra = r.GetValue(markt) ? "--markt" : figures.FirstOrDefault(o => r.GetValue(o) is not null)?.Name;
                if (extra is not null) throw new CliException($"Met --werkgever komen de cijfers uit de database; laat {extra} weg.");
                return StoredQuotumCommand.Run(lhn, year, db => Parameters(r, overrides, db), DataSupport.Settings(r, database, provider), json);
            }
            if (QuotaYears.Check(parameters, year).Block is { } block)
                throw new CliException(block.Message + (block.Kind == QuotaYearBlockKind.MissingValue
                    ? $" Geef een waarde op met bron: --parameter {block.Parameter}={year}:WAARDE:\"bron\"."
                    : $" Vergelijk beide regimes met: banenmonitor vergelijk werkgever --jaar {year} --verloonde-uren …"));
            var question = new QuotaQuestion(year,
                Decimal(r, uren, NumberLimits.EmployerPaidHours), Decimal(r, fte, NumberLimits.Jobs), Decimal(r, perWeek, NumberLimits.HoursPerWeek),
                Decimal(r, vorig, NumberLimits.EmployerPaidHours), Decimal(r, fteVorig, NumberLimits.Jobs),
                Decimal(r, doelgroep, NumberLimits.EmployerPaidHours), Decimal(r, fteDoelgroep, NumberLimits.Jobs),
                Decimal(r, uitzend, NumberLimits.EmployerPaidHours), r.GetValue(markt));
            if (question.Validate(parameters) is { Count: > 0 } errors) throw new CliException(string.Join(" ", errors.Values));
            var result = Wrap(() => question.Compute(parameters));
            var full = result.Trace;
            if (json) { WriteJson(QuotumView.From(result)); return 0; }
            Console.WriteLine($"Quotumberekening {year} (quotumregeling, Wfsv art. 38b–38j)");
            Console.WriteLine(new string('=', 60));
            Console.Write(full.ToText());
            Console.WriteLine(new string('-', 60));
            if (result.Exempt)
            {
                Console.WriteLine($"Uitkomst: vrijgesteld. {result.Reason}");
            }
            else
            {
                Console.WriteLine($"Vereiste banen:       {DutchFormat.Number(result.RequiredJobs!.Value.Value, 1)}");
                Console.WriteLine($"Gerealiseerde banen:  {DutchFormat.Number(result.RealisedJobs.Value, 1)}");
                Console.WriteLine($"Quotumtekort:         {DutchFormat.Number(result.Shortfall.Value, 1)} banen");
                Console.WriteLine($"Quotumheffing:        € {DutchFormat.Fixed(result.Levy.Value, 2)}" + (result.LevySuspended ? " (opgeschort, art. 122na Wfsv)" : ""));
                if (result.Reason is not null) Console.WriteLine($"Let op: {result.Reason}");
            }
            if (result.UsesUnconfirmed)
                Console.WriteLine("Let op: deze uitkomst gebruikt een onbevestigde parameterwaarde (zie de stappen hierboven).");
            return 0;
        });
        return cmd;
    }

    internal static T Wrap<T>(Func<T> f)
    {
        try { return f(); }
        catch (MissingParameterException e) { throw new CliException(WithHint(e)); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message.Split(" (Parameter")[0]); }
    }
}
