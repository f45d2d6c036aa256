#!/usr/bin/env bash
# Benchmark: import of a paid-hours file (verloonde uren) with BSNs through the bulk path (validation, pseudonymisation,
# natural-key upsert, changes per run, one transaction), into SQLite and into PostgreSQL; then a re-import of the same
# file (idempotent: nothing changes). Peers in the same run, per size:
#   - sqlite3's own `.import` of the same CSV into a bare table (no validation, no pseudonyms, no audit, no indexes);
#   - psql `\copy` of the same CSV into a bare table on the same PostgreSQL server;
#   - the plain read: `banenmonitor import --controleren` on the same file — the same reading, checks and pseudonyms,
#     no database writes (the floor for a re-import, which must read and check the file before it knows nothing changes).
# Peak memory is the maximum resident set size of the banenmonitor process (/usr/bin/time), per size: it should not
# grow with the file (pass two sizes, e.g. 100000 1000000).
# Usage: bench/import-verloonde-uren.sh [rows...]   (default 1000000). PG_PORT: port of the throwaway server (55492).
# BENCH_PROVIDERS="sqlite postgresql" (default both) and BENCH_REIMPORT=0 (skip the re-imports) shorten a run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=("${@:-1000000}")
providers=${BENCH_PROVIDERS:-sqlite postgresql}
reimport=${BENCH_REIMPORT:-1}
s_again=0; p_again=0; s_new=0; p_new=0; s_peer=1; p_peer=1; s_new_peak=0; p_new_peak=0

# Install step: sqlite3 and PostgreSQL (psql, initdb) when missing (Debian).
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v psql >/dev/null || need+=(postgresql-client)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

work=$(mktemp -d /tmp/banenmonitor-bench.XXXXXX)
PG_PORT=${PG_PORT:-55492}
source scripts/pg.sh
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
if [[ " $providers " == *" postgresql "* ]]; then pg_start; fi
export BANENMONITOR_PSEUDONIEM_SLEUTEL="benchmark-sleutel-niet-voor-productie"
psqlc=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)

dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
cli="dotnet $root/src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor.dll"

awk 'BEGIN { print "loonheffingennummer;naam;sector;grootteklasse;uitlener";
  for (e = 1; e <= 100; e++) printf "%09dL01;Bench werkgever %d;gemeenten;groot;geen\n", 800000000 + e, e }' > "$work/werkgevers.csv"

