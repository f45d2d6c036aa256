using System.Globalization;
using System.Reflection;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Data.WorkAgendas;

/// <summary>One action of a seed-derived agenda (a row of data/published/werkagendas.csv).</summary>
public sealed record SeedAction(int Row, string Sector, DateOnly Start, DateOnly End, string Agenda, ActionType Type, string Title,
    string Owner, string? Problem, string Source, string? Quote, string? Note);

/// <summary>
/// The starting work agendas derived from the source documents (data/published/werkagendas.csv, embedded): one per
/// sector, marked <see cref="WorkAgenda.DerivedFromDocuments"/>, status concept, each action with its source quote.
/// </summary>
public static class WorkAgendaSeed
{
    public const string FileName = "werkagendas.csv";
    private static readonly string[] Columns = ["sector", "periode_begin", "periode_eind", "agenda", "type", "actie", "eigenaar", "knelpunt", "bron", "citaat", "toelichting"];

    /// <summary>The embedded copy of data/published/werkagendas.csv.</summary>
    public static string EmbeddedText()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Banenmonitor.Data.werkagendas.csv")
                      ?? throw new InvalidOperationException("werkagendas.csv ontbreekt in de assembly.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Parses the file; a bad row gives a Dutch error naming file, row and column.</summary>
    public static IReadOnlyList<SeedAction> Parse(string text, string file = FileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#', TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader()) throw new FormatException($"{file}: kopregel ontbreekt.");
        foreach (var c in Columns)
            if (!csv.HeaderRecord!.Contains(c)) throw new FormatException($"{file}: kolom '{c}' ontbreekt in de kopregel.");
        var rows = new List<SeedAction>();
        while (csv.Read())
        {
            var row = csv.Parser.RawRow;
            string Get(string c) => csv.GetField(c) ?? "";
            string Required(string c) => Get(c) is { Length: > 0 } v ? v : throw new FormatException($"{file}, regel {row}, kolom '{c}': waarde ontbreekt.");
            DateOnly Date(string c) => DateOnly.TryParseExact(Required(c), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new FormatException($"{file}, regel {row}, kolom '{c}': '{Get(c)}' is geen datum (jjjj-mm-dd).");
            var sector = Required("sector");
            if (PublicSectors.OfPlatform(sector) is null) throw new FormatException($"{file}, regel {row}, kolom 'sector': onbekende sector '{sector}'.");
            var type = ActionTypes.Parse(Required("type")) ?? throw new FormatException($"{file}, regel {row}, kolom 'type': onbekend type actie '{Get("type")}'.");
            var (start, end) = (Date("periode_begin"), Date("periode_eind"));
            if (end <= start) throw new FormatException($"{file}, regel {row}, kolom 'periode_eind': ligt niet na periode_begin.");
            rows.Add(new SeedAction(row, sector, start, end, Required("agenda"), type, Required("actie"), Required("eigenaar"),
                NullIfEmpty(Get("knelpunt")), Required("bron"), NullIfEmpty(Get("citaat")), NullIfEmpty(Get("toelichting"))));
        }
        foreach (var g in rows.GroupBy(r => r.Sector))
            if (g.Select(r => (r.Start, r.End, r.Agenda)).Distinct().Count() > 1)
                throw new FormatException($"{file}, regel {g.First().Row}: sector '{g.Key}' heeft regels met verschillende periode of agendatitel.");
        return rows;
    }

    /// <summary>Agendas (not yet saved) from parsed rows; sector ids from <see cref="PublicSectors.Platform"/>.</summary>
    public static IReadOnlyList<WorkAgenda> Build(IReadOnlyList<SeedAction> rows, DateTime createdAt) =>
        rows.GroupBy(r => r.Sector).Select(g =>
        {
            var first = g.First();
            return new WorkAgenda
            {
                SectorId = PublicSectors.OfPlatform(g.Key)!.Id!.Value, Title = first.Agenda, PeriodStart = first.Start, PeriodEnd = first.End,
                Status = WorkAgendaStatus.Concept, DerivedFromDocuments = true, CreatedBy = "systeem", CreatedAt = createdAt,
                Source = "Afgeleid uit de brondocumenten (data/published/werkagendas.csv): " + string.Join("; ", g.Select(r => r.Source).Distinct()),
                Actions = g.Select(r => new WorkAgendaAction
                {
                    Title = r.Title, Type = r.Type, Owner = r.Owner, Problem = r.Problem, Source = r.Source, SourceQuote = r.Quote,
                    Description = r.Note, Start = r.Start, End = r.End,
                }).ToList(),
            };
        }).ToList();

    /// <summary>Loads the seed-derived agendas when the database has none yet. Returns the number of agendas added.</summary>
    public static async Task<int> SeedAsync(BanenmonitorDbContext db, string? text = null, CancellationToken ct = default)
    {
        if (await db.Set<WorkAgenda>().AnyAsync(ct)) return 0;
        var agendas = Build(Parse(text ?? EmbeddedText()), DateTime.UtcNow);
        var before = db.Actor;
        db.Actor = new AuditActor("systeem", "werkagenda's uit brondocumenten geladen");
        try
        {
            db.AddRange(agendas);
            await db.SaveChangesAsync(ct);
        }
        finally { db.Actor = before; }
        return agendas.Count;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
