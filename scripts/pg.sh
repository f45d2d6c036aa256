# Sourced by scripts/test.sh and bench scripts: a throwaway PostgreSQL server on 127.0.0.1.
# Exports BANENMONITOR_TEST_PG (an Npgsql connection string) while it runs. PG_OPTS: extra server options (-c name=value).
PG_PORT=${PG_PORT:-55432}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
pg_start() {
  PG_DIR=$(mktemp -d /tmp/banenmonitor-pg.XXXXXX)
  local run=""
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; run="runuser -u postgres --"; fi
  $run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
  $run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off -c max_connections=200 ${PG_OPTS:-}" start >/dev/null
  export BANENMONITOR_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Include Error Detail=true"
  echo "== PostgreSQL draait op 127.0.0.1:$PG_PORT ($PG_DIR)"
}
pg_stop() {
  local run=""; [ "$(id -u)" -eq 0 ] && run="runuser -u postgres --"
  [ -n "${PG_DIR:-}" ] && $run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}
