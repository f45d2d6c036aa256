namespace Banenmonitor.Data.Model;

/// <summary>
/// The 12 types of action the research coded work agendas with (research report De Beleidsonderzoekers 2023 §2.2.1 and the table of §4.1; numbered as
/// in that table). Nine come from the Significant APE report of 2018; the researchers added procurement/SROI,
/// sharing good examples and centralised steering/financing. Stored by number; <see cref="ActionTypes"/> gives the
/// seed's Dutch labels.
/// </summary>
public enum ActionType
{
    Ambassadorship = 1,
    IntermediariesAndAgencies = 2,
    BoardCommitment = 3,
    CentralSteeringOrFunding = 4,
    SharingGoodExamples = 5,
    JobCarving = 6,
    ProcurementSroi = 7,
    MeetAndGreets = 8,
    TrialPlacementsInternships = 9,
    PartnerOrganisations = 10,
    TalentProgrammesHighlyEducated = 11,
    SupervisorTraining = 12,
}

/// <summary>Labels and codes of the action types, exactly as research report De Beleidsonderzoekers 2023 §4.1 writes them.</summary>
public static class ActionTypes
{
    public sealed record Info(ActionType Type, string Code, string Label, string ShortLabel);

    /// <summary>In the order and with the labels of the table in research report De Beleidsonderzoekers 2023 §4.1.</summary>
    public static readonly IReadOnlyList<Info> All =
    [
        new(ActionType.Ambassadorship, "ambassadeurschap", "Ambassadeurschap / persoonlijke motivatie", "Ambassadeurschap"),
        new(ActionType.IntermediariesAndAgencies, "bemiddelaars", "Bemiddelaars en uitzendbureaus", "Bemiddelaars"),
        new(ActionType.BoardCommitment, "bestuurlijk-commitment", "Bestuurlijk commitment", "Bestuurlijk commitment"),
        new(ActionType.CentralSteeringOrFunding, "centralisatie", "Centralisatie van aansturing / financiering", "Centralisatie"),
        new(ActionType.SharingGoodExamples, "goede-voorbeelden", "Delen van goede voorbeelden", "Goede voorbeelden"),
        new(ActionType.JobCarving, "functies-passend-maken", "Functies passend maken voor competenties, mogelijkheden en beperkingen van kandidaten", "Jobcarving"),
        new(ActionType.ProcurementSroi, "inkoop-sroi", "Inkoop en SROI", "Inkoop/SROI"),
        new(ActionType.MeetAndGreets, "meet-and-greets", "Meet and greets voor managers, leidinggevenden en kandidaten", "Meet and greets"),
        new(ActionType.TrialPlacementsInternships, "proefplaatsingen", "Proefplaatsingen, stages en werkervaringsplekken en andere manieren om kandidaten te leren kennen", "Proefplaatsingen"),
        new(ActionType.PartnerOrganisations, "samenwerkingspartners", "Samenwerken met partners die ondersteunen en ontzorgen (intermediairs, sw-bedrijf)", "Samenwerkingspartners"),
        new(ActionType.TalentProgrammesHighlyEducated, "talenttrajecten", "Talenttrajecten voor hoogopgeleide mensen met een arbeidsbeperking", "Talenttrajecten"),
        new(ActionType.SupervisorTraining, "training-begeleiders", "Training voor begeleiders", "Training begeleiders"),
    ];

    /// <summary>The maximum score of an agenda: every type present (research report De Beleidsonderzoekers 2023 §4.1.1).</summary>
    public static int MaxScore => All.Count;

    public static Info Of(ActionType t) => All.First(i => i.Type == t);
    public static string Label(this ActionType t) => Of(t).Label;
    public static string ShortLabel(this ActionType t) => Of(t).ShortLabel;
    public static string Code(this ActionType t) => Of(t).Code;

    /// <summary>Parses a code (<c>goede-voorbeelden</c>), a number (5) or a label; null when unknown.</summary>
    public static ActionType? Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (int.TryParse(s, out var n)) return All.FirstOrDefault(i => (int)i.Type == n)?.Type;
        return All.FirstOrDefault(i => string.Equals(i.Code, s, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(i.Label, s, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(i.ShortLabel, s, StringComparison.OrdinalIgnoreCase))?.Type;
    }
}

/// <summary>Dutch labels of statuses, levels and outcomes.</summary>
public static class WorkAgendaText
{
    public static string Dutch(this WorkAgendaStatus s) => s switch
    {
        WorkAgendaStatus.Concept => "concept",
        WorkAgendaStatus.Vastgesteld => "vastgesteld",
        _ => "geëvalueerd",
    };

    public static string Dutch(this GoalLevel l) => l switch
    {
        GoalLevel.Breed => "breed (uitgevoerd of niet)",
        GoalLevel.Midden => "midden (aantal)",
        _ => "smal (banen)",
    };

    public static string Dutch(this EvaluationOutcome o) => o switch
    {
        EvaluationOutcome.Werkte => "werkte",
        EvaluationOutcome.Deels => "werkte deels",
        _ => "werkte niet",
    };
}
