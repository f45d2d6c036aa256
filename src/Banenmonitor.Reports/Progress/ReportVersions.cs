using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The versions a published report records: SHA-256 over the figures it was built from (every published sector figure,
/// the national measurement, the register figures, the approved sector reports and the work agendas) and over the parameter values in
/// force. Equal inputs give equal versions, so two publications can be compared on what they used.
/// </summary>
public static class ReportVersions
{
    public static string Data(ReportSources sources)
    {
        var sb = new StringBuilder();
        // Explicit fields, invariant notation: a record's ToString would also call computed properties.
        void Line(params object?[] fields) => sb.AppendJoin('\u001f', fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture))).Append('\n');
        foreach (var d in sources.Sectors.Documents) Line("d", d.Code, d.Title, d.Reference, d.ReportYear, d.Status);
        foreach (var f in sources.Sectors.Figures) Line("f", f.Document, f.Year, f.Sector.Code, f.Quantity, f.Qualifier, f.Value, f.Unit, f.Approximate, f.Section, f.Quote, f.Note);
        foreach (var n in sources.National.Rows) Line("n", n.Year, n.Sector, n.Form, n.Quantity, n.Value, n.Status, n.Source);
        foreach (var r in sources.Register.Rows) Line("r", r.Year, r.Quantity, r.Value, r.Unit, r.Status, r.Source);
        foreach (var a in sources.ApprovedReports)
            Line("a", a.SectorCode, a.Year, a.Target, a.Realised, a.Percentage, a.Sroi, a.PercentageIncludingSroi, a.HiredIn, a.GeneralPicture, a.QualityAndSustainability, a.Source);
        foreach (var w in WorkAgendaVersion.Lines(sources.WorkAgendas)) Line(w);
        return Hash(sb.ToString());
    }

    public static string Parameters(ParameterSet parameters)
    {
        var sb = new StringBuilder();
        foreach (var v in parameters.AllValues)
            sb.AppendJoin('\u001f', v.Name, v.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Value?.ToString(CultureInfo.InvariantCulture) ?? "", v.Status.ToString(), v.Source).Append('\n');
        return Hash(sb.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
