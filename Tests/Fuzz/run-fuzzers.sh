#!/usr/bin/env bash
# Builds and runs the libFuzzer targets, each for FUZZ_SECONDS (default 120)
# or FUZZ_RUNS executions, whichever comes first, from its corpus under
# Tests/Fuzz/corpus (new inputs go to a scratch copy; the repository's corpus
# stays small). Prints each target's executions and exits non-zero on a crash.
# Not part of CI (too long); run by hand:  Tests/Fuzz/run-fuzzers.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-120}
runs=${FUZZ_RUNS:--1}
out=.build/fuzz
mkdir -p "$out"
crypt=Sources/CSQLiteCrypt
cflags=(-O1 -g -I "$crypt/include" -I "$crypt")
libs=(-lsqlite3 -lsodium -lcrypto -lpthread)

build_vfs() {
  clang "${cflags[@]}" -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$crypt"/*.c Tests/Fuzz/vfs_page_reader.c "${libs[@]}" -o "$out/vfs_page_reader"
  if [ ! -s Tests/Fuzz/corpus/vfs/seed.db ]; then
    clang "${cflags[@]}" -DPARLEY_FUZZ_SEED_MAIN "$crypt"/*.c Tests/Fuzz/vfs_page_reader.c "${libs[@]}" -o "$out/vfs_seed"
    seed_dir=$(mktemp -d)
    "$out/vfs_seed" "$seed_dir" Tests/Fuzz/corpus/vfs/seed.db
    rm -rf "$seed_dir"
  fi
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(vfs_page_reader)
status=0
for target in "${targets[@]}"; do
  case $target in
    vfs_page_reader) build_vfs; corpus=Tests/Fuzz/corpus/vfs ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  scratch=$(mktemp -d)
  cp -r "$corpus"/. "$scratch"/
  echo "== $target (${seconds}s)"
  if ! ASAN_OPTIONS=detect_leaks=1 "$out/$target" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 \
      -max_len=65536 -artifact_prefix="$out/$target-" "$scratch" 2> "$out/$target.log"; then
    status=1
    echo "$target: CRASH; see $out/$target.log and $out/$target-*" >&2
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/$target.log" | sed "s/^/$target: /"
  rm -rf "$scratch"
done
exit $status
