#!/usr/bin/env bash
# Benchmark (issues 20, 23): the national engine on the database vs on Parquet, same rows, one run per size.
# (a) `banenmonitor landelijk --database bench.db --jaar 2024`: stored payroll, register and attributions exported to the
#     engine's input files, the engine, every employer's outcome and the national table written back to the database.
# (b) `banenmonitor landelijk --invoer <parquet> --uit <map>` on the same rows as Parquet (written, untimed, by
#     `landelijk --database … --invoer-bewaren`).
# (a') with PG=1: (a) on PostgreSQL (throwaway server, scripts/pg.sh, port PG_PORT, default 55614), rows loaded with
#     `psql \copy`.
# Rows are loaded directly with sqlite3 / psql (the import itself is benchmarked elsewhere). Each leg runs with
# `--profiel`: the time per phase (wall clock and CPU) is in the logs; wall and CPU seconds (user + sys) of every leg are
# printed with the load average before it, since on a shared machine the CPU ratio is the steadier one.
# Usage: [BENCH_KEEP=1] [PG=1] bench/national-db/run.sh [rows ...]   (default 10000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000000)

dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
cli="dotnet src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor.dll"
if [ -n "${PG:-}" ]; then
  PG_PORT=${PG_PORT:-55614}; source scripts/pg.sh; pg_start; trap 'pg_stop' EXIT
fi

# Runs a command, its output to $1; sets wall and cpu (seconds) from /usr/bin/time.
timed() {
  local log=$1; shift
  echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "%e %U %S" -o "$log.time" "$@" > "$log" 2> "$log.err" || { cat "$log" "$log.err"; exit 1; }
  read -r wall user sys < "$log.time"
  cpu=$(echo "$user + $sys" | bc)
}

for rows in "${sizes[@]}"; do
  work=$(mktemp -d /tmp/banenmonitor-bench-nat.XXXXXX)
  [ -n "${BENCH_KEEP:-}" ] || trap "rm -rf '$work'; ${PG:+pg_stop}" EXIT
  db="$work/bench.db"
  employers=$(( rows / 2400 + 10 ))
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

  timed "$work/a.log" $cli landelijk --database "$db" --jaar 2024 --profiel
  a=$wall; a_cpu=$cpu
  grep -E "opgeslagen in de database" "$work/a.log" || { cat "$work/a.log"; exit 1; }
  $cli landelijk --database "$db" --jaar 2024 --invoer-bewaren "$work/parquet" > /dev/null
  timed "$work/b.log" $cli landelijk --invoer "$work/parquet" --jaar 2024 --uit "$work/uit" --profiel
  b=$wall; b_cpu=$cpu
  echo "   runs in de database: $(sqlite3 "$db" 'SELECT count(*) FROM NationalRuns'), werkgeversuitkomsten: $(sqlite3 "$db" 'SELECT count(*) FROM NationalRunEmployers')"
  printf "(a) database -> uitkomsten in de database: %6.1f s (processortijd %6.1f s)\n" "$a" "$a_cpu"
  printf "(b) landelijk op Parquet:                  %6.1f s (processortijd %6.1f s)\n" "$b" "$b_cpu"
  printf "verhouding a/b: %.2f (processortijd %.2f)\n" "$(echo "$a / $b" | bc -l)" "$(echo "$a_cpu / $b_cpu" | bc -l)"

  if [ -n "${PG:-}" ]; then
    pgdb="bench_$rows"
    psql="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1"
    $psql -d postgres -c "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb"
    conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$pgdb"
    $cli database migreren --database "$conn" >/dev/null
    $cli import werkgevers "$work/werkgevers.csv" --database "$conn" >/dev/null
    $psql -d "$pgdb" <<SQL
CREATE TEMP TABLE u(e integer, p text, b date, t date, h numeric, f integer);
CREATE TEMP TABLE g(p text, grond integer, b date, t date);
\copy u FROM '$work/uren.csv' (FORMAT csv)
\copy g FROM '$work/register.csv' (FORMAT csv)
CREATE TEMP TABLE ids AS SELECT ROW_NUMBER() OVER (ORDER BY "Id") - 1 AS k, "Id" FROM "Employers" WHERE "PayrollTaxNumber" LIKE '7%';
INSERT INTO "PaidHours" ("EmployerId", "Pseudonym", "PeriodStart", "PeriodEnd", "Hours", "Form") SELECT ids."Id", u.p, u.b, u.t, u.h, u.f FROM u JOIN ids ON ids.k = u.e;
INSERT INTO "TargetGroupRegistrations" ("Pseudonym", "Ground", "StartDate", "EndDate") SELECT p, grond, b, NULL FROM g;
VACUUM ANALYZE "PaidHours";
SQL
    timed "$work/a-pg.log" $cli landelijk --database "$conn" --jaar 2024 --profiel
    grep -E "opgeslagen in de database" "$work/a-pg.log" || { cat "$work/a-pg.log"; exit 1; }
    printf "(a') PostgreSQL -> uitkomsten in de database: %6.1f s (processortijd %6.1f s), verhouding a'/b: %.2f (processortijd %.2f)\n" \
      "$wall" "$cpu" "$(echo "$wall / $b" | bc -l)" "$(echo "$cpu / $b_cpu" | bc -l)"
    $psql -d postgres -c "DROP DATABASE $pgdb"
  fi
  for leg in a b ${PG:+a-pg}; do echo "   profiel ($leg):"; sed -n '/^Profiel/,$p' "$work/$leg.log.err" | sed 's/^/   /'; done
  [ -n "${BENCH_KEEP:-}" ] && echo "   bewaard: $work" || rm -rf "$work"
done
