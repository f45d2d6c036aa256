using System.Text.RegularExpressions;

namespace Banenmonitor.Cli.Tests;

/// <summary>What the CLI prints cites every source by its title and number, never by an internal file name.</summary>
public class SourceNamesTests
{
    private static readonly Regex InternalSourceName =
        new(@"\b(seed|document|documenten)\s*0\d\d\b|\(bron: 0\d\d\)|seeds/|enquete_003", RegexOptions.IgnoreCase);

    public static TheoryData<string[]> Commands =>
    [
        ["controle"], ["controle", "--format", "json"], ["controle", "--jaar", "2023", "--sector", "waterschappen"],
        ["parameters"], ["parameters", "--format", "json"], ["meting", "--jaar", "2021"], ["enquete", "aanbesteding"],
        ["sector", "schat", "--sector", "hbo", "--jaar", "2020"],
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_names_no_internal_file(string[] args)
    {
        var (_, output, error) = CliRunner.Run(args);
        Assert.True(output.Length > 100, $"{string.Join(' ', args)}: te weinig uitvoer ({error})");
        var leak = InternalSourceName.Match(output + error);
        Assert.False(leak.Success, $"{string.Join(' ', args)}: '{leak.Value}' in: …{(leak.Success ? (output + error).Substring(Math.Max(0, leak.Index - 80), Math.Min(160, (output + error).Length - Math.Max(0, leak.Index - 80))) : "")}…");
    }
}
