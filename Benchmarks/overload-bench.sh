#!/usr/bin/env bash
# How a release `parley serve` degrades past the load it can sustain: the
# turn workload at rising numbers of connections, from clients that resend at
# once and ignore Retry-After (wrk) and from clients that honour it (a Python
# client), on a fresh data directory per binary. Prints per load: turns
# answered 200 per second (goodput), 503s per second, other answers and
# socket errors, p50/p99 of the answered turns, the server's CPU, its peak
# RSS during the load, and the slowest /healthz probe (one every 0.5 s).
#
#   bash Benchmarks/overload-bench.sh [--seconds S] [--loads "KIND CONNS,..."] [--arm NAME=BINARY]...
#
# Without --arm, the one arm is .build/release/parley. Several arms (say the
# binary of main and of a branch) run one after the other in the same run, so
# their figures compare; name an arm twice to alternate rounds (each arm gets
# a fresh data directory). --loads picks the loads, e.g. "ignore 32" (default
# "ignore 32,ignore 256,ignore 1000,honour 256"). Needs wrk (apt-get install wrk) and python3.
set -euo pipefail
seconds=20
arms=()
loads_arg="ignore 32,ignore 256,ignore 1000,honour 256"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --arm) arms+=("$2"); shift 2 ;;
    --loads) loads_arg="$2"; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--loads \"KIND CONNS,...\"] [--arm NAME=BINARY]..." >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
[ ${#arms[@]} -gt 0 ] || arms=("release=$root/.build/release/parley")
command -v wrk >/dev/null || { echo "overload-bench needs wrk (apt-get install wrk)" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=18766

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

start() {  # binary dir
  "$1" serve --port "$port" --data-dir "$2/data" --keys-dir "$2/keys" --log-level error >"$2/log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$2/log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not start" >&2; exit 1
}

# Samples RSS and /healthz latency every 0.5 s until the file $1.stop exists.
probe() {
  local out=$1
  : > "$out"
  while [ ! -e "$out.stop" ]; do
    local t
    t=$(curl -s -o /dev/null -m 10 -w '%{time_total}' "http://127.0.0.1:$port/healthz" || echo 10)
    echo "$(rss_kib "$server_pid") $t" >> "$out"
    sleep 0.5
  done
}

run_load() {  # kind connections seconds
  case "$1" in
    ignore) wrk -t2 -c"$2" -d"${3}s" --timeout 30s -s "$root/Benchmarks/overload.lua" "http://127.0.0.1:$port" | grep '^RESULT' ;;
    honour) python3 "$root/Benchmarks/overload-client.py" --port "$port" --seconds "$3" --connections "$2" ;;
  esac
}

IFS=, read -r -a loads <<< "$loads_arg"
: > "$work/results"
round=0
for arm in "${arms[@]}"; do
  name=${arm%%=*}; binary=${arm#*=}
  round=$((round + 1))
  dir="$work/$round-$name"; mkdir -p "$dir"
  start "$binary" "$dir"
  run_load ignore 16 3 >/dev/null   # warm-up: caches, the first conversations
  for load in "${loads[@]}"; do
    set -- $load
    rm -f "$dir/probe.stop"
    probe "$dir/probe" & probe_pid=$!
    before=$(cpu_ticks "$server_pid")
    result=$(run_load "$1" "$2" "$seconds")
    after=$(cpu_ticks "$server_pid")
    touch "$dir/probe.stop"; wait "$probe_pid"
    peak=$(awk 'BEGIN {m = 0} $1 > m {m = $1} END {print m}' "$dir/probe")
    slowest=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$dir/probe")
    echo "$name $1 $2 $result cpu_ticks=$((after - before)) hz=$(getconf CLK_TCK) rss_peak_kib=$peak healthz_max_s=$slowest" >> "$work/results"
    kill -0 "$server_pid" 2>/dev/null || { echo "$name: the server died under load $load" >&2; cat "$dir/log" >&2; exit 1; }
    sleep 2   # let the backlog drain before the next load
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done

python3 - "$work/results" <<'PY'
import sys
print(f"{'arm':10s} {'client':7s} {'conns':>5s} {'200/s':>7s} {'503/s':>8s} {'other':>6s} {'sockerr':>7s} {'p50 ms':>8s} {'p99 ms':>8s} {'CPU %':>6s} {'RSS MB':>7s} {'healthz max ms':>14s}")
for line in open(sys.argv[1]):
    arm, kind, conns, _, *fields = line.split()
    r = {k: float(v) for k, v in (f.split("=") for f in fields)}
    s = r["duration_us"] / 1e6
    cpu = r["cpu_ticks"] / r["hz"] / s * 100
    print(f"{arm:10s} {kind:7s} {conns:>5s} {r['ok'] / s:7.0f} {r['refused'] / s:8.0f} {int(r['other']):6d} {int(r['socket_errors']):7d} "
          f"{r['p50_us'] / 1000:8.1f} {r['p99_us'] / 1000:8.1f} {cpu:6.0f} {r['rss_peak_kib'] / 1024:7.0f} {r['healthz_max_s'] * 1000:14.0f}")
PY
