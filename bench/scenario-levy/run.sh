#!/usr/bin/env bash
# Benchmark of the scenario levy's read path: every government employer's full input (with its hired-in attributions)
# read in batches vs one employer at a time, on a fresh SQLite file (and with PG=1 a throwaway PostgreSQL, scripts/pg.sh).
# Usage: [PG=1 PG_PORT=…] bench/scenario-levy/run.sh [employers]   (default 2000: 72.000 payroll rows)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build bench/scenario-levy/ScenarioLevyBench -c Release -v q --nologo >/dev/null
bench="dotnet bench/scenario-levy/ScenarioLevyBench/bin/Release/net10.0/ScenarioLevyBench.dll"
$bench "$n" "$(mktemp -u /tmp/levy-bench.XXXXXX.db)"
if [ -n "${PG:-}" ]; then
  PG_PORT=${PG_PORT:-55604}; source scripts/pg.sh; pg_start >/dev/null; trap 'pg_stop' EXIT
  name="levy_bench_$$"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $name"
  $bench "$n" "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$name"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE $name WITH (FORCE)"
fi
