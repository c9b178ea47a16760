#!/usr/bin/env bash
# Customer turns per second through a release `parley serve` (encrypted store,
# audit trail, redaction on), beside two baselines started the same way, in
# one run: a bare Hummingbird JSON echo route (the HTTP ceiling of this
# machine) and Parley on plain SQLite files (the price of encryption).
#
#   bash Benchmarks/turn-bench.sh [--seconds S] [--connections C] [--threads T]
#
# Needs the release build (swift build -c release) and wrk (apt-get install
# wrk); without wrk a Python client stands in (slower: it is the bottleneck).
# Prints, per arm: turns/s, p50, p99, server CPU per turn, and the ratios.
set -euo pipefail
seconds=15
connections=64
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--connections C] [--threads T]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release"
for b in parley turn-server; do
  [ -x "$bin/$b" ] || { echo "build the release binaries first: swift build -c release" >&2; exit 1; }
done
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=18765

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start() {  # arm
  local arm=$1 dir="$work/$1"
  mkdir -p "$dir"
  case "$arm" in
    parley) "$bin/parley" serve --port "$port" --data-dir "$dir/data" --keys-dir "$dir/keys" --log-level error >"$dir/log" 2>&1 & ;;
    plain) "$bin/turn-server" plain --port "$port" --data-dir "$dir/data" --keys-dir "$dir/keys" >"$dir/log" 2>&1 & ;;
    echo) "$bin/turn-server" echo --port "$port" >"$dir/log" 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$arm did not start" >&2; exit 1
}

load() {  # seconds -> RESULT line
  if command -v wrk >/dev/null; then
    wrk -t"$threads" -c"$connections" -d"${1}s" --latency -s "$root/Benchmarks/turn-bench.lua" "http://127.0.0.1:$port" | grep '^RESULT'
  else
    python3 "$root/Benchmarks/turn-bench-client.py" --port "$port" --seconds "$1" --connections "$connections"
  fi
}

: > "$work/results"
for arm in echo parley plain; do
  start "$arm"
  load 3 >/dev/null                       # warm-up: caches, the first conversations
  before=$(cpu_ticks "$server_pid")
  result=$(load "$seconds")
  after=$(cpu_ticks "$server_pid")
  echo "$arm $result cpu_ticks=$((after - before)) hz=$(getconf CLK_TCK)" >> "$work/results"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done

python3 - "$work/results" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    arm, _, *fields = line.split()
    rows[arm] = {k: float(v) for k, v in (f.split("=") for f in fields)}
def fig(arm):
    r = rows[arm]
    seconds = r["duration_us"] / 1e6
    rps = r["requests"] / seconds
    cpu_ms = r["cpu_ticks"] / r["hz"] * 1000 / max(r["requests"], 1)
    return rps, r["p50_us"] / 1000, r["p99_us"] / 1000, cpu_ms, int(r["errors"] + r["non2xx"])
print(f"{'arm':8s} {'turns/s':>9s} {'p50 ms':>8s} {'p99 ms':>8s} {'CPU ms/turn':>12s} {'errors':>7s}")
figs = {arm: fig(arm) for arm in rows}
for arm, (rps, p50, p99, cpu, errors) in figs.items():
    print(f"{arm:8s} {rps:9.0f} {p50:8.2f} {p99:8.2f} {cpu:12.3f} {errors:7d}")
print(f"parley / echo ceiling: {figs['parley'][0] / figs['echo'][0]:.3f} of the echo route's throughput")
print(f"encrypted / plain: {figs['plain'][0] / figs['parley'][0]:.2f}x throughput, {figs['parley'][3] / figs['plain'][3]:.2f}x CPU per turn")
PY
