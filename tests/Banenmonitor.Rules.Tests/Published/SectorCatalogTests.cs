using Banenmonitor.Rules.Published;

namespace Banenmonitor.Rules.Tests.Published;

/// <summary>The one sector catalogue: the platform's fifteen sectors and the legal sector codes.</summary>
public class SectorCatalogTests
{
    [Fact]
    public void The_platform_has_fifteen_sectors_with_ids_1_to_15_and_unique_codes()
    {
        Assert.Equal(Enumerable.Range(1, 15), PublicSectors.Platform.Select(s => s.Id!.Value));
        Assert.Equal(15, PublicSectors.Platform.Select(s => s.Code).Distinct().Count());
        Assert.All(PublicSectors.All, s => Assert.Contains(s, PublicSectors.Platform));
        Assert.All(PublicSectors.AllWithAggregates.Where(s => s.IsAggregate), s => Assert.Null(s.Id));
    }

    [Fact]
    public void Every_line_has_a_legal_sector_code_and_the_market_has_none()
    {
        var legal = PublicSectors.LegalCodes.Select(c => c.Code).ToHashSet();
        Assert.Equal(Enumerable.Range(61, 7), PublicSectors.LegalCodes.Select(c => c.Code));
        Assert.All(PublicSectors.All, s => Assert.Contains(s.LegalSectorCode!.Value, legal));
        Assert.Equal(67, PublicSectors.ShelteredEmployment.LegalSectorCode);
        Assert.Null(PublicSectors.Market.LegalSectorCode);
        Assert.False(PublicSectors.Market.IsGovernment);
        // Government employers for the quota: legal codes 61–66, not 67.
        Assert.Equal(Enumerable.Range(61, 6), PublicSectors.LegalCodes.Where(c => c.IsGovernment).Select(c => c.Code));
    }

    [Fact]
    public void The_stored_short_name_differs_from_the_published_name_only_where_the_platform_table_is_shorter()
    {
        Assert.Equal("Universitair medische centra", PublicSectors.Umc.ShortName);
        Assert.Equal("Universitair medische centra (umc's)", PublicSectors.Umc.Name);
        Assert.Equal("Universiteiten", PublicSectors.Wo.ShortName);
        Assert.Equal("Gemeenten", PublicSectors.Gemeenten.ShortName);
        Assert.Equal(PublicSectors.Platform.Count - 2, PublicSectors.Platform.Count(s => s.ShortName == s.Name));
    }
}
