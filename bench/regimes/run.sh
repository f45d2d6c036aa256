#!/usr/bin/env bash
# Benchmark of the national regime comparison (`banenmonitor vergelijk landelijk`) against its peer in the same run,
# `banenmonitor landelijk` on the same data (issue 10: "within the engine's performance envelope" = at most ~1.25×).
# Usage: bench/regimes/run.sh [1m|10m|120m ...]   (default: 10m)   ROUNDS=3 (alternating, median reported)
# Data sets are the ones of bench/analytics/run.sh under $BENCH_DATA (default /tmp/banenmonitor-bench); a missing set
# is generated with `banenmonitor synthetisch` (same sizes as bench/analytics/run.sh).
# The comparison runs with the new law activated (administrator-supplied test values, as the issue allows) and the
# parameters of 2028, so surcharge test, bonus and wage cost advantage are all computed for every employer.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=${BENCH_DATA:-/tmp/banenmonitor-bench}
MEM=${BENCH_MEMORY:-5GB}
ROUNDS=${ROUNDS:-3}
YEAR=2023
SIZES=${*:-10m}
dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
BM=$ROOT/src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor
source "$ROOT/bench/lib.sh"
ACT=(--regimejaar 2028 --parameter "wba_activeringsjaar=2026:2026:bench: aangenomen activering"
     --parameter "scenario_quotumpercentage_wba=2026:2.5:bench: aangenomen quotumpercentage"
     --parameter "wba_inclusiviteitsopslag_percentage=2026:0.5:bench: aangenomen opslag")
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| payroll rows | employers | landelijk s (median of $ROUNDS) | vergelijk landelijk s (median) | ratio | landelijk peak GB | vergelijk peak GB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for size in $SIZES; do
  D=$DATA/$size
  synthetic_set "$size" "$D"
  OUT=$(mktemp -d)
  L=(); V=(); LP=0; VP=0
  for ((i = 1; i <= ROUNDS; i++)); do
    read -r t p < <(measure "$BM" landelijk --invoer "$D" --jaar $YEAR --uit "$OUT/l" --geheugen "$MEM")
    L+=("$t"); [ "$p" -gt "$LP" ] && LP=$p
    read -r t p < <(measure "$BM" vergelijk landelijk --invoer "$D" --jaar $YEAR --uit "$OUT/v" --geheugen "$MEM" "${ACT[@]}")
    V+=("$t"); [ "$p" -gt "$VP" ] && VP=$p
    echo "  $size round $i: landelijk ${L[-1]}s, vergelijk landelijk ${V[-1]}s" >&2
  done
  ROWS=$(grep -m1 "Verloningsregels verwerkt" "$OUT/v/samenvatting_regimes.txt" | sed 's/[^0-9]*\([0-9.]*\).*/\1/' | tr -d .)
  EMP=$(($(wc -l <"$OUT/v/werkgevers_regimes.csv") - 1))
  LM=$(median "${L[@]}"); VM=$(median "${V[@]}")
  printf '| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n' "$ROWS" "$EMP" "$LM" "$VM" "$(echo "$VM / $LM" | bc -l)" \
    "$(echo "$LP / 1048576" | bc -l)" "$(echo "$VP / 1048576" | bc -l)"
  rm -rf "$OUT"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
