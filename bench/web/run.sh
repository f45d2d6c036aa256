#!/usr/bin/env bash
# Load test of the quota calculation API on loopback: wrk against POST /api/quotum, with the static style sheet
# served by the same Kestrel as the peer (the server's ceiling on this machine). Prints throughput and p99 latency.
#   DURATION (default 20s), CONNECTIONS (default 32), THREADS (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
dur=${DURATION:-20s}; conn=${CONNECTIONS:-32}; threads=${THREADS:-2}
port=5091
dir=$(mktemp -d /tmp/banenmonitor-bench.XXXXXX)
dotnet build src/Banenmonitor.Web -c Release --nologo -v q >/dev/null
dotnet src/Banenmonitor.Web/bin/Release/net10.0/Banenmonitor.Web.dll --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Banenmonitor "Data Source=$dir/bench.db" --Logging:LogLevel:Default Warning >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/css/banenmonitor.css" >/dev/null && break; sleep 1; done
# warm-up
wrk -t1 -c4 -d3s -s "$root/bench/web/quotum.lua" "http://127.0.0.1:$port/api/quotum" >/dev/null
echo "== POST /api/quotum ($threads threads, $conn verbindingen, $dur)"
wrk -t"$threads" -c"$conn" -d"$dur" --latency -s "$root/bench/web/quotum.lua" "http://127.0.0.1:$port/api/quotum" | tee "$dir/quotum.txt"
echo "== peer: GET /css/banenmonitor.css (statisch bestand, zelfde server)"
wrk -t"$threads" -c"$conn" -d"$dur" --latency "http://127.0.0.1:$port/css/banenmonitor.css" | tee "$dir/static.txt"
echo "== gehouden tempo: POST /api/quotum met 25 verbindingen × 1 verzoek per 45 ms + antwoordtijd (ruim 500 req/s, $dur)"
PAUZE_MS=45 wrk -t"$threads" -c25 -d"$dur" --latency -s "$root/bench/web/quotum-tempo.lua" "http://127.0.0.1:$port/api/quotum" | tee "$dir/tempo.txt"
q=$(awk '/Requests\/sec/ {print $2}' "$dir/quotum.txt"); s=$(awk '/Requests\/sec/ {print $2}' "$dir/static.txt")
t=$(awk '/Requests\/sec/ {print $2}' "$dir/tempo.txt"); tp99=$(awk '$1=="99%" {print $2}' "$dir/tempo.txt")
terrors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print}' "$dir/tempo.txt")
p99=$(awk '$1=="99%" {print $2}' "$dir/quotum.txt")
errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print}' "$dir/quotum.txt")
echo "== samenvatting: maximaal quotum ${q} req/s (p99 ${p99}), statisch ${s} req/s, verhouding $(awk -v a="$q" -v b="$s" 'BEGIN{printf "%.2f", a/b}'); fouten: ${errors:-geen}"
echo "== samenvatting: gehouden tempo ${t} req/s, p99 ${tp99}; fouten: ${terrors:-geen}; belasting machine: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$q" 'BEGIN{ if (a < 500) { print "ONDER 500 req/s"; exit 1 } }'
awk -v a="$t" 'BEGIN{ if (a < 500) { print "GEHOUDEN TEMPO ONDER 500 req/s (" a ")"; exit 1 } }'
[ -z "$errors" ] && [ -z "$terrors" ]
