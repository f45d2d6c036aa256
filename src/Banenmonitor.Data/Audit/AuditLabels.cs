using System.Globalization;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Units;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Data.Audit;

/// <summary>One field of a change: its Dutch label and the value before and after, as the user reads them.</summary>
public sealed record AuditField(string Property, string Label, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>
/// Dutch names of the fields of audited figures — the one place that maps an entity property to the label users read
/// (audit trail, review page) — and the before/after table of a change.
/// </summary>
public static class AuditLabels
{
    /// <summary>Property (or <c>Entity.Property</c> where one name means different things) → Dutch label.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["PayrollTaxNumber"] = "loonheffingennummer",
        ["Name"] = "naam",
        ["SectorId"] = "sector",
        ["SizeClass"] = "grootteklasse",
        ["LenderType"] = "soort uitlener",
        ["Municipality"] = "gemeente",
        ["Pseudonym"] = "pseudoniem",
        ["Ground"] = "grond van registratie",
        ["StartDate"] = "startdatum",
        ["EndDate"] = "einddatum",
        ["EmployerId"] = "werkgever",
        ["PeriodStart"] = "begin loonperiode",
        ["PeriodEnd"] = "einde loonperiode",
        ["Hours"] = "uren",
        ["Form"] = "arbeidsrelatie",
        ["LenderId"] = "uitlener",
        ["HirerId"] = "inlener",
        ["Year"] = "jaar",
        ["AgreedOn"] = "overeengekomen op",
        ["Reference"] = "kenmerk",
        ["ProcurerId"] = "aanbestedende werkgever",
        ["SupplierName"] = "leverancier",
        ["SupplierPayrollTaxNumber"] = "loonheffingennummer leverancier",
        ["SroiContract.Value"] = "contractwaarde (euro)",
        ["Obligation"] = "social-return-verplichting (euro)",
        ["ContractId"] = "contract",
        ["PersonCount"] = "aantal personen",
        ["TargetJobs"] = "doel (banen)",
        ["RealisedJobs"] = "realisatie (banen)",
        ["Percentage"] = "realisatiepercentage",
        ["SroiJobs"] = "banen via SROI/inkoop",
        ["PercentageIncludingSroi"] = "percentage inclusief SROI",
        ["HiredInJobs"] = "banen via inhuur",
        ["PermanentShare"] = "aandeel vast (%)",
        ["TemporaryShare"] = "aandeel tijdelijk (%)",
        ["Coverage"] = "dekking (%)",
        ["GeneralPicture"] = "algemeen beeld",
        ["QualityAndSustainability"] = "kwaliteit en duurzaamheid",
        ["Status"] = "status",
        ["Source"] = "bron",
        ["SubmittedBy"] = "ingediend door",
        ["SubmittedAt"] = "ingediend op",
        ["ReviewedBy"] = "beoordeeld door",
        ["ReviewedAt"] = "beoordeeld op",
        ["RejectionReason"] = "reden van afwijzing",
        ["TotalPaidHours"] = "verloonde uren",
        ["TargetGroupHours"] = "verloonde uren doelgroep",
        ["PreviousYearPaidHours"] = "verloonde uren vorig jaar",
        ["PermanentJobs"] = "banen vast",
        ["TemporaryJobs"] = "banen tijdelijk",
        ["Actions"] = "ondernomen acties",
        ["Note"] = "toelichting",
        ["ValidFrom"] = "geldig vanaf",
        ["Value"] = "waarde",
        ["CreatedBy"] = "opgegeven door",
        ["CreatedAt"] = "opgegeven op",
        ["Measure"] = "omvangsmaat",
        ["Size"] = "omvang",
        ["Method"] = "methode",
        ["Estimate"] = "schatting",
        ["StandardError"] = "standaardfout",
        ["Lower"] = "ondergrens interval",
        ["Upper"] = "bovengrens interval",
        ["EmployersReported"] = "werkgevers met rapportage",
        ["EmployersTotal"] = "werkgevers in het register",
        ["SizeShareReported"] = "aandeel gerapporteerde omvang",
        ["Reason"] = "reden",
        ["ChosenBy"] = "gekozen door",
        ["ChosenAt"] = "gekozen op",
        ["ApprovedBy"] = "goedgekeurd door",
        ["ApprovedAt"] = "goedgekeurd op",
        ["Title"] = "titel",
        ["WorkAgenda.PeriodStart"] = "begin periode",
        ["WorkAgenda.PeriodEnd"] = "einde periode",
        ["PreviousAgendaId"] = "vorige werkagenda",
        ["ProblemAnalysis"] = "probleemanalyse",
        ["DerivedFromDocuments"] = "afgeleid uit documenten",
        ["EvaluatedAt"] = "geëvalueerd op",
        ["EvaluationSummary"] = "samenvatting evaluatie",
        ["AgendaId"] = "werkagenda",
        ["Role"] = "functie",
        ["SignedOn"] = "ondertekend op",
        ["RecordedBy"] = "vastgelegd door",
        ["RecordedAt"] = "vastgelegd op",
        ["Description"] = "omschrijving",
        ["Type"] = "soort",
        ["Owner"] = "trekker",
        ["Start"] = "begin",
        ["End"] = "einde",
        ["Problem"] = "probleem",
        ["ForecastJobs"] = "verwachte banen",
        ["SourceQuote"] = "citaat uit de bron",
        ["CarriedOverFromId"] = "overgenomen van actie",
        ["Evaluation"] = "evaluatie",
        ["EvaluationReason"] = "reden evaluatie",
        ["EvaluatedOn"] = "geëvalueerd op",
        ["ActionId"] = "actie",
        ["Level"] = "niveau",
        ["Target"] = "streefwaarde",
        ["Unit"] = "eenheid",
        ["Due"] = "uiterlijk",
        ["CompletedOn"] = "afgerond op",
        ["Date"] = "datum",
        ["GoalId"] = "doel",
        ["GoalValue"] = "waarde van het doel",
        ["JobsRealised"] = "gerealiseerde banen",
        ["Fingerprint"] = "vingerafdruk van de sleutel",
        ["FindingKey"] = "sleutel van de bevinding",
        ["FindingResolution.Sector"] = "sector",
        ["Kind"] = "soort controle",
        ["Figure"] = "cijfer",
        ["Document"] = "document",
        ["PublishedValue"] = "gepubliceerde waarde",
        ["ComputedValue"] = "herberekende waarde",
        ["Choice"] = "geldende waarde",
        ["FindingResolution.Value"] = "geldende waarde (getal)",
        ["ResolvedBy"] = "opgelost door",
        ["ResolvedAt"] = "opgelost op",
        ["SupersedesId"] = "vervangt",
        ["Version"] = "versie",
        ["PdfSha256"] = "SHA-256 van de PDF",
        ["XlsxSha256"] = "SHA-256 van het Excelbestand",
        ["HtmlSha256"] = "SHA-256 van de HTML",
        ["DataVersion"] = "gegevensversie",
        ["ParameterVersion"] = "parameterversie",
        ["ResolutionIds"] = "oplossingen in de bijlage",
        ["PublishedBy"] = "gepubliceerd door",
        ["PublishedAt"] = "gepubliceerd op",
    };

    /// <summary>The Dutch label of a property of an entity type (the property name itself when none is known).</summary>
    public static string Of(string entityType, string property) =>
        Labels.GetValueOrDefault($"{entityType}.{property}") ?? Labels.GetValueOrDefault(property) ?? property;

    /// <summary>Whether a label is known (the model test asserts every audited property has one).</summary>
    public static bool Has(string entityType, string property) =>
        Labels.ContainsKey($"{entityType}.{property}") || Labels.ContainsKey(property);

    /// <summary>The fields of one audit entry, before beside after, in the order of the JSON (sorted by property).</summary>
    public static IReadOnlyList<AuditField> Fields(AuditEntry entry)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(p => new AuditField(p, Of(entry.EntityType, p), Show(p, before.GetValueOrDefault(p)), Show(p, after.GetValueOrDefault(p))))
            .ToList();
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException) { return new() { ["(waarden)"] = JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone() }; }
    }

    /// <summary>A value as users read it: Dutch numbers, dates as dd-MM-yyyy, statuses and sectors by their Dutch name.</summary>
    private static string? Show(string property, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.True: return "ja";
            case JsonValueKind.False: return "nee";
            case JsonValueKind.Number:
                if (property is "SectorId" && v.TryGetInt32(out var id) && PublicSectors.OfPlatform(id) is { } sector) return sector.Code;
                return v.TryGetDecimal(out var d) ? DutchFormat.Number(d, 6) : v.GetRawText();
            case JsonValueKind.String:
                var s = v.GetString()!;
                if (property == "Status" && Enum.TryParse<ReportStatus>(s, out var status) && Enum.IsDefined(status)) return status.Dutch();
                if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) && s.Length > 10)
                    return t.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
                if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
                return s;
            default: return v.GetRawText();
        }
    }
}
