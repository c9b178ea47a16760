#!/usr/bin/env bash
# Durability under load, as an operator would check it: a release `parley
# serve` on a fresh data directory takes customer turns from 8 clients (one
# conversation each, turns in order), is killed with SIGKILL mid-stream, and
# the data directory is then read back with the CLI: every acknowledged turn
# (answered 200) must be stored, whole (its reply beside it), and the audit
# log must verify. At most the one turn in flight per conversation at the kill
# may be stored besides. Prints the counts; exits non-zero on any loss.
#
#   bash Benchmarks/kill-bench.sh [--rounds N] [--after SECONDS]
set -euo pipefail
rounds=3 after=4
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --after) after="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--after SECONDS]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
parley="$root/.build/release/parley"
[ -x "$parley" ] || { echo "build the release binary first: swift build -c release --product parley" >&2; exit 1; }
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=18766
status=0
cd "$root"

for round in $(seq "$rounds"); do
  dir="$work/$round"; mkdir -p "$dir"
  "$parley" serve --port "$port" --data-dir "$dir/data" --keys-dir "$dir/keys" --log-level error > "$dir/log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  python3 "$root/Benchmarks/kill-bench-client.py" --port "$port" --ledger "$dir/ledger.json" > "$dir/client" &
  client=$!
  sleep "$after"
  kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  wait "$client"
  "$parley" export --data-dir "$dir/data" --keys-dir "$dir/keys" --log-level error --customer C-1001 --out "$dir/export.json" > /dev/null
  verify=ok
  "$parley" audit verify --database --data-dir "$dir/data" --keys-dir "$dir/keys" --log-level error > "$dir/verify" 2>&1 || verify=FAILED
  python3 - "$round" "$dir/ledger.json" "$dir/export.json" "$verify" "$(cat "$dir/client")" <<'PY' || status=1
import json, sys
round_, ledger, export, verify, client = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), sys.argv[4], sys.argv[5]

def conversations(node):
    """Every object in the export that has an id and a list of turns with roles."""
    if isinstance(node, dict):
        turns = node.get("turns")
        if isinstance(turns, list) and "id" in node:
            yield node["id"], turns
        for value in node.values():
            yield from conversations(value)
    elif isinstance(node, list):
        for value in node:
            yield from conversations(value)

stored = {cid: turns for cid, turns in conversations(export) if str(cid).startswith("kill-")}
lost = torn = extra = 0
for cid, acked in ledger.items():
    turns = stored.get(cid, [])
    customer = sum(1 for t in turns if t.get("role") == "customer")
    bot = sum(1 for t in turns if t.get("role") == "bot")
    lost += max(0, acked - customer)
    extra += max(0, customer - acked)
    torn += abs(customer - bot)
ok = lost == 0 and torn == 0 and extra <= len(ledger) and verify == "ok"
print(f"round {round_}: {client}; {sum(ledger.values())} acknowledged turns in {len(ledger)} conversations, "
      f"lost {lost}, stored besides (in flight at the kill) {extra}, torn {torn}, audit log {verify}: {'OK' if ok else 'FAILED'}")
sys.exit(0 if ok else 1)
PY
done
exit $status
