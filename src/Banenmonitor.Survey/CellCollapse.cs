namespace Banenmonitor.Survey;

/// <summary>
/// Collapsing of weighting cells (<i>samenvoegen van strata</i>): a category of <see cref="Column"/> with fewer than
/// <see cref="MinimumRespondents"/> respondents is merged into the neighbour named for it (the research report (De Beleidsonderzoekers 2023) §7.3: the sector
/// "Cultuur, sport, ..." with 5 respondents merged into "Informatie en communicatie, ..."). Applied to respondents and
/// population alike. A small category without a named neighbour is an error: the choice of neighbour is substantive
/// and has to be stated, not guessed.
/// </summary>
public sealed record CellCollapse(string Column, int MinimumRespondents, IReadOnlyDictionary<string, string> Neighbours)
{
    /// <summary>Which categories are merged into which, given the respondents' categories.</summary>
    public IReadOnlyList<CollapsedCell> Plan(IReadOnlyList<string> respondentCategories, IEnumerable<string> populationCategories)
    {
        var counts = respondentCategories.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var all = populationCategories.Concat(counts.Keys).Distinct().ToList();
        var plan = new List<CollapsedCell>();
        foreach (var c in all)
        {
            var n = counts.GetValueOrDefault(c);
            if (n >= MinimumRespondents) continue;
            if (!Neighbours.TryGetValue(c, out _))
                throw new ArgumentException($"Categorie '{c}' van '{Column}' heeft {n} respondenten (minder dan {MinimumRespondents}) en er is geen buur opgegeven om mee samen te voegen.");
            var target = Resolve(c);
            plan.Add(new CollapsedCell(c, target, n, counts.GetValueOrDefault(target)));
        }
        return plan;
    }

    /// <summary>Follows neighbour links (a → b → c) to the final category; a cycle is an error.</summary>
    public string Resolve(string category)
    {
        var seen = new HashSet<string>();
        var c = category;
        while (Neighbours.TryGetValue(c, out var next))
        {
            if (!seen.Add(c)) throw new ArgumentException($"De buren van '{category}' vormen een kring.");
            c = next;
        }
        return c;
    }
}

/// <summary>One merged category and the category it went into.</summary>
public sealed record CollapsedCell(string From, string Into, int RespondentsFrom, int RespondentsInto)
{
    public string DescriptionDutch =>
        $"'{From}' ({Rules.Units.DutchFormat.Number(RespondentsFrom, 0)} respondenten) samengevoegd met '{Into}' ({Rules.Units.DutchFormat.Number(RespondentsInto, 0)} respondenten)";
}

/// <summary>An exclusion filter (<i>uitsluiting</i>): respondents whose <see cref="Column"/> has one of <see cref="Values"/>
/// are removed before weighting (the research report (De Beleidsonderzoekers 2023) §7.4: temp agencies, to avoid counting hired-in workers twice).</summary>
public sealed record ExclusionFilter(string Column, IReadOnlyList<string> Values, string? Reason = null)
{
    public bool Excludes(string value) => Values.Contains(value, StringComparer.OrdinalIgnoreCase);
    public string DescriptionDutch => $"respondenten met {Column} = {string.Join(" of ", Values)} uitgesloten" + (Reason is null ? "" : $" ({Reason})");
}
