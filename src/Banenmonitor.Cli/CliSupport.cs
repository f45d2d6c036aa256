using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Banenmonitor.Data;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Text;

namespace Banenmonitor.Cli;

/// <summary>
/// The parameters a command computed with and, in Dutch, which set that is (<see cref="ParametersInForce.Description"/>
/// plus the command line's values); shown as "Gerekend met: …" in text and as <c>parametersVandaag</c> in JSON, the name
/// the scenario uses.
/// </summary>
public sealed record CliParameters(ParameterSet Set, string Description);

/// <summary>A user error: printed in Dutch, exit code 2, never a stack trace.</summary>
public sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Shared option parsing and output helpers. Options are read as text and converted here so that every message is Dutch.</summary>
public static class CliSupport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Option<string> Text(string name, string description) => new(name) { Description = description };

    public static Option<string> Format() => new("--format") { Description = "Uitvoer: tekst (standaard) of json" };

    public static Option<string[]> ParameterOverrides() => new("--parameter")
    {
        Description = "Waarde van een parameter opgeven met bron: naam=jaar:waarde:bron (mag herhaald worden)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static bool IsJson(ParseResult r, Option<string> format)
    {
        var f = r.GetValue(format);
        return f switch
        {
            null or "tekst" or "text" => false,
            "json" => true,
            _ => throw new CliException($"Onbekend formaat '{f}': kies tekst of json."),
        };
    }

    public static int? Int(ParseResult r, Option<string> o, bool required = false)
    {
        var s = r.GetValue(o);
        if (s is null) return required ? throw new CliException($"De optie {o.Name} is verplicht.") : null;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new CliException($"Ongeldige waarde '{s}' voor {o.Name}: verwacht een geheel getal.");
        return v;
    }

    /// <summary>A number option through the one reader of typed numbers: Dutch notation (600.000 or 600000,5), within its bounds.</summary>
    public static decimal? Decimal(ParseResult r, Option<string> o, NumberBounds bounds, bool required = false)
    {
        var s = r.GetValue(o);
        if (s is null) return required ? throw new CliException($"De optie {o.Name} is verplicht.") : null;
        var v = DutchNumber.ReadField(s, bounds);
        return v.Ok ? v.Value : throw new CliException($"Ongeldige waarde '{s}' voor {o.Name}: {v.Error}.");
    }

    /// <summary>The message of a missing parameter with how to supply it on the command line.</summary>
    public static string WithHint(MissingParameterException e) => e.CliHint is { } hint ? $"{e.Message} {hint}" : e.Message;

    /// <summary>The built-in parameters with the command line's <c>--parameter</c> values applied (no database).</summary>
    public static ParameterSet Parameters(ParseResult r, Option<string[]> overrides) => Apply(ParameterSet.Embedded, r, overrides);

    /// <summary>
    /// The parameters a command given a database computes with — the same as the web: the built-in set plus the values an
    /// administrator stored (<see cref="StoredParameters.Load"/>), then the command line's <c>--parameter</c> values on top
    /// (the command line wins). Without a database the built-in set plus the command line's values.
    /// </summary>
    public static CliParameters Parameters(ParseResult r, Option<string[]> overrides, BanenmonitorDbContext? db)
    {
        var inForce = db is null ? ParametersInForce.BuiltIn : StoredParameters.Load(db);
        var given = (r.GetValue(overrides) ?? []).Length;
        return new CliParameters(Apply(inForce.Set, r, overrides),
            inForce.Description + (given == 0 ? "" : $", met {given} op de opdrachtregel opgegeven {(given == 1 ? "waarde" : "waarden")} (--parameter)"));
    }

    private static ParameterSet Apply(ParameterSet set, ParseResult r, Option<string[]> overrides)
    {
        foreach (var spec in r.GetValue(overrides) ?? [])
        {
            try { set = set.WithOverride(spec); }
            catch (Exception e) when (e is ArgumentException or MissingParameterException) { throw new CliException(e is MissingParameterException m ? WithHint(m) : e.Message); }
        }
        return set;
    }

    /// <summary>The line a command prints to say which parameters it used (worded as the scenario's "vandaag gerekend met").</summary>
    public static string ComputedWith(CliParameters p) => $"Gerekend met: {p.Description}";

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>The repository's data/published folder (<see cref="PublishedData.TryFind"/>), or a Dutch error.</summary>
    public static PublishedData PublishedFolder() => PublishedData.TryFind()
        ?? throw new CliException($"Kan '{Path.Combine("data", "published")}' niet vinden vanaf {Directory.GetCurrentDirectory()}.");
}
