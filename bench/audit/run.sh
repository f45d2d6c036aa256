#!/usr/bin/env bash
# Benchmark of the audit trail's paging: the newest page vs a page near the oldest rows (keyset paging, AuditService.SearchAsync)
# at the same size, and the offset page with exact count it replaced, on a fresh SQLite file; with PG=1 also on a throwaway
# PostgreSQL (scripts/pg.sh, port PG_PORT, default 55604). Usage: [PG=1] bench/audit/run.sh [rows]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build bench/audit/AuditPagingBench -c Release -v q --nologo >/dev/null
bench="dotnet bench/audit/AuditPagingBench/bin/Release/net10.0/AuditPagingBench.dll"
db=$(mktemp -u /tmp/audit-bench.XXXXXX.db)
trap 'rm -f "$db" "$db-wal" "$db-shm"' EXIT
$bench "$rows" "$db"
if [ -n "${PG:-}" ]; then
  PG_PORT=${PG_PORT:-55604}; source scripts/pg.sh; pg_start >/dev/null; trap 'rm -f "$db" "$db-wal" "$db-shm"; pg_stop' EXIT
  name="audit_bench_$$"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $name"
  $bench "$rows" "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$name"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE $name WITH (FORCE)"
fi