# run label command... → prints wall seconds and peak memory, keeps them in $work/last and $work/peak
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb < <(tail -n1 "$work/time")
  printf "   %-58s %8.2f s   piek %6d MB\n" "$label" "$secs" "$((kb / 1024))"
  echo "$secs" > "$work/last"; echo "$((kb / 1024))" > "$work/peak"
}
ratio() { echo "scale=2; $1 / $2" | bc; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared with other jobs)"
for rows in "${sizes[@]}"; do
  awk -v rows="$rows" 'BEGIN {
    print "loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm"
    split("31 29 31 30 31 30 31 31 30 31 30 31", days, " ")
    n = 10000000; written = 0
    while (written < rows) {
      n++; s = sprintf("%08d", n); sum = 0
      for (i = 1; i <= 8; i++) sum += (10 - i) * substr(s, i, 1)
      c = sum % 11; if (c == 10) continue
      bsn = s c; emp = 800000001 + (n % 100)
      for (m = 1; m <= 12 && written < rows; m++) {
        printf "%09dL01;%s;;2024-%02d-01;2024-%02d-%02d;%d;dienstverband\n", emp, bsn, m, m, days[m], 80 + (n + m) % 60
        written++
      }
    }
  }' > "$work/uren.csv"
  echo "== $rows rijen ($(stat -c %s "$work/uren.csv") bytes), load average $(cut -d' ' -f1-3 /proc/loadavg)"

  rm -f "$work"/read.db*
  $cli import werkgevers "$work/werkgevers.csv" --database "$work/read.db" >/dev/null
  run "peer: banenmonitor import --controleren (gewoon lezen)" $cli import verloonde-uren "$work/uren.csv" --database "$work/read.db" --controleren --profiel
  s_read=$(cat "$work/last"); s_read_peak=$(cat "$work/peak"); grep -h "fase" "$work/err" | sed 's/^/      /'
  if [[ " $providers " == *" sqlite "* ]]; then
  # SQLite
  rm -f "$work"/bench.db* "$work"/peer.db
  db=(--database "$work/bench.db")
  $cli import werkgevers "$work/werkgevers.csv" "${db[@]}" >/dev/null
  run "SQLite: banenmonitor import (nieuw)" $cli import verloonde-uren "$work/uren.csv" "${db[@]}" --batch 500 --profiel
  s_new=$(cat "$work/last"); s_new_peak=$(cat "$work/peak"); grep -h "rijen ingelezen" "$work/out" | sed 's/^/      /'; grep -h "fase" "$work/err" | sed 's/^/      /'
  if [ "$reimport" = 1 ]; then
  run "SQLite: banenmonitor import (zelfde bestand opnieuw)" $cli import verloonde-uren "$work/uren.csv" "${db[@]}" --batch 500 --profiel
  s_again=$(cat "$work/last"); grep -h "rijen ingelezen" "$work/out" | sed 's/^/      /'; grep -h "fase" "$work/err" | sed 's/^/      /'
  fi
  run "peer: sqlite3 .import (kale tabel)" sqlite3 "$work/peer.db" ".mode csv" ".separator ;" ".import $work/uren.csv uren"
  s_peer=$(cat "$work/last")
  fi

  if [[ " $providers " == *" postgresql "* ]]; then
  # PostgreSQL (same server for banenmonitor and the \copy peer)
  "${psqlc[@]}" -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
  pg=(--database "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench" --databasesoort postgresql)
  $cli import werkgevers "$work/werkgevers.csv" "${pg[@]}" >/dev/null
  run "PostgreSQL: banenmonitor import (nieuw)" $cli import verloonde-uren "$work/uren.csv" "${pg[@]}" --profiel
  p_new=$(cat "$work/last"); p_new_peak=$(cat "$work/peak"); grep -h "rijen ingelezen" "$work/out" | sed 's/^/      /'; grep -h "fase" "$work/err" | sed 's/^/      /'
  if [ "$reimport" = 1 ]; then
  run "PostgreSQL: banenmonitor import (zelfde bestand opnieuw)" $cli import verloonde-uren "$work/uren.csv" "${pg[@]}" --profiel
  p_again=$(cat "$work/last"); grep -h "rijen ingelezen" "$work/out" | sed 's/^/      /'; grep -h "fase" "$work/err" | sed 's/^/      /'
  fi
  "${psqlc[@]}" -d bench -c "CREATE TABLE uren (loonheffingennummer text, bsn text, pseudoniem text, periode_begin text, periode_einde text, uren text, vorm text)"
  run "peer: psql \\copy (kale tabel)" "${psqlc[@]}" -d bench -c "\\copy uren FROM '$work/uren.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
  p_peer=$(cat "$work/last")
  fi

  echo "   verhoudingen bij $rows rijen:"
  echo "      SQLite nieuw / sqlite3 .import:            $(ratio "$s_new" "$s_peer")×   (doel ≤ 3)"
  echo "      PostgreSQL nieuw / psql \\copy:             $(ratio "$p_new" "$p_peer")×   (doel ≤ 3)"
  echo "      SQLite opnieuw / gewoon lezen:             $(ratio "$s_again" "$s_read")×   (doel ≤ 2)"
  echo "      PostgreSQL opnieuw / gewoon lezen:         $(ratio "$p_again" "$s_read")×   (doel ≤ 2)"
  echo "      piek geheugen: SQLite $s_new_peak MB, PostgreSQL $p_new_peak MB, gewoon lezen $s_read_peak MB"
done
