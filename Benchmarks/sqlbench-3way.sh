#!/usr/bin/env bash
# The SQLCipher anchor's own sqlbench.c, built three ways and alternated
# A B C for 5 rounds: plain libsqlite3, libsqlcipher (PRAGMA key), and
# parley-crypt (sqlbench.c unmodified; sqlite3_open redirected to
# sqlbench-shim.c). Medians and ratios as run.sh prints them.
#   --gcm  add a fourth arm, crypt-gcm: parley-crypt with its page cipher
#          swapped for AES-256-GCM (sqlbench-aesgcm.c), to price that option.
#   --cpu  switch sqlbench.c's clock from CLOCK_MONOTONIC to
#          CLOCK_PROCESS_CPUTIME_ID (the only change): steadier on a shared box.
# Needs: sqlcipher libsqlcipher-dev libsqlite3-dev libsodium-dev, gcc, python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${SQLBENCH_SOURCE:-$(cd "$here/../.." && pwd)/shared/bench/sqlcipher/sqlbench.c}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
cpu=no gcm=no
for arg in "$@"; do
  case "$arg" in
    --cpu) cpu=yes ;;
    --gcm) gcm=yes ;;
    *) echo "usage: $0 [--cpu] [--gcm]" >&2; exit 2 ;;
  esac
done
if [ "$cpu" = yes ]; then
  sed 's/CLOCK_MONOTONIC/CLOCK_PROCESS_CPUTIME_ID/' "$src" > sqlbench.c
else
  cp "$src" sqlbench.c
fi
gcc -O2 -o plain sqlbench.c -lsqlite3
gcc -O2 -DSQLITE_HAS_CODEC -I/usr/include/sqlcipher -o cipher sqlbench.c -lsqlcipher
gcc -O2 -I"$here/../Sources/CSQLiteCrypt/include" -I"$here/../Sources/CSQLiteCrypt" \
    -Dsqlite3_open=pcb_open -o crypt sqlbench.c "$here/sqlbench-shim.c" \
    "$here"/../Sources/CSQLiteCrypt/*.c -lsqlite3 -lsodium -lpthread
arms="plain cipher crypt"
if [ "$gcm" = yes ]; then
  redirect="-Dcrypto_aead_xchacha20poly1305_ietf_encrypt_detached=pcb_gcm_encrypt_detached
            -Dcrypto_aead_xchacha20poly1305_ietf_decrypt_detached=pcb_gcm_decrypt_detached"
  gcc -O2 -c -o aesgcm.o "$here/sqlbench-aesgcm.c"
  # shellcheck disable=SC2086
  gcc -O2 -I"$here/../Sources/CSQLiteCrypt/include" -I"$here/../Sources/CSQLiteCrypt" $redirect \
      -Dsqlite3_open=pcb_open -o crypt-gcm sqlbench.c "$here/sqlbench-shim.c" \
      "$here"/../Sources/CSQLiteCrypt/*.c aesgcm.o -lsqlite3 -lsodium -lpthread
  arms="$arms crypt-gcm"
fi
for rep in 1 2 3 4 5; do
  for arm in $arms; do
    mode=plain; [ "$arm" = cipher ] && mode=key
    echo "arm=$arm $(./"$arm" ./bench.db "$mode")"
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
