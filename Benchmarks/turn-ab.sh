#!/usr/bin/env bash
# A/B of two parley binaries on the turn workload: alternating runs (so that
# a busy machine slows both alike), each on a fresh data directory, with
# wrk and Benchmarks/turn-bench.lua; prints turns/s, p50, p99 and server CPU
# per turn for every run. Compare medians of the same run, not across runs.
#
#   bash Benchmarks/turn-ab.sh BEFORE_BINARY AFTER_BINARY [--rounds N] [--seconds S]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY [--rounds N] [--seconds S]" >&2; exit 2; }
before=$1 after=$2; shift 2
rounds=3 seconds=15
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
port=18800
pid="" dir=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; [ -n "$dir" ] && rm -rf "$dir"; }
trap cleanup EXIT

run() {  # binary label
  dir=$(mktemp -d)
  "$1" serve --port "$port" --data-dir "$dir/data" --keys-dir "$dir/keys" --log-level error > "$dir/log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  wrk -t2 -c32 -d3s -s "$root/Benchmarks/turn-bench.lua" "http://127.0.0.1:$port" > /dev/null
  local t0 t1 out
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -s "$root/Benchmarks/turn-bench.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  rm -rf "$dir"; dir=""
  python3 - "$2" "$((t1 - t0))" "$(getconf CLK_TCK)" $out <<'PY'
import sys
label, ticks, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
f = dict(kv.split("=") for kv in sys.argv[5:])
n, seconds = int(f["requests"]), int(f["duration_us"]) / 1e6
print(f"{label} turns/s={n / seconds:.0f} p50_ms={int(f['p50_us']) / 1000:.0f} p99_ms={int(f['p99_us']) / 1000:.0f} "
      f"cpu_ms_per_turn={ticks / hz * 1000 / n:.2f} non2xx={f['non2xx']}")
PY
}

for _ in $(seq "$rounds"); do run "$before" before; run "$after" after; done
