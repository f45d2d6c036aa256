using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The versions a published report records: SHA-256 over the figures it was built from (every published sector figure,
/// the national measurement, the register figures and the approved sector reports) and over the parameter values in
/// force. Equal inputs give equal versions, so two publications can be compared on what they used.
/// </summary>
public static class ReportVersions
{
    public static string Data(ReportSources sources)
    {
        var sb = new StringBuilder();
        foreach (var d in sources.Sectors.Documents) sb.Append(d).Append('\n');
        foreach (var f in sources.Sectors.Figures) sb.Append(f).Append('\n');
        foreach (var n in sources.National.Rows) sb.Append(n).Append('\n');
        foreach (var r in sources.Register.Rows) sb.Append(r).Append('\n');
        foreach (var a in sources.ApprovedReports) sb.Append(a).Append('\n');
        return Hash(sb.ToString());
    }

    public static string Parameters(ParameterSet parameters)
    {
        var sb = new StringBuilder();
        foreach (var v in parameters.AllValues) sb.Append(v).Append('\n');
        return Hash(sb.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
