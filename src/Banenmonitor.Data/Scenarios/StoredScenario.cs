using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Scenarios;

/// <summary>
/// A saved what-if (<i>scenario</i>): its name, the year it is computed for, who made it and when, whether other analysts
/// may open it (<see cref="Shared"/>), and its definition — the changed parameter values with their reasons, sector growth,
/// sector targets and SROI counting — as JSON with Dutch field names (<see cref="ScenarioStore.ToJson"/>).
/// A scenario never changes the real figures: it is stored here and nowhere else.
/// </summary>
public sealed class StoredScenario
{
    public int Id { get; set; }
    /// <summary>The id in the scenario's link (<c>/scenarios/{PublicId}</c>): 32 hex digits, not guessable.</summary>
    public required string PublicId { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Shared { get; set; }
    public required string Definition { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<StoredScenario>(e =>
    {
        e.ToTable("Scenarios");
        e.Property(x => x.PublicId).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Author).HasMaxLength(200);
        e.Property(x => x.Definition).HasMaxLength(20_000);
        e.Property(x => x.CreatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        e.HasIndex(x => x.PublicId).IsUnique();
        e.HasIndex(x => new { x.Author, x.CreatedAt });
    });
}
