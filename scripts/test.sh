#!/usr/bin/env bash
# Runs every test of Banenmonitor on a fresh machine.
# 1. installs what the tests need (Debian packages: PostgreSQL, Chromium, poppler-utils),
# 2. starts a throwaway PostgreSQL on loopback,
# 3. runs `dotnet test` over the whole solution (SQLite and PostgreSQL, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installeren: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Throwaway PostgreSQL on loopback.
source "$root/scripts/pg.sh"
pg_start
trap pg_stop EXIT

export BANENMONITOR_CHROMIUM=/usr/bin/chromium
echo "== dotnet test"
dotnet test "$root/Banenmonitor.slnx" -c Release --nologo "$@"
