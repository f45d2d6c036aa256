using System.Text.RegularExpressions;

namespace Banenmonitor.Rules.Tests;

/// <summary>Review point of the rules core: no number of the law appears as a literal in C# code; all come from the parameter files.</summary>
public partial class NoLegalLiteralsTests
{
    // Known legal constants (FACTS.md) written as C# numeric literals would bypass the dated, sourced parameters.
    private static readonly string[] Forbidden =
        ["1331", "1_331", "1623", "1_623", "25.5", "40575", "40_575", "110.92", "332.75", "5000", "5_000", "1.93", "2.14", "2.35", "2.69", "2.76", "75179", "75_179", "36206", "36_206", "1.01", "2000m", "2_000"];

    [GeneratedRegex(@"//.*?$|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\])*""|'(?:\\.|[^'\\])'", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    private static IEnumerable<string> Scan(string source)
    {
        var code = CommentsAndStrings().Replace(source, " ");
        return Forbidden.Where(lit => Regex.IsMatch(code, $@"(?<![\w.]){Regex.Escape(lit)}(?:m|M|d|D)?(?![\w.])"));
    }

    [Fact]
    public void The_scan_finds_literals_in_code_but_not_in_comments_or_strings()
    {
        Assert.Equal(["1331"], Scan("var d = 1331m; // 1623 in a comment\nvar s = \"5000\";"));
        Assert.Equal(["25.5"], Scan("x = h / 25.5m;"));
        Assert.Empty(Scan("var port = 50000; var y = 2025;"));
    }

    [Fact]
    public void Source_code_contains_no_legal_constants()
    {
        var src = Path.GetDirectoryName(NationalMeasurementTests.RepoFile("src/Banenmonitor.Rules/Banenmonitor.Rules.csproj"))!;
        var root = Directory.GetParent(src)!.FullName;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            if (file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")) continue;
            offenders.AddRange(Scan(File.ReadAllText(file)).Select(lit => $"{Path.GetRelativePath(root, file)}: {lit}"));
        }
        Assert.True(offenders.Count == 0, "Wettelijke getallen als letterlijke waarde in code:\n" + string.Join("\n", offenders));
    }
}
