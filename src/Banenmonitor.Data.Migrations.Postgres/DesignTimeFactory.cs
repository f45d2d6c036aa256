using Microsoft.EntityFrameworkCore.Design;

namespace Banenmonitor.Data.Migrations.Postgres;

/// <summary>Design-time factory for <c>dotnet ef migrations add X --project src/Banenmonitor.Data.Migrations.Postgres --output-dir .</c> (docs/data.md).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBanenmonitorDbContext>
{
    public PostgresBanenmonitorDbContext CreateDbContext(string[] args) => new(BanenmonitorDatabase.PostgresOptions("Host=localhost;Database=banenmonitor_design"));
}
