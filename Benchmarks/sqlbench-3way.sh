#!/usr/bin/env bash
# The SQLCipher anchor's own sqlbench.c, built several ways and alternated
# for 5 rounds: plain libsqlite3, libsqlcipher (PRAGMA key), parley-crypt
# (sqlbench.c unmodified; sqlite3_open redirected to sqlbench-shim.c) with
# its page cipher as the product runs it (OpenSSL), and crypt-sodium: the
# same VFS with libsodium computing every page (the implementation before
# OpenSSL's). Medians and ratios as run.sh prints them.
#   --rounds N      rounds of every arm, alternated (default 5).
#   --gcm           add crypt-gcm: parley-crypt with its page cipher swapped
#                   for AES-256-GCM (sqlbench-aesgcm.c), to price that option.
#   --cpu           switch sqlbench.c's clock from CLOCK_MONOTONIC to
#                   CLOCK_PROCESS_CPUTIME_ID (the only change): steadier on a shared box.
#   --instructions  instead of timing, run every arm once under valgrind's
#                   callgrind and count the instructions of each workload
#                   (between sqlbench.c's own clock reads): independent of
#                   the machine's load. valgrind hides AVX-512 from the
#                   program, so OpenSSL and libsodium run their AVX2 code there.
# Needs: sqlcipher libsqlcipher-dev libsqlite3-dev libsodium-dev libssl-dev,
# gcc, python3; valgrind for --instructions.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${SQLBENCH_SOURCE:-$(cd "$here/../.." && pwd)/shared/bench/sqlcipher/sqlbench.c}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
cpu=no gcm=no instructions=no rounds=5
usage="usage: $0 [--rounds N] [--cpu] [--gcm] [--instructions]"
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu=yes ;;
    --gcm) gcm=yes ;;
    --instructions) instructions=yes ;;
    --rounds) shift; [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }; rounds=$1 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
if [ "$cpu" = yes ]; then
  sed 's/CLOCK_MONOTONIC/CLOCK_PROCESS_CPUTIME_ID/' "$src" > sqlbench.c
else
  cp "$src" sqlbench.c
fi
# For --instructions: sqlbench.c's clock reads go through pcb_clock_gettime,
# which callgrind dumps its counters before (six calls: the workloads' ends).
marks=""
if [ "$instructions" = yes ]; then
  command -v valgrind >/dev/null || { echo "$0: --instructions needs valgrind" >&2; exit 2; }
  cat > marks.c <<'C'
#include <time.h>
__attribute__((noinline)) int pcb_clock_gettime(clockid_t clock, struct timespec *ts) {
    return clock_gettime(clock, ts);
}
C
  gcc -O2 -c -o marks.o marks.c
  marks="-Dclock_gettime=pcb_clock_gettime marks.o"
fi
crypt_sources=("$here"/../Sources/CSQLiteCrypt/*.c)
crypt_include=(-I"$here/../Sources/CSQLiteCrypt/include" -I"$here/../Sources/CSQLiteCrypt")
# shellcheck disable=SC2086
gcc -O2 -o plain sqlbench.c $marks -lsqlite3
# shellcheck disable=SC2086
gcc -O2 -DSQLITE_HAS_CODEC -I/usr/include/sqlcipher -o cipher sqlbench.c $marks -lsqlcipher
# shellcheck disable=SC2086
gcc -O2 "${crypt_include[@]}" -Dsqlite3_open=pcb_open -o crypt sqlbench.c $marks "$here/sqlbench-shim.c" \
    "${crypt_sources[@]}" -lsqlite3 -lsodium -lcrypto -lpthread
ln -s crypt crypt-sodium
arms="plain cipher crypt crypt-sodium"
if [ "$gcm" = yes ]; then
  redirect="-Dcrypto_aead_xchacha20poly1305_ietf_encrypt_detached=pcb_gcm_encrypt_detached
            -Dcrypto_aead_xchacha20poly1305_ietf_decrypt_detached=pcb_gcm_decrypt_detached"
  gcc -O2 -c -o aesgcm.o "$here/sqlbench-aesgcm.c"
  # shellcheck disable=SC2086
  gcc -O2 "${crypt_include[@]}" $redirect \
      -Dsqlite3_open=pcb_open -o crypt-gcm sqlbench.c $marks "$here/sqlbench-shim.c" \
      "${crypt_sources[@]}" aesgcm.o -lsqlite3 -lsodium -lcrypto -lpthread
  arms="$arms crypt-gcm"
fi

# Runs one arm: crypt-sodium and crypt-gcm run the libsodium path (the GCM
# redirect replaces libsodium's XChaCha20-Poly1305 calls).
run_arm() {
  local arm=$1; shift
  local mode=plain cipher=""
  [ "$arm" = cipher ] && mode=key
  case "$arm" in crypt-sodium|crypt-gcm) cipher=libsodium ;; esac
  PCB_CIPHER=$cipher "$@" "./$arm" ./bench.db "$mode"
}

if [ "$instructions" = yes ]; then
  for arm in $arms; do
    run_arm "$arm" valgrind --tool=callgrind --dump-before=pcb_clock_gettime \
        --callgrind-out-file="$work/cg.$arm" >/dev/null 2>"cg.$arm.log"
  done
  echo "$arms" > arms.txt
  python3 - "$work" <<'PY'
import glob, re, sys
work = sys.argv[1]
arms = open('arms.txt').read().split()
def totals(arm):
    # dumps cg.ARM.1 .. cg.ARM.6 are taken before each clock read; the
    # workloads are the spans (t0, ta), (t0, tb), (t0, tc): dumps 2, 4, 6.
    parts = {}
    for path in glob.glob(f'{work}/cg.{arm}.*'):
        m = re.search(r'\.(\d+)$', path)
        if not m: continue
        for line in open(path):
            if line.startswith('totals:') or line.startswith('summary:'):
                parts[int(m.group(1))] = int(line.split()[1])
                break
    if sorted(parts) != [1, 2, 3, 4, 5, 6]:
        sys.exit(f'{arm}: expected 6 callgrind dumps, found {sorted(parts)}')
    return {'a': parts[2], 'b': parts[4], 'c': parts[6]}
ir = {a: totals(a) for a in arms}
for a in arms: print(a, " ".join(f"({w}) {ir[a][w] / 1e6:.1f} M instructions" for w in 'abc'))
for a in arms[1:]: print(f"{a}/plain", " ".join(f"({w}) {ir[a][w] / ir['plain'][w]:.2f}x" for w in 'abc'))
PY
  exit 0
fi

for ((rep = 1; rep <= rounds; rep++)); do
  for arm in $arms; do
    echo "arm=$arm $(run_arm "$arm")"
  done
done > raw.txt
echo "$arms" > arms.txt
python3 - <<'PY'
import statistics as S
rows=[dict(kv.split('=',1) for kv in l.split()) for l in open('raw.txt')]
arms=open('arms.txt').read().split()
med={a:{w:S.median(float(r[w]) for r in rows if r['arm']==a) for w in 'abc'} for a in arms}
for a in arms: print(a, " ".join(f"({w}) {med[a][w]*1000:.1f} ms" for w in 'abc'))
for a in arms[1:]: print(f"{a}/plain", " ".join(f"({w}) {med[a][w]/med['plain'][w]:.2f}x" for w in 'abc'))
PY
