using System.CommandLine;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Cli.CliSupport;

namespace Banenmonitor.Cli.Commands;

/// <summary><c>banenmonitor parameters</c>: every parameter with value, valid-from, source and status.</summary>
public static class ParametersCommand
{
    /// <summary>One value as JSON; <see cref="Wetsartikelen"/> the articles of law it rests on, each with its <c>url</c> on wetten.overheid.nl.</summary>
    public sealed record ParameterJson(string Naam, string Omschrijving, string Eenheid, string Regime, decimal? Waarde, string GeldigVanaf, string Status, string Bron,
        IReadOnlyList<Banenmonitor.Rules.Contracts.WetsverwijzingView> Wetsartikelen);

    public static Command Build()
    {
        var format = Format();
        var naam = Text("--naam", "Toon alleen deze parameter");
        var jaar = Text("--jaar", "Toon per parameter alleen de waarde die in dit kalenderjaar geldt (ook een lege: onbevestigd of niet van toepassing)");
        var overrides = ParameterOverrides();
        var cmd = new Command("parameters", "Toon alle parameters met waarde, geldig-vanaf, bron en status") { naam, jaar, overrides, format };
        cmd.SetAction(r =>
        {
            var json = IsJson(r, format);
            // A quota percentage its own derivation (Wfsv art. 38f) confirms shows the status "bevestigd door afleiding".
            var set = Banenmonitor.Rules.Quota.QuotaPercentageDerivation.Confirm(Parameters(r, overrides));
            var only = r.GetValue(naam);
            if (only is not null && set.Definitions.All(d => d.Name != only)) throw new CliException($"Onbekende parameter '{only}'.");
            var year = Int(r, jaar);
            var values = year is { } y ? set.Definitions.Select(d => set.InForce(d.Name, y)).OfType<ParameterValue>() : set.AllValues;
            var rows = values.Where(v => only is null || v.Name == only)
                .Select(v =>
                {
                    var d = set.Definition(v.Name);
                    return new ParameterJson(v.Name, d.Description, d.Unit, d.Regime, v.Value, v.ValidFrom.ToString("yyyy-MM-dd"), v.Status.Dutch(), v.Source, v.Legal.ToView());
                }).ToList();
            if (json) { WriteJson(rows); return 0; }
            foreach (var g in rows.GroupBy(x => x.Naam))
            {
                Console.WriteLine($"{g.Key} — {g.First().Omschrijving} ({g.First().Eenheid})");
                foreach (var v in g)
                {
                    var mark = v.Status == ParameterStatus.Unconfirmed.Dutch() ? "  [ONBEVESTIGD]" : "";
                    Console.WriteLine($"    vanaf {v.GeldigVanaf}: {(v.Waarde is { } w ? DutchFormat.Number(w, 4) : "— (geen waarde)")}  [{v.Status}]{mark}  bron: {v.Bron}" +
                        (v.Wetsartikelen.Count > 0 ? $"  wet: {string.Join(", ", v.Wetsartikelen.Select(w => $"{w.Tekst} ({w.Url})"))}" : ""));
                }
            }
            return 0;
        });
        return cmd;
    }
}
