using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Banenmonitor.Data.Export;

/// <summary>What an export of the stored data to the national engine's input files wrote.</summary>
public sealed record NationalInputFiles(string Directory, int Year, long Employers, long PayrollRows, long Registrations, long Attributions,
    string InputsFingerprint);

/// <summary>
/// Writes the stored payroll (<i>verloonde uren</i>) of a year, the target-group register, the year's hired-in attributions,
/// the employers and the previous year's A as the national engine's input files (CSV, docs/analytics-schemas.md). Rows are
/// streamed in key order, so the files and their fingerprint (SHA-256 over all files) only change when the stored data do.
/// Pseudonyms become the engine's person numbers (1, 2, … in order of first appearance); no citizen number is involved.
/// </summary>
/// <remarks>
/// The big tables are read with a plain data reader (no EF Core entities or change tracking), both years of payroll in one
/// scan; lines are formatted as UTF-8 straight into a buffer that goes to the file and to the fingerprint's hash together.
/// A value is read as EF Core reads it (the provider's <c>GetDecimal</c>, <c>GetFieldValue&lt;DateOnly&gt;</c>), so the files
/// are byte for byte those of the earlier entity-based export.
/// </remarks>
public static class NationalInputExport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="previousYearRowByRow">
    /// Sum the previous year's hours row by row in .NET instead of in the database (the way taken anyway when a stored value
    /// is not a plain decimal); for the tests that hold both ways equal.
    /// </param>
    public static async Task<NationalInputFiles> ExportAsync(BanenmonitorDbContext db, string dir, int year, Action<string>? progress = null,
        CancellationToken ct = default, bool previousYearRowByRow = false)
    {
        Directory.CreateDirectory(dir);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var employers = await db.Employers.AsNoTracking().Include(e => e.Sector).OrderBy(e => e.Id).ToListAsync(ct);
        var lhn = employers.ToDictionary(e => e.Id, e => Encoding.UTF8.GetBytes(e.PayrollTaxNumber));
        var persons = new Dictionary<string, long>(StringComparer.Ordinal);
        long Person(string p)
        {
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(persons, p, out var found);
            if (!found) n = persons.Count;
            return n;
        }

        InputFile Open(string name, string header)
        {
            progress?.Invoke($"uitvoeren: {name}");
            return new InputFile(Path.Combine(dir, name + ".csv"), name, header, hash);
        }
        void Counted(InputFile f)
        {
            if (f.Rows % 1_000_000 == 0) progress?.Invoke($"{f.Name}: {DutchFormat.Number(f.Rows)} regels uitgevoerd");
        }

        using (var f = Open("werkgevers", "loonheffingennummer,sector,uitlenertype,gemeente"))
            foreach (var e in employers)
                f.Bytes(lhn[e.Id]).Comma().Text(e.Sector!.LegalSectorCode?.ToString(Inv) ?? "markt").Comma()
                    .Text(e.LenderType switch { LenderType.Agency => "uitzendbureau", LenderType.ShelteredEmployment => "sw-bedrijf", _ => "geen" }).Comma()
                    .Text(e.Municipality is { } m ? "\"" + m.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : "").End();

        var (yearStart, yearEnd, prevStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            var h = Table<PaidHoursRecord>(db);
            var textDates = db.Database.IsSqlite();
            // The previous year's A as the file defines it: all paid hours minus those of agency staff, per employer. Summed
            // in the database where that is exact; else (or when asked) in the scan below, both years in one pass.
            var previous = previousYearRowByRow ? null : await PreviousYearInDatabaseAsync(db, conn, h, prevStart, yearStart, progress, ct);
            var rowByRow = previous is null;
            previous ??= [];
            long payroll;
            using (var f = Open("verloning", "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm"))
            {
                await using var cmd = Command(conn,
                    $"SELECT {h[nameof(PaidHoursRecord.PeriodStart)]}, {h[nameof(PaidHoursRecord.EmployerId)]}, {h[nameof(PaidHoursRecord.Hours)]}, " +
                    $"{h[nameof(PaidHoursRecord.Form)]}, {h[nameof(PaidHoursRecord.Pseudonym)]}, {h[nameof(PaidHoursRecord.PeriodEnd)]} FROM {h.Name} " +
                    $"WHERE {h[nameof(PaidHoursRecord.PeriodStart)]} >= @from AND {h[nameof(PaidHoursRecord.PeriodStart)]} <= @to ORDER BY {h[nameof(PaidHoursRecord.Id)]}",
                    ("from", rowByRow ? prevStart : yearStart), ("to", yearEnd));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var start = ReadDate(r, 0, textDates);
                    var employer = r.GetInt32(1);
                    var hours = r.GetDecimal(2);
                    var form = (WorkingRelation)r.GetInt32(3);
                    if (start < yearStart)
                    {
                        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(previous, employer, out _);
                        sums = (sums.All + hours, sums.Agency + (form == WorkingRelation.Agency ? hours : 0m));
                        continue;
                    }
                    f.Bytes(lhn[employer]).Comma().Number(Person(r.GetString(4))).Comma().Date(start).Comma().Date(ReadDate(r, 5, textDates)).Comma()
                        .Decimal(hours).Comma().Text(Form(form)).End();
                    Counted(f);
                }
                payroll = f.Rows;
            }

            long registrations;
            var g = Table<TargetGroupRegistration>(db);
            using (var f = Open("doelgroepregister", "persoon,begindatum,einddatum"))
            {
                await using var cmd = Command(conn, $"SELECT {g[nameof(TargetGroupRegistration.Pseudonym)]}, {g[nameof(TargetGroupRegistration.StartDate)]}, " +
                                                           $"{g[nameof(TargetGroupRegistration.EndDate)]} FROM {g.Name} ORDER BY {g[nameof(TargetGroupRegistration.Id)]}");
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    f.Number(Person(r.GetString(0))).Comma().Date(ReadDate(r, 1, textDates)).Comma();
                    if (!r.IsDBNull(2)) f.Date(ReadDate(r, 2, textDates));
                    f.End();
                    Counted(f);
                }
                registrations = f.Rows;
            }

            long attributions;
            var a = Table<HiredInHoursRecord>(db);
            using (var f = Open("toerekeningen", "uitlener,inlener,persoon,uren,overeengekomen_op"))
            {
                await using var cmd = Command(conn,
                    $"SELECT {a[nameof(HiredInHoursRecord.LenderId)]}, {a[nameof(HiredInHoursRecord.HirerId)]}, {a[nameof(HiredInHoursRecord.Pseudonym)]}, " +
                    $"{a[nameof(HiredInHoursRecord.Hours)]}, {a[nameof(HiredInHoursRecord.AgreedOn)]} FROM {a.Name} " +
                    $"WHERE {a[nameof(HiredInHoursRecord.Year)]} = @year ORDER BY {a[nameof(HiredInHoursRecord.Id)]}", ("year", year));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    f.Bytes(lhn[r.GetInt32(0)]).Comma().Bytes(lhn[r.GetInt32(1)]).Comma().Number(Person(r.GetString(2))).Comma()
                        .Decimal(r.GetDecimal(3)).Comma().Date(ReadDate(r, 4, textDates)).End();
                    Counted(f);
                }
                attributions = f.Rows;
            }

            using (var f = Open("vorig_jaar", "loonheffingennummer,verloonde_uren"))
                foreach (var (employer, sums) in previous.OrderBy(kv => kv.Key))
                    f.Bytes(lhn[employer]).Comma().Decimal(Math.Max(0m, sums.All - sums.Agency)).End();
            return new NationalInputFiles(dir, year, employers.Count, payroll, registrations, attributions,
                Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The previous year's all and agency hours per employer, summed by the database where that is exact and cheaper than
    /// reading the rows: PostgreSQL (numeric; the sum has the largest scale of its terms, as .NET's decimal sum). Null for
    /// SQLite, which stores decimals as text (a sum in SQL would go through floating point, and a second scan of the table
    /// costs more than reading the previous year's rows in the one scan): the caller then sums row by row.
    /// </summary>
    private static async Task<Dictionary<int, (decimal All, decimal Agency)>?> PreviousYearInDatabaseAsync(BanenmonitorDbContext db, DbConnection conn,
        TableNames h, DateOnly from, DateOnly to, Action<string>? progress, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        progress?.Invoke("vorig jaar optellen (in de database)");
        var (employer, hours, form, start) = (h[nameof(PaidHoursRecord.EmployerId)], h[nameof(PaidHoursRecord.Hours)], h[nameof(PaidHoursRecord.Form)],
            h[nameof(PaidHoursRecord.PeriodStart)]);
        var agency = (int)WorkingRelation.Agency;
        var where = $"FROM {h.Name} WHERE {start} >= @from AND {start} < @to GROUP BY {employer}";
        var sums = new Dictionary<int, (decimal All, decimal Agency)>();
        await using var cmd = Command(conn, $"SELECT {employer}, SUM({hours}), SUM({hours}) FILTER (WHERE {form} = {agency}) {where}", ("from", from), ("to", to));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            sums[r.GetInt32(0)] = (r.GetDecimal(1), r.IsDBNull(2) ? 0m : r.GetDecimal(2));
        return sums;
    }

    /// <summary>
    /// A date as EF Core reads it, quicker: SQLite keeps dates as text, parsed here when it has the form yyyy-MM-dd (else
    /// by the provider, as EF Core would); other providers return the date itself.
    /// </summary>
    private static DateOnly ReadDate(DbDataReader r, int ordinal, bool text)
    {
        if (text && r.GetString(ordinal) is { Length: 10 } s && s[4] == '-' && s[7] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, Inv, out var y) && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, Inv, out var m)
            && int.TryParse(s.AsSpan(8, 2), NumberStyles.None, Inv, out var d) && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        return r.GetFieldValue<DateOnly>(ordinal);
    }

    private static string Form(WorkingRelation f) => f switch
    {
        WorkingRelation.Direct => "dienstverband", WorkingRelation.Agency => "uitzending", WorkingRelation.Secondment => "detachering", _ => "payroll",
    };

    /// <summary>An entity's table and column names from the EF Core model, quoted (both providers accept double quotes).</summary>
    private sealed class TableNames(IEntityType type)
    {
        private readonly StoreObjectIdentifier _table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        public string Name => Quote(type.GetSchema() is { } s ? s + "\".\"" + type.GetTableName() : type.GetTableName()!);
        public string this[string property] => Quote(type.FindProperty(property)!.GetColumnName(_table)!);
        private static string Quote(string name) => "\"" + name + "\"";
    }

    private static TableNames Table<T>(DbContext db) => new(db.Model.FindEntityType(typeof(T))!);

    /// <summary>A command with its parameters; the caller disposes it after its reader (disposing it closes the reader).</summary>
    private static DbCommand Command(DbConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>
    /// One input file being written: lines formatted as UTF-8 into a buffer, which goes to the file and to the inputs'
    /// hash together (the hash sees <c>#name\n</c>, then every line with its <c>\n</c>, file after file).
    /// </summary>
    private sealed class InputFile : IDisposable
    {
        private const int Size = 1 << 20, Slack = 1 << 12;
        private readonly FileStream _file;
        private readonly IncrementalHash _hash;
        private readonly byte[] _buffer = new byte[Size];
        private int _used;

        public InputFile(string path, string name, string header, IncrementalHash hash)
        {
            (Name, _hash) = (name, hash);
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0);
            hash.AppendData(Encoding.UTF8.GetBytes("#" + name + "\n"));
            Text(header);
            _buffer[_used++] = (byte)'\n';
        }

        public string Name { get; }
        /// <summary>Lines written after the header.</summary>
        public long Rows { get; private set; }
        private Span<byte> Free => _buffer.AsSpan(_used);

        public InputFile Bytes(ReadOnlySpan<byte> b)
        {
            Room(b.Length);
            b.CopyTo(Free);
            _used += b.Length;
            return this;
        }

        public InputFile Text(string s)
        {
            Room(Encoding.UTF8.GetMaxByteCount(s.Length));
            _used += Encoding.UTF8.GetBytes(s, Free);
            return this;
        }

        public InputFile Comma()
        {
            _buffer[_used++] = (byte)',';
            return this;
        }

        public InputFile Number(long v) => Formatted(v.TryFormat(Free, out var n, default, Inv), n);
        public InputFile Decimal(decimal v) => Formatted(v.TryFormat(Free, out var n, default, Inv), n);
        public InputFile Date(DateOnly v) => Formatted(v.TryFormat(Free, out var n, "yyyy-MM-dd", Inv), n);

        private InputFile Formatted(bool ok, int written)
        {
            if (!ok) throw new InvalidOperationException("Regel te lang voor de buffer van de uitvoer.");
            _used += written;
            return this;
        }

        public void End()
        {
            _buffer[_used++] = (byte)'\n';
            Rows++;
            if (_used > Size - Slack) Flush();
        }

        /// <summary>Makes room for a value of up to <paramref name="bytes"/> (a line is flushed at most once midway).</summary>
        private void Room(int bytes)
        {
            if (_used + bytes + Slack / 2 > Size) Flush();
            if (bytes + Slack / 2 > Size) throw new InvalidOperationException("Waarde te lang voor de buffer van de uitvoer.");
        }

        private void Flush()
        {
            _file.Write(_buffer, 0, _used);
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        public void Dispose()
        {
            Flush();
            _file.Dispose();
        }
    }
}
