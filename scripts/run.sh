#!/usr/bin/env bash
# Runs Banenmonitor on a fresh machine: the Dutch web application on SQLite, with all published figures loaded
# and demo accounts (shown on the login page). Prints the URL. Stop with Ctrl+C.
#   BANENMONITOR_URL   address to listen on (default http://127.0.0.1:5080)
#   BANENMONITOR_DB    SQLite file (default data/banenmonitor.db; created and filled on first start)
set -euo pipefail
cd "$(dirname "$0")/.."
url=${BANENMONITOR_URL:-http://127.0.0.1:5080}
db=${BANENMONITOR_DB:-$(pwd)/data/banenmonitor.db}
echo "== Banenmonitor bouwen"
dotnet build src/Banenmonitor.Web -c Release --nologo -v q
echo "== Banenmonitor starten op $url (database: $db)"
exec dotnet src/Banenmonitor.Web/bin/Release/net10.0/Banenmonitor.Web.dll \
  --urls "$url" --ConnectionStrings:Banenmonitor "Data Source=$db" --Banenmonitor:PrintUrl true
