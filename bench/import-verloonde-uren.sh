#!/usr/bin/env bash
# Benchmark: import of a 1,000,000-row paid-hours file (verloonde uren) with BSNs into a fresh SQLite database
# (validation, pseudonymisation, natural-key upsert, audit trail, one transaction), then a re-import of the same file
# (idempotent: nothing changes). Peer in the same run: sqlite3's own `.import` of the same CSV into a bare table
# (no validation, no pseudonyms, no audit) — the floor for loading these bytes into SQLite.
# Usage: bench/import-verloonde-uren.sh [rows]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d /tmp/banenmonitor-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export BANENMONITOR_PSEUDONIEM_SLEUTEL="benchmark-sleutel-niet-voor-productie"
export BANENMONITOR_DATABASE="$work/bench.db"

echo "== bestanden maken ($rows rijen) in $work"
awk 'BEGIN { print "loonheffingennummer;naam;sector;grootteklasse;uitlener";
  for (e = 1; e <= 100; e++) printf "%09dL01;Bench werkgever %d;gemeenten;groot;geen\n", 800000000 + e, e }' > "$work/werkgevers.csv"
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
ls -la "$work/uren.csv" | awk '{ printf "   %s bytes\n", $5 }'

dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
cli="dotnet src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor.dll"
$cli import werkgevers "$work/werkgevers.csv" >/dev/null

now() { date +%s.%N; }
run() { # label, command...: prints seconds and peak memory
  local label=$1; shift; local s e
  s=$(now)
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%M" -o "$work/rss" "$@" >"$work/out" 2>"$work/err"; else "$@" >"$work/out" 2>"$work/err"; echo 0 >"$work/rss"; fi
  e=$(now)
  printf "   %-45s %8.1f s   piek %6d MB\n" "$label" "$(echo "$e - $s" | bc)" "$(( $(tail -n1 "$work/rss") / 1024 ))"
  echo "$e - $s" | bc > "$work/last"
}
echo "== metingen"
run "banenmonitor import (nieuw, $rows rijen)" $cli import verloonde-uren "$work/uren.csv" --batch 5000
first=$(cat "$work/last"); grep -h "rijen ingelezen" "$work/out" | sed 's/^/   /'
run "banenmonitor import (zelfde bestand opnieuw)" $cli import verloonde-uren "$work/uren.csv" --batch 5000
grep -h "rijen ingelezen" "$work/out" | sed 's/^/   /'
run "peer: sqlite3 .import (kale tabel)" sqlite3 "$work/peer.db" ".mode csv" ".separator ;" ".import $work/uren.csv uren"
peer=$(cat "$work/last")
echo "   verhouding banenmonitor/sqlite3: $(echo "scale=1; $first / $peer" | bc)×"
