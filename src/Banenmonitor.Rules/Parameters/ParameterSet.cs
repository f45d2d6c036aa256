using System.Globalization;
using System.Reflection;
using Banenmonitor.Rules.Laws;

namespace Banenmonitor.Rules.Parameters;

/// <summary>
/// All dated, sourced parameter values. Loaded from the data files embedded in this assembly
/// (<c>Parameters/*.csv</c>) and validated at load: unknown names, overlapping values, gaps in yearly
/// series, missing sources and malformed numbers are errors naming the file and line.
/// Immutable: <see cref="WithOverride"/> returns a new set.
/// </summary>
public sealed class ParameterSet
{
    public const string CatalogFile = "catalogus.csv";
    /// <summary>The columns of a value file; a sixth column <see cref="LegalColumn"/> is optional.</summary>
    public const string ValueHeader = "naam,geldig_vanaf,waarde,status,bron";
    /// <summary>
    /// The articles of law behind a value, structured (<see cref="LegalReference.Parse"/>): e.g. <c>Wfsv art. 38h lid 4</c>,
    /// <c>Besluit Wfsv art. 2.27–2.31</c>, <c>Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21</c>; empty when none.
    /// </summary>
    public const string LegalColumn = "wetsartikel";
    private static readonly Lazy<ParameterSet> EmbeddedSet = new(LoadEmbeddedCore);

    private readonly Dictionary<string, ParameterDefinition> _definitions;
    private readonly Dictionary<string, List<ParameterValue>> _values;

    private ParameterSet(Dictionary<string, ParameterDefinition> definitions, Dictionary<string, List<ParameterValue>> values)
    {
        _definitions = definitions;
        _values = values;
    }

    /// <summary>The parameters shipped with Banenmonitor.</summary>
    public static ParameterSet Embedded => EmbeddedSet.Value;

    public IReadOnlyCollection<ParameterDefinition> Definitions => _definitions.Values;

    public ParameterDefinition Definition(string name) =>
        _definitions.TryGetValue(name, out var d) ? d : throw new MissingParameterException($"Onbekende parameter '{name}'.");

