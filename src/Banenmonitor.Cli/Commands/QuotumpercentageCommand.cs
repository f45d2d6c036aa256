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
    public sealed record AfleidingJson(int Jaar, string Uitkomst, string Formule, decimal? Afgeleid, decimal? Onafgerond, decimal? InGebruik, string? StatusInGebruik,
        string? BronInGebruik, IReadOnlyList<string> Ontbrekend, IReadOnlyList<BronView> NietVastgesteld, IReadOnlyList<VariantJson> Varianten,
        string Toelichting, IReadOnlyList<StapView> Stappen);

    /// <summary>
    /// One derivation with one choice per input whose value in force is not settled (variable A between the texts of 2015 and
    /// 2024); a year without such an input has one variant with no choices.
    /// </summary>
    public sealed record VariantJson(IReadOnlyList<BronView> Keuzes, decimal? Afgeleid, decimal? Onafgerond, GeimpliceerdJson? Geimpliceerd,
        OndergrensJson? Ondergrens, decimal? VerschilGebruiktMinZonderInvoer, string Toelichting);

    /// <summary>The one missing input's range implied by the percentage in use — implied, not found (no source, no reproduction).</summary>
    public sealed record GeimpliceerdJson(string Naam, string Variabele, decimal Van, decimal Tot, decimal? PercentageZonderDezeInvoer);

    /// <summary>With D and F × G ÷ C both missing: D must be more than <c>GroterDan</c> (F ≥ 0) — implied, no source.</summary>
    public sealed record OndergrensJson(string Naam, string Variabele, decimal GroterDan, string Soort);

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
                return (d, new AfleidingJson(year, Dutch(d.Outcome), QuotaPercentageDerivation.Formula, d.Derived, d.Unrounded, d.Published?.Value,
                    d.Published?.Status.Dutch(), d.Published?.Source, d.Missing.Select(m => m.Name).ToList(), d.Unsettled.Select(u => u.ToView()).ToList(),
                    d.Variants.Select(v => new VariantJson(v.Choices.Select(c => c.ToView()).ToList(), v.Derived, v.Unrounded,
                        v.Implied is { } i ? new GeimpliceerdJson(i.Name, i.Letter, i.Low, i.High, i.PercentageWithoutIt) : null,
                        v.LowerBoundD is { } b ? new OndergrensJson(b.Name, b.Letter, b.Above, "geïmpliceerd, geen bron") : null,
                        v.HeadroomAboveWithoutMissing, v.Explanation)).ToList(),
                    d.Explanation, d.Trace.ToView()));
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
