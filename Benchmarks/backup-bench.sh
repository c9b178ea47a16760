#!/usr/bin/env bash
# Backup, restore and key-rotation throughput of `parley` on a database of
# about 100 MB, beside plain SQLite copying the same rows in the same run.
#
#   bash Benchmarks/backup-bench.sh [--customers N] [--rounds R]
#
# Needs the release binary (swift build -c release) and the sqlite3 program.
# The data: N CRM customers (default 650,000: ~105 MB) with incompressible
# names, imported with `parley crm import` into a fresh installation and with
# sqlite3's .import into a plain database with the same table.
# Arms, R rounds (default 3), medians:
#   parley backup     VACUUM INTO a new encrypted file + the page-by-page and
#                     integrity checks of the copy (what the command does)
#   parley restore    check of the backup + re-encrypted copy + audit log carried over
#   parley keys rotate  both databases re-encrypted under a new key, verified
#   plain VACUUM INTO   the same copy without encryption
#   plain VACUUM INTO + integrity_check   the same copy and check without encryption
# MB/s is the live database's size over the wall time.
set -euo pipefail
customers=650000
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--customers N] [--rounds R]" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
parley="$root/.build/release/parley"
[ -x "$parley" ] || { echo "build the release binary first: swift build -c release" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 program (apt-get install sqlite3)" >&2; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir crm
python3 - "$customers" <<'PY'
import os, sys
n = int(sys.argv[1])
with open("crm/customers.csv", "w") as f:
    f.write("id,name,email,tier\n")
    for i in range(n):
        f.write(f"C-{i:08d},Name {os.urandom(40).hex()},c{i}@example.com,standard\n")
PY

opts=(--data-dir "$work/data" --keys-dir "$work/keys" --log-level error)
"$parley" init "${opts[@]}" >/dev/null
start=$(date +%s.%N)
"$parley" crm import crm "${opts[@]}" >/dev/null
echo "import: $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s for $customers customers"

sqlite3 plain.db <<'SQL'
PRAGMA page_size = 4096;
PRAGMA journal_mode = WAL;
CREATE TABLE crm_customer(id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, tier TEXT NOT NULL DEFAULT 'standard');
.import --csv --skip 1 crm/customers.csv crm_customer
PRAGMA wal_checkpoint(TRUNCATE);
SQL

size() { stat -c %s "$1"; }
now() { date +%s.%N; }
: > raw.txt
for round in $(seq "$rounds"); do
  rm -f backup.db plain-copy.db
  t=$(now); "$parley" backup --out backup.db "${opts[@]}" >/dev/null; echo "parley_backup $(python3 -c "print($(now) - $t)")" >> raw.txt
  t=$(now); sqlite3 plain.db "VACUUM INTO 'plain-copy.db'"; echo "plain_vacuum_into $(python3 -c "print($(now) - $t)")" >> raw.txt
  t=$(now); sqlite3 plain-copy.db "PRAGMA integrity_check" >/dev/null; echo "plain_integrity_check $(python3 -c "print($(now) - $t)")" >> raw.txt
  t=$(now); "$parley" restore backup.db "${opts[@]}" >/dev/null; echo "parley_restore $(python3 -c "print($(now) - $t)")" >> raw.txt
  t=$(now); "$parley" keys rotate "${opts[@]}" >/dev/null 2>&1; echo "parley_rotate $(python3 -c "print($(now) - $t)")" >> raw.txt
done

live=$(size data/parley.db)
plain=$(size plain.db)
python3 - "$live" "$plain" <<'PY'
import statistics as S, sys
live, plain = int(sys.argv[1]), int(sys.argv[2])
t = {}
for line in open("raw.txt"):
    name, seconds = line.split()
    t.setdefault(name, []).append(float(seconds))
m = {k: S.median(v) for k, v in t.items()}
m["plain_copy_and_check"] = S.median([a + b for a, b in zip(t["plain_vacuum_into"], t["plain_integrity_check"])])
mb = 1e6
print(f"parley.db {live / mb:.1f} MB, plain.db {plain / mb:.1f} MB, medians of {len(t['parley_backup'])} rounds")
rows = [
    ("parley backup (copy + verify)", "parley_backup", live),
    ("parley restore (verify + copy + audit)", "parley_restore", live),
    ("parley keys rotate (both databases)", "parley_rotate", live),
    ("plain VACUUM INTO", "plain_vacuum_into", plain),
    ("plain VACUUM INTO + integrity_check", "plain_copy_and_check", plain),
]
for label, key, size in rows:
    print(f"{label:42s} {m[key]:6.2f} s  {size / mb / m[key]:7.1f} MB/s")
print(f"ratio backup / plain copy+check:  {m['parley_backup'] / m['plain_copy_and_check']:.2f}x")
print(f"ratio backup / plain VACUUM INTO: {m['parley_backup'] / m['plain_vacuum_into']:.2f}x")
print(f"ratio rotate / plain copy+check:  {m['parley_rotate'] / m['plain_copy_and_check']:.2f}x")
PY
