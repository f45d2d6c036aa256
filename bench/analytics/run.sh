#!/usr/bin/env bash
# Benchmark of `banenmonitor landelijk` against the best hand-written DuckDB SQL and PostgreSQL, in one run.
# Usage: bench/analytics/run.sh [1m|10m|120m ...]   (default: 1m 10m 120m)
# Data sets are generated once under $BENCH_DATA (default /tmp/banenmonitor-bench) and reused.
# PostgreSQL runs for 1m and 10m only unless PG_ALL=1 (PG=0: not at all) (at 120m loading takes ~10 minutes and ~25 GB of disk).
# PostgreSQL server: throwaway (scripts/pg.sh) on port $BENCH_PG_PORT (default 55491), shared_buffers $BENCH_PG_SHARED
# (default 4GB), 2 parallel workers per gather; data loaded with COPY, indexed and VACUUM ANALYZEd before the query.
# REPEAT=N (default 1): engine and hand-written SQL run alternately N times; the medians are reported (a shared
# machine's load changes from minute to minute; alternating exposes both to the same load). PG_REPEAT=N (default 3):
# the PostgreSQL query runs N times after loading; the median is reported.
# Each repeat also runs `landelijk --per kwartaal,regio` (the measurement per quarter and labour-market region as well);
# its median is reported with its ratio to the plain run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=${BENCH_DATA:-/tmp/banenmonitor-bench}
MEM=${BENCH_MEMORY:-5GB}
YEAR=2023
SIZES=${*:-1m 10m 120m}
dotnet build src/Banenmonitor.Cli -c Release -v q --nologo >/dev/null
dotnet build bench/analytics/Runner -c Release -v q --nologo >/dev/null
BM=$ROOT/src/Banenmonitor.Cli/bin/Release/net10.0/banenmonitor
RUN=$ROOT/bench/analytics/Runner/bin/Release/net10.0/bench-analytics
RESULTS=$DATA/results.md
mkdir -p "$DATA"
source "$ROOT/bench/lib.sh"
echo "| rows | load avg before | engine s | engine peak GB | hand DuckDB s | hand peak GB | PostgreSQL query s (median) | engine/hand | PG/engine | engine rows/s | engine --per kwartaal,regio s | --per / engine |" >>"$RESULTS"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" >>"$RESULTS"
for size in $SIZES; do
  D=$DATA/$size
  synthetic_set "$size" "$D"
  OUT=$DATA/out-$size
  rm -rf "$OUT"; mkdir -p "$OUT"
  ROWS=$("$RUN" rows "$D")
  LOAD=$(loadavg)
  echo "== $size: $ROWS payroll rows (load average $LOAD)"
  ETS=(); HTS=(); DTS=(); EP=0; HP=0
  for ((k = 0; k < ${REPEAT:-1}; k++)); do
    read -r t p < <(measure "$BM" landelijk --invoer "$D" --jaar $YEAR --uit "$OUT" --geheugen "$MEM")
    echo "engine: ${t}s, peak ${p} kB (load $(loadavg))"; ETS+=("$t"); [ "$p" -gt "$EP" ] && EP=$p
    read -r t p < <(measure "$RUN" hand "$D" "$OUT" $YEAR "$MEM")
    echo "hand-written DuckDB SQL: ${t}s, peak ${p} kB"; HTS+=("$t"); [ "$p" -gt "$HP" ] && HP=$p
    read -r t p < <(measure "$BM" landelijk --invoer "$D" --jaar $YEAR --uit "$OUT-per" --geheugen "$MEM" --per kwartaal,regio)
    echo "engine --per kwartaal,regio: ${t}s, peak ${p} kB"; DTS+=("$t")
  done
  ET=$(median "${ETS[@]}"); HT=$(median "${HTS[@]}"); DT=$(median "${DTS[@]}")
  [ "${REPEAT:-1}" -gt 1 ] && echo "medians of ${REPEAT}: engine ${ET}s, hand-written ${HT}s"
  "$RUN" vergelijk "$OUT"
  PT="n/a"; PR="n/a"
  if [ "${PG:-1}" = 1 ] && { [ "$size" != "120m" ] || [ "${PG_ALL:-0}" = 1 ]; }; then
    export PG_PORT=${BENCH_PG_PORT:-55491}
    export PG_OPTS="-c shared_buffers=${BENCH_PG_SHARED:-4GB} -c max_parallel_workers_per_gather=2 -c max_wal_size=8GB"
    source scripts/pg.sh; pg_start
    trap pg_stop EXIT
    CSV=$DATA/csv-$size
    [ -f "$CSV/verloning.csv" ] || "$RUN" csv "$D" "$CSV"
    PSQL="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1"
    S=$(date +%s.%N)
    sed "s#\${csv}#$CSV#g" bench/analytics/load_postgres.sql | $PSQL >/dev/null
    echo "PostgreSQL load (COPY, indexes, VACUUM ANALYZE; not timed in the comparison): $(echo "$(date +%s.%N) - $S" | bc)s"
    "$RUN" pgsql $YEAR bench/analytics/postgres.sql >"$DATA/pg-$size.sql"
    PTS=()
    for ((k = 0; k < ${PG_REPEAT:-3}; k++)); do
      S=$(date +%s.%N); PGSUM=$($PSQL -At -F'|' -f "$DATA/pg-$size.sql"); PTS+=("$(echo "$(date +%s.%N) - $S" | bc)")
      echo "PostgreSQL query: ${PTS[-1]}s (load $(loadavg))"
    done
    PT=$(median "${PTS[@]}")
    pg_stop; trap - EXIT
    ENGSUM=$("$RUN" som "$OUT")
    if [ "$PGSUM" != "$ENGSUM" ]; then echo "PostgreSQL answer $PGSUM differs from the engine's $ENGSUM" >&2; exit 1; fi
    PR=$(echo "scale=1; $PT / $ET" | bc)
    PT=$(printf "%.2f" "$PT")
    echo "PostgreSQL query, median of ${PG_REPEAT:-3}: ${PT}s (employers|shortfall tenths $PGSUM, same as the engine)"
  fi
  R=$(echo "scale=2; $ET / $HT" | bc)
  RPS=$(echo "$ROWS / $ET" | bc)
  DR=$(echo "scale=2; $DT / $ET" | bc)
  printf "| %s | %s | %s | %.2f | %s | %.2f | %s | %s | %s | %s | %s | %s |\n" "$ROWS" "$LOAD" "$ET" "$(echo "$EP/1048576" | bc -l)" "$HT" \
    "$(echo "$HP/1048576" | bc -l)" "$PT" "$R" "$PR" "$RPS" "$DT" "$DR" | tee -a "$RESULTS"
done
echo "Results appended to $RESULTS"
