namespace Banenmonitor.Rules.Parameters;

/// <summary>Names of the parameters in the data files (Dutch keys, as users see them).</summary>
public static class ParameterNames
{
    // Units
    public const string HoursPerJobPerWeek = "uren_per_baan_per_week";
    public const string HoursPerJobPerMonth = "uren_per_baan_per_maand";
    public const string HoursPerJobPerQuarter = "uren_per_baan_per_kwartaal";
    public const string HoursPerJobPerYear = "uren_per_baan_per_jaar";
    public const string AverageEmployeeHoursPerYear = "uren_per_werknemer_per_jaar";
    public const string ThresholdEmployees = "drempel_aantal_werknemers";

    // The years each regime governs
    public const string QuotumregelingFirstYear = "quotumregeling_eerste_jaar";
    public const string QuotumregelingLastYear = "quotumregeling_laatste_jaar";
    public const string WetBanenafspraakFirstYear = "wba_eerste_jaar";

    // Quota regime (Wfsv 38b–38j)
    public const string QuotaPercentageGovernment = "quotumpercentage_overheid";
    public const string LevyPerMissingJob = "quotumheffing_per_ontbrekende_baan";
    public const string LevySuspended = "quotumheffing_opgeschort";
    public const string DecimalsPercentage = "afronding_decimalen_quotumpercentage";
    public const string DecimalsVariables = "afronding_decimalen_variabelen";
    public const string DecimalsShortfall = "afronding_decimalen_quotumtekort";
    public const string AttributionDeadlineMonth = "toerekening_inleen_uiterste_maand";
    public const string AttributionDeadlineDay = "toerekening_inleen_uiterste_dag";
    public const string LevyDecisionDeadlineMonth = "quotumheffing_beschikking_uiterste_maand";
    public const string LevyDecisionDeadlineDay = "quotumheffing_beschikking_uiterste_dag";

    // National measurement
    public const string BaselineJobs = "nulmeting_banen";
    public const string BaselinePersons = "nulmeting_personen";
    public const string BaselineHiredInJobs = "nulmeting_inleenbanen";
    public const string BaselineGovernmentShareHiredIn = "nulmeting_verdeelsleutel_overheid";
    public const string BaselinePaidHours = "nulmeting_verloonde_uren";
    public const string BaselineJobsForHoursNorm = "nulmeting_banen_urennorm";
    public const string GovernmentShareHiredIn = "verdeelsleutel_overheid";
    public const string TargetMarket = "doelstelling_markt";
    public const string TargetGovernment = "doelstelling_overheid";
    public const string FinalTargetMarket = "einddoelstelling_markt";
    public const string FinalTargetGovernment = "einddoelstelling_overheid";

    // Inputs of the quota percentage formula (Wfsv art. 38f lid 2; Regeling Wfsv art. 3.35)
    /// <summary>Variable A, government: target-group jobs in the sector at the baseline.</summary>
    public const string FormulaBaselineJobsGovernment = "quotumformule_banen_nulmeting_overheid";
    /// <summary>Variable A, market.</summary>
    public const string FormulaBaselineJobsMarket = "quotumformule_banen_nulmeting_markt";
    /// <summary>Variable B, government: extra jobs of the target path for the year.</summary>
    public const string FormulaTargetJobsGovernment = "quotumformule_doelbanen_overheid";
    /// <summary>Variable B, market.</summary>
    public const string FormulaTargetJobsMarket = "quotumformule_doelbanen_markt";
    /// <summary>
    /// F × G ÷ C, government: the paid hours of the persons who count as target group through Wfsv art. 38b lid 2 (F the
    /// persons, G their average paid hours), expressed in jobs of C hours — one parameter for the two variables.
    /// </summary>
    public const string FormulaArt38bJobsGovernment = "quotumformule_banen_arbeidsbeperkten_38b_lid2_overheid";
    /// <summary>Variable D, government: all employee jobs in the sector.</summary>
    public const string FormulaEmployeeJobsGovernment = "quotumformule_werknemersbanen_overheid";

    // Wet banenafspraak 2025 (BWBR0051018) and Wtl
    public const string WbaActivationYear = "wba_activeringsjaar";
    public const string WbaSurchargeYearsAfterActivation = "wba_opslag_vanaf_jaren_na_activering";
    /// <summary>
    /// Scenario input, not a legal parameter: an assumed share of target-group hours above which an employer would not pay the
    /// surcharge. The Wet banenafspraak has no quota percentage per employer; the catalogue marks it "scenario".
    /// </summary>
    public const string WbaScenarioQuotaPercentage = "scenario_quotumpercentage_wba";
    public const string WbaSurchargePercentage = "wba_inclusiviteitsopslag_percentage";
    /// <summary>Small employer: premium base of year t−2 at most this multiple of the average premium wage (Besluit Wfsv art. 2.19d).</summary>
    public const string WbaSmallEmployerFactor = "wba_kleine_werkgever_factor";
    /// <summary>Average premium wage per employee of year t (gemiddeld premieloon, fixed yearly), the unit of the small-employer test.</summary>
    public const string AveragePremiumWage = "gemiddeld_premieloon_per_werknemer";
    public const string WbaBonusPerJob = "wba_banenafspraakbonus_per_baan";
    public const string LkvPerHour = "lkv_banenafspraak_per_uur";
    public const string LkvMaxPerEmployee = "lkv_banenafspraak_max_per_werknemer";
    public const string TargetNational = "doelstelling_landelijk";
}
