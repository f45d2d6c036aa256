# Shared helpers of the benchmark scripts (source it; needs BM = the banenmonitor binary, YEAR, MEM).

# measure command... → prints "seconds peak_kb" (wall clock and peak resident memory from /usr/bin/time).
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log" "$log.out" >&2; exit 1; }
  local wall peak
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  rm -f "$log" "$log.out"
  echo "$wall $peak"
}

# median number... → the median.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# synthetic_set SIZE DIR → generates the synthetic year of SIZE (1m, 10m, 120m payroll rows) in DIR unless it is there.
synthetic_set() {
  local W E
  case $1 in
    1m) W=96000; E=4500 ;;
    10m) W=960000; E=45000 ;;
    120m) W=11500000; E=450000 ;;
    *) echo "unknown size $1" >&2; exit 2 ;;
  esac
  if [ ! -f "$2/verloning.parquet" ] && [ ! -d "$2/verloning" ]; then
    echo "== generating $1" >&2
    "$BM" synthetisch --werknemers $W --werkgevers $E --jaar "$YEAR" --uit "$2" --geheugen "$MEM" >/dev/null
  fi
}
