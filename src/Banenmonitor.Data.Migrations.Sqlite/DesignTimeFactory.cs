using Microsoft.EntityFrameworkCore.Design;

namespace Banenmonitor.Data.Migrations.Sqlite;

/// <summary>Design-time factory for <c>dotnet ef migrations add X --project src/Banenmonitor.Data.Migrations.Sqlite --output-dir .</c> (docs/data.md).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBanenmonitorDbContext>
{
    public SqliteBanenmonitorDbContext CreateDbContext(string[] args) => new(BanenmonitorDatabase.SqliteOptions("Data Source=design.db"));
}
