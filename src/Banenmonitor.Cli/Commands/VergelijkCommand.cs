using Banenmonitor.Rules.Contracts;
using System.CommandLine;
using System.Globalization;
using Banenmonitor.Analytics;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Spectre.Console;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor vergelijk</c>: both regimes side by side on the same data.</summary>
public static class VergelijkCommand
{
    public sealed record UitkomstJson(string Regime, string Wettelijkegrondslag, bool Berekenbaar, decimal TeBetalen, bool TeBetalenOpgeschort, decimal TeOntvangen, decimal NettoVoordeel,
        bool OnbevestigdeParameterGebruikt, IReadOnlyList<string> Samenvatting, IReadOnlyList<StapView> Stappen);
    public sealed record WerkgeverJson(int Jaar, UitkomstJson Quotumregeling, UitkomstJson WetBanenafspraak2025, UitkomstJson? QuotumregelingSroiScenario, IReadOnlyList<string> Toelichting);

    public static UitkomstJson ToJson(RegimeOutcome o) => new(o.Regime.Name, o.Regime.LegalBasis, o.Computable, o.Payable.Value, o.PayableSuspended, o.Receivable.Value,
        o.NetBenefit.Value, o.UsesUnconfirmed, o.Summary, o.Trace.ToView());

    public static Command Build()
    {
        var cmd = new Command("vergelijk", "Vergelijk de quotumregeling en de Wet banenafspraak (2025) op dezelfde gegevens");
        cmd.Subcommands.Add(Werkgever());
        cmd.Subcommands.Add(Sector());
        cmd.Subcommands.Add(Landelijk());
        return cmd;
    }

    public sealed record SectorScenarioJson(string Sector, string Naam, int Jaar, decimal Doel, decimal Realisatie, decimal? Sroi,
        decimal Realisatiepercentage, decimal? RealisatiepercentageSroiScenario, decimal? GepubliceerdInclSroi, string Bron, IReadOnlyList<StapView> Stappen);

    /// <summary>The SROI scenario per sector from the published figures: SROI/procurement jobs counted for the procuring sector.</summary>
    public static IReadOnlyList<SectorScenarioJson> SectorScenarios(Rules.Published.PublishedSectorFigures data, int year, string? only)
    {
        var rows = new List<SectorScenarioJson>();
        foreach (var f in data.ForYear(year))
        {
            if (only is not null && f.Sector.Code != only) continue;
            if (f.Target is not { } t || f.Realised is not { } r || t.Value <= 0) continue;
            var sc = RegimeComparison.Sector(f.Sector.Code, year, new Jobs(t.Value), new Jobs(r.Value), f.Sroi is { } s ? new Jobs(s.Value) : null);
            var trace = sc.SroiForProcurer?.Trace ?? sc.Current.Trace;
            rows.Add(new SectorScenarioJson(f.Sector.Code, f.Sector.Name, year, t.Value, r.Value, f.Sroi?.Value,
                sc.CurrentPercentage, sc.ScenarioPercentage,
                f.PercentageIncludingSroi?.Value, $"{t.Citation}; {r.Citation}" + (f.Sroi is { } s2 ? "; " + s2.Citation : ""), trace.ToView()));
        }
        return rows;
    }