    /// <summary>All values, ordered by name and date.</summary>
    public IEnumerable<ParameterValue> AllValues =>
        _values.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value);

    public IReadOnlyList<ParameterValue> History(string name) =>
        _values.TryGetValue(name, out var list) ? list : throw new MissingParameterException($"Onbekende parameter '{name}'.");

    /// <summary>The value valid on <paramref name="date"/>; throws a Dutch <see cref="MissingParameterException"/> when none.</summary>
    public ParameterValue Get(string name, DateOnly date)
    {
        var found = Lookup(name, date, out var error) ?? throw new MissingParameterException(error!, name, date.Year);
        _ = found.Required;
        return found;
    }

    /// <summary>The value valid in calendar year <paramref name="year"/> (on 1 January).</summary>
    public ParameterValue Get(string name, int year) => Get(name, new DateOnly(year, 1, 1));

    /// <summary>
    /// Like <see cref="Get(string, int)"/>, false instead of the exception (without throwing one: bulk runs ask this for
    /// every employer, e.g. the unknown activation year of the Wet banenafspraak).
    /// </summary>
    public bool TryGet(string name, int year, out ParameterValue? value)
    {
        value = Lookup(name, new DateOnly(year, 1, 1), out _);
        if (value?.Value is null) value = null;
        return value is not null;
    }

    /// <summary>
    /// The value of <paramref name="name"/> in force on 1 January of <paramref name="year"/>, also one without a value
    /// (unconfirmed) or marked not applicable; null when there is none for that year (for a yearly parameter: no row for the year).
    /// </summary>
    public ParameterValue? InForce(string name, int year)
    {
        if (TryGet(name, year, out var v)) return v;
        var date = new DateOnly(year, 1, 1);
        var found = History(name).LastOrDefault(h => h.ValidFrom <= date);
        return found is null || (Definition(name).PerYear && found.ValidFrom.Year != year) ? null : found;
    }

    /// <summary>
    /// The value valid on <paramref name="date"/> (possibly one without a value: unconfirmed), or null with the Dutch
    /// reason in <paramref name="error"/>.
    /// </summary>
    private ParameterValue? Lookup(string name, DateOnly date, out string? error)
    {
        error = null;
        if (!_definitions.TryGetValue(name, out var def) || !_values.TryGetValue(name, out var list))
        {
            error = $"Onbekende parameter '{name}'.";
            return null;
        }
        ParameterValue? found = null;
        foreach (var v in list)
        {
            if (v.ValidFrom <= date) found = v; else break;
        }
        if (found is null)
            error = $"Parameter '{name}' heeft geen waarde op {date:yyyy-MM-dd} (eerste waarde geldt vanaf {list[0].ValidFrom:yyyy-MM-dd}).";
        else if (def.PerYear && found.ValidFrom.Year != date.Year)
            error = $"Parameter '{name}' ({def.Description}) heeft geen waarde voor {date.Year}. " +
                    "Een beheerder kan een waarde met bron opgeven.";
        return error is null ? found : null;
    }

    /// <summary>
    /// A new set in which <paramref name="value"/> replaces the value with the same valid-from date or is added.
    /// A value supplied this way must carry a source.
    /// </summary>
    public ParameterSet WithOverride(ParameterValue value)
    {
        var def = Definition(value.Name);
        if (string.IsNullOrWhiteSpace(value.Source))
            throw new ArgumentException($"Een opgegeven waarde voor '{value.Name}' moet een bron hebben.");
        if (value.Value is null)
            throw new ArgumentException($"Een opgegeven waarde voor '{value.Name}' moet een getal zijn.");
        if (def.PerYear && (value.ValidFrom.Month != 1 || value.ValidFrom.Day != 1))
            throw new ArgumentException($"'{value.Name}' heeft één waarde per kalenderjaar: geldig-vanaf moet 1 januari zijn.");
        var copy = _values.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        var list = copy[value.Name];
        list.RemoveAll(v => v.ValidFrom == value.ValidFrom);
        list.Add(value with { Unit = def.Unit });
        list.Sort((a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
        // Fill a hole between the last yearly value and a later supplied year with explicit unconfirmed holes? No:
        // a yearly series may not get gaps, so an override beyond the end must be the next year or be refused.
        if (def.PerYear) ValidateYearly(value.Name, list, problems: null);
        return new ParameterSet(_definitions, copy);
    }

    /// <summary>Parses an override written as <c>naam=jaar:waarde:bron</c> or <c>naam=jjjj-mm-dd:waarde:bron</c>.</summary>
    public ParameterSet WithOverride(string spec, ParameterStatus status = ParameterStatus.Unconfirmed)
    {
        var eq = spec.IndexOf('=');
        var parts = eq < 0 ? [] : spec[(eq + 1)..].Split(':', 3);
        if (eq < 0 || parts.Length != 3)
            throw new ArgumentException($"Ongeldige parameteropgave '{spec}': verwacht naam=jaar:waarde:bron.");
        var name = spec[..eq].Trim();
        DateOnly from;
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) from = new DateOnly(y, 1, 1);
        else if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            throw new ArgumentException($"Ongeldige datum '{parts[0]}' in parameteropgave '{spec}'.");
        if (!decimal.TryParse(parts[1].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            throw new ArgumentException($"Ongeldige waarde '{parts[1]}' in parameteropgave '{spec}'.");
        return WithOverride(new ParameterValue(name, from, v, status, parts[2].Trim().Trim('"'), Definition(name).Unit, "opgegeven door gebruiker"));
    }

    // ---- loading ----

    private static ParameterSet LoadEmbeddedCore()
    {
        var asm = typeof(ParameterSet).Assembly;
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Parameters/", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Name: n["Parameters/".Length..], Text: ReadResource(asm, n)))
            .ToList();
        return Load(files);
    }

    private static string ReadResource(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Loads and validates a catalog (<c>catalogus.csv</c>) and value files.</summary>
    public static ParameterSet Load(IEnumerable<(string Name, string Text)> files)
    {
        var problems = new List<string>();
        var fileList = files.ToList();
        var catalog = fileList.FirstOrDefault(f => f.Name == CatalogFile);
        if (catalog.Text is null) throw new ParameterFileException([$"{CatalogFile}: ontbreekt"]);

        var definitions = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var (line, f) in Csv.Read(new StringReader(catalog.Text)).Skip(1))
        {
            if (f.Length != 5) { problems.Add($"{CatalogFile}:{line}: verwacht 5 kolommen (naam,eenheid,per_jaar,regime,omschrijving), gevonden {f.Length}"); continue; }
            if (f[2] is not ("ja" or "nee")) { problems.Add($"{CatalogFile}:{line}: per_jaar moet 'ja' of 'nee' zijn, niet '{f[2]}'"); continue; }
            if (!definitions.TryAdd(f[0], new ParameterDefinition(f[0], f[1], f[2] == "ja", f[3], f[4])))
                problems.Add($"{CatalogFile}:{line}: parameter '{f[0]}' staat twee keer in de catalogus");
        }

        var values = definitions.Keys.ToDictionary(k => k, _ => new List<ParameterValue>(), StringComparer.Ordinal);
        var origin = new Dictionary<(string, DateOnly), string>();
        foreach (var (fileName, text) in fileList.Where(f => f.Name != CatalogFile))
        {
            var rows = Csv.Read(new StringReader(text)).ToList();
            if (rows.Count == 0) { problems.Add($"{fileName}: leeg bestand"); continue; }
            var header = string.Join(",", rows[0].Fields);
            if (header is not (ValueHeader or ValueHeader + "," + LegalColumn))
            { problems.Add($"{fileName}:{rows[0].Line}: kopregel moet '{ValueHeader}' of '{ValueHeader},{LegalColumn}' zijn, is '{header}'"); continue; }
            var columns = rows[0].Fields.Length;
            foreach (var (line, f) in rows.Skip(1))
            {
                var at = $"{fileName}:{line}";
                // The column wetsartikel may be left off a row (no article of law behind the value).
                if (f.Length != columns && !(columns == 6 && f.Length == 5)) { problems.Add($"{at}: verwacht {columns} kolommen, gevonden {f.Length}"); continue; }
                if (!definitions.TryGetValue(f[0], out var def)) { problems.Add($"{at}: onbekende parameter '{f[0]}' (niet in {CatalogFile})"); continue; }
                if (!DateOnly.TryParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                { problems.Add($"{at}: geldig_vanaf '{f[1]}' is geen datum (jjjj-mm-dd)"); continue; }
                if (!ParameterStatusText.TryParse(f[3], out var status))
                { problems.Add($"{at}: onbekende status '{f[3]}' ({ParameterStatusText.Codes})"); continue; }
                if (status == ParameterStatus.ConfirmedByDerivation)
                { problems.Add($"{at}: status '{f[3]}' zet Banenmonitor zelf na een afleiding; geef de soort bron (law, regulation, letter, report, published)"); continue; }
                decimal? value = null;
                if (f[2].Length == 0)
                {
                    if (!status.AllowsEmptyValue()) { problems.Add($"{at}: lege waarde mag alleen bij status unconfirmed of not_applicable"); continue; }
                }
                else if (status == ParameterStatus.NotApplicable)
                { problems.Add($"{at}: status not_applicable (niet van toepassing) heeft geen waarde; laat de waarde leeg"); continue; }
                else if (decimal.TryParse(f[2], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) value = v;
                else { problems.Add($"{at}: waarde '{f[2]}' is geen getal (punt als decimaalteken)"); continue; }
                if (f[4].Length == 0) { problems.Add($"{at}: bron ontbreekt"); continue; }
                if (origin.TryGetValue((f[0], from), out var first))
                { problems.Add($"{at}: overlap: '{f[0]}' heeft al een waarde vanaf {from:yyyy-MM-dd} ({first})"); continue; }
                IReadOnlyList<LegalReference> legal = [];
                if (f.Length == 6)
                {
                    try { legal = LegalReference.Parse(f[5]); }
                    catch (FormatException e) { problems.Add($"{at}: kolom {LegalColumn}: {e.Message}"); continue; }
                }
                origin[(f[0], from)] = at;
                values[f[0]].Add(new ParameterValue(f[0], from, value, status, f[4], def.Unit, at) { Legal = legal });
            }
        }

        foreach (var (name, list) in values)
        {
            list.Sort((a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
            if (list.Count == 0) { problems.Add($"{CatalogFile}: parameter '{name}' heeft geen enkele waarde"); continue; }
            if (definitions[name].PerYear) ValidateYearly(name, list, problems);
        }

        if (problems.Count > 0) throw new ParameterFileException(problems);
        return new ParameterSet(definitions, values);
    }

    private static void ValidateYearly(string name, List<ParameterValue> list, List<string>? problems)
    {
        void Problem(string p) { if (problems is null) throw new ArgumentException(p); problems.Add(p); }
        for (var i = 0; i < list.Count; i++)
        {
            var v = list[i];
            if (v.ValidFrom.Month != 1 || v.ValidFrom.Day != 1)
                Problem($"{v.Origin}: '{name}' heeft één waarde per jaar; geldig_vanaf moet 1 januari zijn");
            if (i > 0 && list[i - 1].ValidFrom.Year + 1 < v.ValidFrom.Year)
                Problem($"{v.Origin}: gat in '{name}': geen waarde voor {list[i - 1].ValidFrom.Year + 1}" +
                        (v.ValidFrom.Year - list[i - 1].ValidFrom.Year > 2 ? $" t/m {v.ValidFrom.Year - 1}" : "") +
                        " (neem het jaar op, zo nodig met status unconfirmed en lege waarde)");
        }
    }
}
