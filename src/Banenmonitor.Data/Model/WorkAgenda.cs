namespace Banenmonitor.Data.Model;

/// <summary>Where a work agenda is in its plan-do-check-act cycle (<i>concept, vastgesteld, geëvalueerd</i>).</summary>
public enum WorkAgendaStatus
{
    /// <summary>Being written (plan); actions and goals can still change.</summary>
    Concept = 0,
    /// <summary>Signed by at least one board member (do); only progress and evaluation can be added.</summary>
    Vastgesteld = 1,
    /// <summary>Every action evaluated (check/act); the basis of the next agenda.</summary>
    Geevalueerd = 2,
}

/// <summary>
/// A sector's work agenda (<i>werkagenda</i>) for a period of about two years: actions with measurable goals and job
/// forecasts, board signatures, progress and evaluation (research report De Beleidsonderzoekers 2023 §3–§4, recommendations §6.1). Each agenda may
/// start from the previous one (<see cref="PreviousAgendaId"/>): its open and partly successful actions are carried
/// over and its problems listed in <see cref="ProblemAnalysis"/>.
/// </summary>
public sealed class WorkAgenda : IAuditedFigure
{
    public int Id { get; set; }
    public int SectorId { get; set; }
    public Sector? Sector { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public WorkAgendaStatus Status { get; set; }
    public int? PreviousAgendaId { get; set; }
    public WorkAgenda? PreviousAgenda { get; set; }
    /// <summary>Problem analysis (<i>probleemanalyse</i>): why goals of the previous period were not met.</summary>
    public string? ProblemAnalysis { get; set; }
    /// <summary>Derived from the source documents (seeds) rather than entered by the sector.</summary>
    public bool DerivedFromDocuments { get; set; }
    public string? Source { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EvaluatedAt { get; set; }
    /// <summary>Overall conclusion of the evaluation (<i>evaluatie</i>).</summary>
    public string? EvaluationSummary { get; set; }
    public List<WorkAgendaAction> Actions { get; set; } = [];
    public List<WorkAgendaSignature> Signatures { get; set; } = [];

    public string AuditKey => $"werkagenda:{SectorId}:{PeriodStart:yyyy-MM-dd}:{Id}";
}

/// <summary>A board member's signature (<i>ondertekening</i>): who, in which role, on which date.</summary>
public sealed class WorkAgendaSignature : IAuditedFigure
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public WorkAgenda? Agenda { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public DateOnly SignedOn { get; set; }
    public string RecordedBy { get; set; } = "";

    public string AuditKey => $"werkagenda-ondertekening:{AgendaId}:{Name}";
}

/// <summary>How an action worked out (<i>werkte, deels, niet</i>).</summary>
public enum EvaluationOutcome { Werkte = 0, Deels = 1, Niet = 2 }

/// <summary>
/// One action (<i>actie</i>) of a work agenda: its type (one of the 12 of research report De Beleidsonderzoekers 2023), owner, planning, the problem it
/// addresses, measurable goals, a job forecast, progress entries and finally an evaluation.
/// </summary>
public sealed class WorkAgendaAction : IAuditedFigure
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public WorkAgenda? Agenda { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ActionType Type { get; set; }
    /// <summary>Who carries it out (<i>eigenaar</i>).</summary>
    public string Owner { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    /// <summary>The problem this action addresses (<i>knelpunt</i>).</summary>
    public string? Problem { get; set; }
    /// <summary>Forecast of jobs (fta) this action realises in the period (<i>prognose banen</i>).</summary>
    public decimal? ForecastJobs { get; set; }
    /// <summary>Quote from the source document, for seed-derived actions.</summary>
    public string? SourceQuote { get; set; }
    public string? Source { get; set; }
    /// <summary>The action of the previous agenda this one continues (carry-over).</summary>
    public int? CarriedOverFromId { get; set; }
    public EvaluationOutcome? Evaluation { get; set; }
    public string? EvaluationReason { get; set; }
    public DateOnly? EvaluatedOn { get; set; }
    public List<WorkAgendaGoal> Goals { get; set; } = [];
    public List<WorkAgendaMilestone> Milestones { get; set; } = [];
    public List<WorkAgendaProgress> Progress { get; set; } = [];

    /// <summary>Jobs realised so far: the sum of the progress entries.</summary>
    public decimal RealisedJobs => Progress.Sum(p => p.JobsRealised ?? 0m);

    public string AuditKey => $"werkagenda-actie:{AgendaId}:{Id}";
}

/// <summary>The three levels of a measurable goal (research report De Beleidsonderzoekers 2023 §4.2): broad = done or not; middle = a count; narrow = jobs.</summary>
public enum GoalLevel
{
    /// <summary><i>Brede doelstelling</i>: the activity is carried out (done or not).</summary>
    Breed = 0,
    /// <summary><i>Middenweg</i>: a count such as employers reached or supervisors trained.</summary>
    Midden = 1,
    /// <summary><i>Smalle doelstelling</i>: a number of jobs realised.</summary>
    Smal = 2,
}

/// <summary>A measurable goal (<i>doelstelling</i>) of an action.</summary>
public sealed class WorkAgendaGoal : IAuditedFigure
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public WorkAgendaAction? Action { get; set; }
    public GoalLevel Level { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Target count (middle: e.g. 20 employers; narrow: jobs). Null for a broad goal.</summary>
    public decimal? Target { get; set; }
    /// <summary>Unit of the count, e.g. "werkgevers benaderd", "begeleiders opgeleid", "banen".</summary>
    public string? Unit { get; set; }

    public string AuditKey => $"werkagenda-doel:{ActionId}:{Id}";
}

/// <summary>A milestone (<i>mijlpaal</i>) in an action's planning.</summary>
public sealed class WorkAgendaMilestone : IAuditedFigure
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public WorkAgendaAction? Action { get; set; }
    public string Description { get; set; } = "";
    public DateOnly Due { get; set; }
    public DateOnly? CompletedOn { get; set; }

    public string AuditKey => $"werkagenda-mijlpaal:{ActionId}:{Id}";
}

/// <summary>
/// A progress entry (<i>voortgang</i>) recorded during the period: on a date, what was realised since the previous
/// entry — jobs, and/or a value for one goal (a count for a middle goal; 1 = done for a broad goal).
/// </summary>
public sealed class WorkAgendaProgress : IAuditedFigure
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public WorkAgendaAction? Action { get; set; }
    public DateOnly Date { get; set; }
    public int? GoalId { get; set; }
    public WorkAgendaGoal? Goal { get; set; }
    public decimal? GoalValue { get; set; }
    public decimal? JobsRealised { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";

    public string AuditKey => $"werkagenda-voortgang:{ActionId}:{Date:yyyy-MM-dd}:{Id}";
}