    private static Command Sector()
    {
        var jaar = Text("--jaar", "Jaar van de sectorrapportages (2020, 2021, 2023)");
        var sector = Text("--sector", "Alleen deze sector (code, bv. defensie)");
        var format = Format();
        var cmd = new Command("sector", "SROI-scenario per sector: SROI-/inkoopbanen tellen bij de aanbestedende sector") { jaar, sector, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar, required: true)!.Value;
            var only = r.GetValue(sector);
            if (only is not null && Rules.Published.PublicSectors.Find(only) is null) throw new CliException($"Onbekende sector '{only}'.");
            var rows = SectorScenarios(ControleCommand.LoadSectors(null, null), year, only);
            if (rows.Count == 0) throw new CliException($"Geen sectorcijfers met doel en realisatie voor {year}.");
            if (json) { WriteJson(rows); return 0; }
            Console.WriteLine($"SROI-scenario {year}: realisatiepercentage nu en wanneer SROI-/inkoopbanen bij de aanbestedende sector tellen");
            Console.WriteLine($"{"sector",-44}{"doel",10}{"realisatie",12}{"SROI",8}{"nu",9}{"scenario",10}");
            foreach (var x in rows)
                Console.WriteLine($"{x.Naam,-44}{DutchFormat.Number(x.Doel, 1),10}{DutchFormat.Number(x.Realisatie, 1),12}{(x.Sroi is { } s ? DutchFormat.Number(s, 1) : "—"),8}" +
                                  $"{DutchFormat.Percent(x.Realisatiepercentage),9}{(x.RealisatiepercentageSroiScenario is { } p ? DutchFormat.Percent(p) : "—"),10}");
            Console.WriteLine("Onder de huidige wet tellen SROI-banen bij de leverancier (sector markt); het scenario is de beleidsoptie uit Kamerstuk 34 352, nr. 255 en de Kamerbrief BZK 2022 over 2021 (voetnoot 5).");
            return 0;
        });
        return cmd;
    }

    private static Command Werkgever()
    {
        var jaar = Text("--jaar", "Jaar");
        var uren = Text("--verloonde-uren", "Totaal verloonde uren (A)");
        var doelgroep = Text("--uren-doelgroep", "Verloonde uren van werknemers uit de doelgroep (C)");
        var vorig = Text("--verloonde-uren-vorig-jaar", "Totaal verloonde uren in het jaar ervoor");
        var premie = Text("--premieloon", "Premieloon Aof in euro (voor de inclusiviteitsopslag)");
        var uitgezonderd = Text("--premieloon-uitgezonderd", "Premieloon van uitgeleende werknemers, niet-gedetacheerde Wsw en beschut werk");
        var premieT2 = Text("--premieloon-t-min-2", "Premieloon Aof van twee jaar eerder (t−2) in euro, voor de kleinewerkgeverstoets van de inclusiviteitsopslag (Besluit Wfsv art. 2.19d)");
        var werknemers = Text("--werknemer-uren", "Verloonde uren per doelgroepwerknemer, komma-gescheiden (voor het loonkostenvoordeel), bv. 1000;1500");
        var sroi = Text("--sroi-uren", "Uren van doelgroepwerknemers via SROI bij leveranciers (scenario: telt bij de aanbesteder)");
        var markt = new Option<bool>("--markt") { Description = "De werkgever valt in de sector markt" };
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("werkgever", "Eén werkgever onder beide regimes") { jaar, uren, doelgroep, vorig, premie, uitgezonderd, premieT2, werknemers, sroi, markt, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var year = Int(r, jaar, required: true)!.Value;
            var parameters = Parameters(r, overrides);
            var a = Decimal(r, uren, NumberLimits.EmployerPaidHours, required: true)!.Value;
            var c = Decimal(r, doelgroep, NumberLimits.EmployerPaidHours) ?? 0m;
            if (c > a) throw new CliException("Uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.");
            var emps = new List<TargetGroupEmployee>();
            if (r.GetValue(werknemers) is { } list)
            {
                var i = 0;
                foreach (var part in list.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    i++;
                    var h = DutchNumber.ReadField(part, NumberLimits.PersonHours);
                    if (!h.Ok) throw new CliException($"Ongeldige waarde '{part}' (positie {i}) in --werknemer-uren: {h.Error}.");
                    emps.Add(new TargetGroupEmployee($"werknemer {i}", new PaidHours(h.Value)));
                }
            }
            var e = new EmployerYear(year, new PaidHours(a), new PaidHours(c),
                Decimal(r, vorig, NumberLimits.EmployerPaidHours) is { } p ? new PaidHours(p) : null, !r.GetValue(markt),
                Decimal(r, premie, NumberLimits.EmployerWageEuros) is { } pb ? new Euros(pb) : null,
                Decimal(r, uitgezonderd, NumberLimits.EmployerWageEuros) is { } ex ? new Euros(ex) : null,
                emps, Decimal(r, sroi, NumberLimits.EmployerPaidHours) is { } s ? new PaidHours(s) : null,
                PremiumBaseTwoYearsBefore: Decimal(r, premieT2, NumberLimits.EmployerWageEuros) is { } p2 ? new Euros(p2) : null);
            // Data of a year before the new law: its values of its first year (what the new law would mean), as on the web.
            var cmp = new RegimeComparison(parameters).Compare(e, Regime.WetBanenafspraak2025.ParameterYearFor(year));
            // Why the quotumregeling has no value that year (missing percentage, or another law), with what was searched.
            var why = cmp.Quotumregeling.Computable ? null : QuotaYears.Check(parameters, year).Block?.Message;
            var output = new WerkgeverJson(year, ToJson(cmp.Quotumregeling), ToJson(cmp.WetBanenafspraak2025),
                cmp.QuotumregelingSroiScenario is null ? null : ToJson(cmp.QuotumregelingSroiScenario), why is null ? cmp.Explanation : [why, .. cmp.Explanation]);
            if (json) { WriteJson(output); return 0; }
            Console.WriteLine($"Vergelijking van de regimes voor {year}");
            Console.WriteLine(new string('=', 70));
            foreach (var (title, o) in new[] { ("Quotumregeling", cmp.Quotumregeling), ("Wet banenafspraak (2025)", cmp.WetBanenafspraak2025) }
                         .Concat(cmp.QuotumregelingSroiScenario is { } sc ? [("Quotumregeling, SROI-scenario", sc)] : []))
            {
                Console.WriteLine($"{title} — {o.Regime.LegalBasis}");
                foreach (var line in o.Summary) Console.WriteLine("  " + line);
                if (o.Computable)
                    Console.WriteLine($"  te betalen € {DutchFormat.Fixed(o.Payable.Value, 2)}{(o.PayableSuspended ? " (opgeschort)" : "")}; te ontvangen € {DutchFormat.Fixed(o.Receivable.Value, 2)}; netto € {DutchFormat.Fixed(o.NetBenefit.Value, 2)}");
                Console.WriteLine();
            }
            foreach (var line in output.Toelichting) Console.WriteLine("- " + line);
            return 0;
        });
        return cmd;
    }

    public sealed record TotalenJson(string Groep, long Werkgevers, long OnderQuotumregeling, long MetQuotumtekort, decimal Quotumtekort, decimal Quotumheffing,
        long QuotumregelingNietBerekenbaar, long OnderQuotumWetBanenafspraak, long OpslagNietBerekend, long BetalenOpslag, decimal Inclusiviteitsopslag, long OntvangenBonus,
        decimal Banenafspraakbonus, long OntvangenLoonkostenvoordeel, decimal Loonkostenvoordeel, long WetBanenafspraakNietBerekenbaar)
    {
        public static TotalenJson From(RegimeTotals t) => new(t.Group, t.Employers, t.QuotaSubject, t.QuotaWithShortfall, t.QuotaShortfallJobs, t.Levy,
            t.QuotaNotComputable, t.WbaSubject, t.SurchargeNotComputed, t.SurchargePayers, t.Surcharge, t.BonusReceivers, t.Bonus, t.WageCostAdvantageReceivers, t.WageCostAdvantage, t.WbaNotComputable);
    }

    public sealed record MetingJson(decimal FormeelMarkt, decimal FormeelOverheid, decimal Inleen, decimal? VerdeelsleutelOverheid, decimal? Markt, decimal? Overheid,
        decimal? DoelstellingMarkt, decimal? DoelstellingOverheid, decimal Totaal, decimal Nulmeting, decimal Toename, decimal? DoelstellingTotaal, decimal BanenUitJaaruren);

    public sealed record LandelijkJson(int Jaar, int ParameterjaarWetBanenafspraak, long Verloningsregels, TotalenJson Totaal, IReadOnlyList<TotalenJson> Groepen,
        MetingJson Meting, bool PremieloonOpgegeven, IReadOnlyList<string> Opmerkingen, WerkgeverJson? Uitleg);

    private static Command Landelijk()
    {
        var invoer = Text("--invoer", "Map met werkgevers, verloning, doelgroepregister (en toerekeningen, vorig_jaar, premieloon) als Parquet of CSV");
        var jaar = Text("--jaar", "Jaar van de gegevens, bijvoorbeeld 2023");
        var regimejaar = Text("--regimejaar", "Jaar waarvan de parameters van de Wet banenafspraak gelden (standaard: het eerste jaar van de wet voor eerdere gegevens)");
        var uit = Text("--uit", "Map voor de resultaten (werkgevers_regimes.csv, samenvatting_regimes.txt)");
        var uitleg = Text("--uitleg", "Toon beide berekeningen met uitleg voor dit loonheffingennummer");
        var geheugen = Text("--geheugen", "Geheugenlimiet van DuckDB, bijvoorbeeld 4GB");
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("landelijk", "Beide regimes voor iedere werkgever en de landelijke meting met en zonder splitsing markt/overheid")
        {
            invoer, jaar, regimejaar, uit, uitleg, geheugen, overrides, format,
        };
        cmd.SetAction(r =>
        {
            var preload = Task.Run(NationalEngine.Preload); // DuckDB starts while the options and parameters are read
            var json = IsJson(r, format);
            var dir = r.GetValue(invoer) ?? throw new CliException("De optie --invoer is verplicht.");
            var year = Int(r, jaar, required: true)!.Value;
            var parameters = Parameters(r, overrides);
            var options = new NationalComparisonOptions(dir, year, Int(r, regimejaar), r.GetValue(uit), r.GetValue(uitleg), r.GetValue(geheugen));
            var engine = new NationalRegimeComparison(parameters);
            preload.Wait();
            var result = EngineSupport.RunWithProgress(progress => engine.Run(options, progress), quiet: json);
            var explanation = result.Explanation is { } c
                ? new WerkgeverJson(year, ToJson(c.Quotumregeling), ToJson(c.WetBanenafspraak2025), null, c.Explanation)
                : null;
            if (json)
            {
                var m = result.Measurement;
                WriteJson(new LandelijkJson(year, result.RegimeYear, result.PayrollRows, TotalenJson.From(result.Total), result.Groups.Select(TotalenJson.From).ToList(),
                    new MetingJson(m.FormalMarket, m.FormalGovernment, m.HiredIn, m.GovernmentShareHiredIn?.Value, m.Market, m.Government, m.TargetMarket?.Value,
                        m.TargetGovernment?.Value, m.Total, m.BaselineJobs.Required, m.Increase, m.TotalTarget, m.JobsFromYearHours),
                    result.PremiumBaseGiven, result.Notes, explanation));
                return 0;
            }
            Console.WriteLine();
            Console.Write(NationalRegimeComparison.Text(result));
            if (result.Explanation is { } x)
            {
                Console.WriteLine();
                Console.WriteLine($"Werkgever {options.ExplainEmployer}");
                foreach (var (title, o) in new[] { ("Quotumregeling", x.Quotumregeling), ("Wet banenafspraak (2025)", x.WetBanenafspraak2025) })
                {
                    Console.WriteLine($"{title} — {o.Regime.LegalBasis}");
                    Console.Write(o.Trace.ToText());
                    foreach (var line in o.Summary) Console.WriteLine("  " + line);
                    Console.WriteLine();
                }
                foreach (var line in x.Explanation) Console.WriteLine("- " + line);
            }
            if (options.OutputDir is not null) Console.WriteLine($"Resultaten in {options.OutputDir}.");
            return 0;
        });
        return cmd;
    }
}
