namespace Banenmonitor.Rules.Tests.Architecture;

/// <summary>
/// The shape of the house (issue 25, "one word for each thing"), checked on the repository itself: no import file that
/// knows every kind at length, national engine files without repetition, migrations in their own projects, no file named
/// after a seed number, and the architecture document. <c>scripts/check-structure.sh</c> runs the same checks.
/// </summary>
public class StructureTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Banenmonitor.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Banenmonitor.slnx niet gevonden boven " + AppContext.BaseDirectory);
    }

    private static int Lines(string relative) => File.ReadAllLines(Path.Combine(Root, relative)).Length;

    /// <summary>Files under src/, without build output.</summary>
    private static IEnumerable<string> SourcePaths() =>
        Directory.EnumerateFileSystemEntries(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"));

    [Fact]
    public void The_import_kinds_file_is_under_400_lines_or_gone()
    {
        const string kinds = "src/Banenmonitor.Data/Import/Kinds.cs";
        if (!File.Exists(Path.Combine(Root, kinds))) return;
        Assert.True(Lines(kinds) < 400, $"{kinds} heeft {Lines(kinds)} regels (grens 400)");
    }

    [Fact]
    public void The_national_engine_and_the_regime_comparison_are_under_1100_lines_together()
    {
        var n = Lines("src/Banenmonitor.Analytics/NationalEngine.cs") + Lines("src/Banenmonitor.Analytics/NationalRegimeComparison.cs");
        Assert.True(n < 1100, $"NationalEngine.cs en NationalRegimeComparison.cs hebben samen {n} regels (grens 1.100)");
    }

    [Fact]
    public void No_generated_migration_is_in_the_data_project()
    {
        var dir = Path.Combine(Root, "src/Banenmonitor.Data/Migrations");
        var generated = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".Designer.cs", StringComparison.Ordinal) || f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(Root, f)).ToList()
            : [];
        Assert.True(generated.Count == 0, "gegenereerde migraties in src/Banenmonitor.Data/Migrations: " + string.Join(", ", generated.Take(5)));
    }

    [Fact]
    public void No_path_under_src_is_named_after_a_seed_number()
    {
        var seeds = SourcePaths().Where(p => p.Contains("Seed0", StringComparison.Ordinal)).ToList();
        Assert.True(seeds.Count == 0, "paden met 'Seed0' onder src/: " + string.Join(", ", seeds.Take(5)));
    }

    [Fact]
    public void The_architecture_document_is_present()
    {
        var doc = Path.Combine(Root, "docs/architecture.md");
        Assert.True(File.Exists(doc), "docs/architecture.md ontbreekt");
        Assert.Contains("Banenmonitor.Rules", File.ReadAllText(doc));
    }
}
