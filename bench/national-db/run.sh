#!/usr/bin/env bash
# Benchmark (issue 20): the national engine on the database vs on Parquet, same rows, one run.
# (a) `banenmonitor landelijk --database bench.db --jaar 2024`: stored payroll, register and attributions exported to the
#     engine's input files, the engine, every employer's outcome and the national table written back to the database.
# (b) `banenmonitor landelijk --invoer <parquet> --uit <map>` on the same rows as Parquet (written, untimed, by
#     `landelijk --database … --invoer-bewaren`).
# Rows are loaded into a fresh SQLite database directly with sqlite3 (the import itself is benchmarked elsewhere).
# Usage: bench/national-db/run.sh [rows]   (default 10000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000000}
work=$(mktemp -d /tmp/banenmonitor-bench-nat.XXXXXX)
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
employers=$(( rows / 2400 + 10 ))

dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
cli="dotnet src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor.dll"
$cli database migreren --database "$db" >/dev/null

echo "== $rows verloningsregels, $employers werkgevers in $db"
awk -v n="$employers" 'BEGIN { print "loonheffingennummer;naam;sector;grootteklasse;uitlener";
  for (e = 1; e <= n; e++) printf "%09dL01;Bench werkgever %d;%s;groot;geen\n", 700000000 + e, e, (e % 4 == 0 ? "gemeenten" : "markt") }' > "$work/werkgevers.csv"
$cli import werkgevers "$work/werkgevers.csv" --database "$db" >/dev/null
# Persons work 12 months in 2024 (and 2023, for the threshold) at one employer; every 20th person is in the register.
awk -v rows="$rows" -v n="$employers" 'BEGIN { OFS = ","
  split("31 29 31 30 31 30 31 31 30 31 30 31", d, " "); split("31 28 31 30 31 30 31 31 30 31 30 31", d3, " ")
  w = 0; p = 0
  while (w < rows) { p++; e = p % n
    for (m = 1; m <= 12 && w < rows; m++) {
      printf "%d,%064d,2024-%02d-01,2024-%02d-%02d,%d,1\n", e, p, m, m, d[m], 80 + (p + m) % 60; w++
      if (w < rows) { printf "%d,%064d,2023-%02d-01,2023-%02d-%02d,%d,1\n", e, p, m, m, d3[m], 80 + (p + m) % 60; w++ } } }
  print p > "/dev/stderr" }' > "$work/uren.csv" 2> "$work/persons"
persons=$(cat "$work/persons")
awk -v p="$persons" 'BEGIN { OFS = ","; for (i = 20; i <= p; i += 20) printf "%064d,1,2016-01-01,\n", i }' > "$work/register.csv"
sqlite3 "$db" <<SQL
CREATE TEMP TABLE u(e INTEGER, p TEXT, b TEXT, t TEXT, h TEXT, f INTEGER);
CREATE TEMP TABLE g(p TEXT, grond INTEGER, b TEXT, t TEXT);
.mode csv
.import $work/uren.csv u
.import $work/register.csv g
CREATE TEMP TABLE ids AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS k, Id FROM Employers WHERE PayrollTaxNumber LIKE '7%';
INSERT INTO PaidHours (EmployerId, Pseudonym, PeriodStart, PeriodEnd, Hours, Form) SELECT ids.Id, u.p, u.b, u.t, u.h, u.f FROM u JOIN ids ON ids.k = u.e;
INSERT INTO TargetGroupRegistrations (Pseudonym, Ground, StartDate, EndDate) SELECT p, grond, b, NULL FROM g;
SQL
echo "   $(sqlite3 "$db" 'SELECT count(*) FROM PaidHours') regels opgeslagen, $(sqlite3 "$db" 'SELECT count(*) FROM TargetGroupRegistrations') inschrijvingen"

now() { date +%s.%N; }
t0=$(now); $cli landelijk --database "$db" --jaar 2024 > "$work/a.log"; t1=$(now)
a=$(echo "$t1 - $t0" | bc)
$cli landelijk --database "$db" --jaar 2024 --invoer-bewaren "$work/parquet" > /dev/null
t0=$(now); $cli landelijk --invoer "$work/parquet" --jaar 2024 --uit "$work/uit" > "$work/b.log"; t1=$(now)
b=$(echo "$t1 - $t0" | bc)
grep -E "opgeslagen in de database" "$work/a.log" || { cat "$work/a.log"; exit 1; }
echo "   runs in de database: $(sqlite3 "$db" 'SELECT count(*) FROM NationalRuns'), werkgeversuitkomsten: $(sqlite3 "$db" 'SELECT count(*) FROM NationalRunEmployers')"
printf "(a) database -> uitkomsten in de database: %.1f s\n(b) landelijk op Parquet:                  %.1f s\nverhouding a/b: %.2f\n" "$a" "$b" "$(echo "$a / $b" | bc -l)"
