using System.CommandLine;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using static Banenmonitor.Cli.CliSupport;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Cli.Commands;

/// <summary>
/// <c>banenmonitor quotumpercentage</c>: the government quota percentage of a year (or every year) derived from its legal
/// inputs (Wfsv art. 38f lid 2; Regeling Wfsv art. 3.35), step by step, compared with the percentage in use.
/// </summary>
public static class QuotumpercentageCommand
{
    public sealed record AfleidingJson(int Jaar, string Uitkomst, decimal? Afgeleid, decimal? Onafgerond, decimal? InGebruik, string? StatusInGebruik,
        string? BronInGebruik, IReadOnlyList<string> Ontbrekend, GeimpliceerdJson? Geimpliceerd, string Toelichting, IReadOnlyList<StapView> Stappen);

    /// <summary>The one missing input's range implied by the percentage in use — implied, not found (no source, no reproduction).</summary>
    public sealed record GeimpliceerdJson(string Naam, string Variabele, decimal Van, decimal Tot, decimal? PercentageZonderDezeInvoer);

    public static string Dutch(QuotaDerivationOutcome o) => o switch
    {
        QuotaDerivationOutcome.Confirmed => "bevestigd door afleiding",
        QuotaDerivationOutcome.Differs => "wijkt af",
        QuotaDerivationOutcome.NoPublishedValue => "afgeleid, geen gepubliceerde waarde",
        QuotaDerivationOutcome.InputsMissing => "niet af te leiden: invoer ontbreekt",
        _ => "niet van toepassing",
    };

    public static Command Build()
    {
        var jaar = Text("--jaar", "Het quotumjaar (standaard: alle jaren van de quotumregeling)");
        var overrides = ParameterOverrides();
        var format = Format();
        var cmd = new Command("quotumpercentage", "Leid het quotumpercentage van de sector overheid af uit de formule van Wfsv art. 38f en vergelijk het met het gebruikte percentage")
            { jaar, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            var parameters = Parameters(r, overrides);
            var years = Int(r, jaar) is { } y ? [y] : parameters.History(P.QuotaPercentageGovernment).Select(v => v.ValidFrom.Year).ToList();
            var derivation = new QuotaPercentageDerivation(parameters);
            var rows = years.Select(year =>
            {
                var d = derivation.Derive(year);
                return (d, new AfleidingJson(year, Dutch(d.Outcome), d.Derived, d.Unrounded, d.Published?.Value, d.Published?.Status.Dutch(), d.Published?.Source,
                    d.Missing.Select(m => m.Name).ToList(),
                    d.Implied is { } i ? new GeimpliceerdJson(i.Name, i.Letter, i.Low, i.High, i.PercentageWithoutIt) : null, d.Explanation, d.Trace.ToView()));
            }).ToList();
            if (json) { WriteJson(rows.Select(x => x.Item2).ToList()); return 0; }
            foreach (var (d, row) in rows)
            {
                Console.WriteLine($"Quotumpercentage sector overheid {row.Jaar}: {row.Uitkomst}");
                Console.WriteLine(new string('=', 60));
                Console.Write(d.Trace.ToText());
                Console.WriteLine(row.Toelichting);
                if (d.Missing.Count > 0)
                    Console.WriteLine($"Een beheerder kan de ontbrekende invoer met bron opgeven, bv. --parameter {d.Missing[0].Name}={row.Jaar}:WAARDE:\"bron\".");
                Console.WriteLine();
            }
            return 0;
        });
        return cmd;
    }
}
