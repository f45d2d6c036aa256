namespace Banenmonitor.Rules.Contracts;

/// <summary>
/// The quota of an employer computed from the data stored for it (<c>banenmonitor quotum --werkgever</c>, "Mijn quotum"):
/// every field of <see cref="QuotumView"/>, plus the employer, whether the inputs were complete (<see cref="Onvolledig"/>,
/// with what is missing in <see cref="Ontbreekt"/>), the aggregated hours and the <see cref="Bronnen"/>: what was counted
/// and what was left out, and why.
/// </summary>
public sealed record WerkgeverQuotumView : QuotumView
{
    public WerkgeverQuotumView(QuotumView quotum, string loonheffingennummer, string werkgever, bool onvolledig,
        IReadOnlyList<string> ontbreekt, UrenView uren, BronnenView bronnen) : base(quotum)
    {
        Loonheffingennummer = loonheffingennummer;
        Werkgever = werkgever;
        Onvolledig = onvolledig;
        Ontbreekt = ontbreekt;
        Uren = uren;
        Bronnen = bronnen;
    }

    public string Loonheffingennummer { get; init; }
    public string Werkgever { get; init; }
    /// <summary>What the quota is computed from: always the stored payroll (<i>verloonde uren</i>) and register.</summary>
    public string BerekendUit { get; init; } = "opgeslagen verloonde uren en doelgroepregister";
    /// <summary>True when an input is missing; the outcome is then not a levy decision, see <see cref="Ontbreekt"/>.</summary>
    public bool Onvolledig { get; init; }
    public IReadOnlyList<string> Ontbreekt { get; init; }
    public UrenView Uren { get; init; }
    public BronnenView Bronnen { get; init; }
}

/// <summary>
/// The employer's aggregated hours, as the rules core received them: all paid hours of the year, of agency staff, of
/// target-group persons in registered periods (before attributions), and A of the previous year (null: no payroll stored).
/// </summary>
public sealed record UrenView(decimal VerloondeUren, decimal UrenUitzendkrachten, decimal UrenDoelgroep, decimal? VerloondeUrenVorigJaar);

/// <summary>
/// What the computation read: payroll rows, persons and registrations counted, attributions, and the rows and
/// registrations left out with their reason (<see cref="Weggelaten"/>).
/// </summary>
public sealed record BronnenView(
    int Verloningsregels,
    int Personen,
    int VerloningsregelsDoelgroep,
    int PersonenDoelgroep,
    int Inschrijvingen,
    int VerloningsregelsVorigJaar,
    int ToerekeningenAlsInlener,
    int ToerekeningenAlsUitlener,
    IReadOnlyList<WeggelatenView> Weggelaten);

/// <summary>A group of rows left out: what (<c>verloningsregels</c>, <c>inschrijvingen</c>, <c>toerekeningen</c>), how many, and why.</summary>
public sealed record WeggelatenView(string Soort, int Aantal, string Reden);
