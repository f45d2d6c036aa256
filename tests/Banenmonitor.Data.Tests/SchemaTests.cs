using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

public class SchemaTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_create_the_schema_with_the_sectors_and_match_the_model(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, nameof(SchemaTests));
        await using var db = t.Context();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        // The migrations live in their own assemblies; their ids (in __EFMigrationsHistory of existing databases) stay the same.
        var first = provider == "sqlite" ? "20261123122951_Initial" : "20261123123008_Initial";
        Assert.Equal(first, db.Database.GetMigrations().First());
        Assert.False(db.Database.HasPendingModelChanges(), "het model wijkt af van de laatste migratie: voeg een migratie toe voor beide providers");
        var sectors = await db.Sectors.AsNoTracking().ToListAsync();
        Assert.Equal(15, sectors.Count);
        Assert.Equal(13, sectors.Count(s => s.IsGovernment && s.LegalSectorCode is >= 61 and <= 66));
        Assert.Contains(sectors, s => s.Code == "werk-en-reintegratie" && s.LegalSectorCode == 67);
        Assert.Contains(sectors, s => s.Code == "markt" && s.LegalSectorCode is null && !s.IsGovernment);
        foreach (var code in new[] { "gemeenten", "provincies", "waterschappen", "rijk", "defensie", "politie", "umc", "po", "vo", "mbo", "hbo", "wo", "onderzoeksinstellingen" })
            Assert.Contains(sectors, s => s.Code == code);
    }

    [Fact]
    public void Settings_default_to_a_sqlite_file_and_recognise_postgresql()
    {
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSettings.Create(null, null).Provider);
        Assert.Equal("Data Source=x.db", DatabaseSettings.Create(null, "x.db").ConnectionString);
        Assert.Equal(DatabaseProvider.PostgreSql, DatabaseSettings.Create(null, "Host=h;Database=d").Provider);
        Assert.Equal(DatabaseProvider.PostgreSql, DatabaseSettings.Create("postgresql", "Host=h").Provider);
        var e = Assert.Throws<ArgumentException>(() => DatabaseSettings.Create("oracle", null));
        Assert.Contains("Onbekende databasesoort", e.Message);
        Assert.Throws<ArgumentException>(() => DatabaseSettings.Create("postgresql", null));
    }
}
