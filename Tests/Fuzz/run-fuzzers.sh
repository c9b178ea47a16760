#!/usr/bin/env bash
# Builds and runs the libFuzzer targets, each for FUZZ_SECONDS (default 120)
# or FUZZ_RUNS executions, whichever comes first, from its corpus under
# Tests/Fuzz/corpus (new inputs go to a scratch copy; the repository's corpus
# stays small). Prints each target's executions and exits non-zero on a crash.
# Not part of CI (too long); run by hand:  Tests/Fuzz/run-fuzzers.sh [TARGET...]
#
# Targets: vfs_page_reader (C, the encrypting VFS's page and WAL readers) and
# the Swift targets of the package Tests/Fuzz (Package.swift there): redactor,
# nlu_parse, yaml_loaders, csv_loaders, model_file, encoder_file, audit_bundle.
# The Swift targets build in release with -sanitize=fuzzer,address into
# Tests/Fuzz/.build; FUZZ_JOBS (default 2) is the build's -j.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-120}
runs=${FUZZ_RUNS:--1}
jobs=${FUZZ_JOBS:-2}
out=.build/fuzz
mkdir -p "$out"
crypt=Sources/CSQLiteCrypt
cflags=(-O1 -g -I "$crypt/include" -I "$crypt")
libs=(-lsqlite3 -lsodium -lcrypto -lpthread)
swift_targets=(redactor nlu_parse yaml_loaders csv_loaders model_file encoder_file audit_bundle)

build_vfs() {
  clang "${cflags[@]}" -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$crypt"/*.c Tests/Fuzz/vfs_page_reader.c "${libs[@]}" -o "$out/vfs_page_reader"
  if [ ! -s Tests/Fuzz/corpus/vfs/seed.db ]; then
    mkdir -p Tests/Fuzz/corpus/vfs
    clang "${cflags[@]}" -DPARLEY_FUZZ_SEED_MAIN "$crypt"/*.c Tests/Fuzz/vfs_page_reader.c "${libs[@]}" -o "$out/vfs_seed"
    seed_dir=$(mktemp -d)
    "$out/vfs_seed" "$seed_dir" Tests/Fuzz/corpus/vfs/seed.db
    rm -rf "$seed_dir"
  fi
}

swift_built=0
build_swift() {
  [ $swift_built -eq 0 ] || return 0
  nice swift build --package-path Tests/Fuzz -c release -j "$jobs" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
  swift_built=1
}

# The Swift executable of target $1 (fuzz-<name with dashes>).
swift_binary() {
  echo "Tests/Fuzz/.build/release/fuzz-${1//_/-}"
}

# A generated seed (a model or encoder file), written by the target itself when missing.
ensure_seed() {
  local binary=$1 path=$2
  [ -s "$path" ] || PARLEY_FUZZ_WRITE_SEED="$path" "$binary"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(vfs_page_reader "${swift_targets[@]}")
status=0
for target in "${targets[@]}"; do
  max_len=4096
  # LeakSanitizer on the C target only: in Swift, a multi-payload enum keeps
  # its case in the spare bits of a payload's pointer, where LeakSanitizer
  # does not recognise the reference (a trained model held by a global was
  # reported leaked). The Swift targets' memory is bounded by -rss_limit_mb.
  leaks=0
  case $target in
    vfs_page_reader) build_vfs; binary=$out/vfs_page_reader; corpus=Tests/Fuzz/corpus/vfs; max_len=65536; leaks=1 ;;
    redactor|nlu_parse|csv_loaders) build_swift; binary=$(swift_binary "$target"); corpus=Tests/Fuzz/corpus/$target ;;
    yaml_loaders|audit_bundle) build_swift; binary=$(swift_binary "$target"); corpus=Tests/Fuzz/corpus/$target; max_len=8192 ;;
    model_file)
      build_swift; binary=$(swift_binary "$target"); corpus=Tests/Fuzz/corpus/$target; max_len=32768
      ensure_seed "$binary" "$corpus/seed-f16"; ensure_seed "$binary" "$corpus/seed-i8" ;;
    encoder_file)
      build_swift; binary=$(swift_binary "$target"); corpus=Tests/Fuzz/corpus/$target; max_len=32768
      ensure_seed "$binary" "$corpus/seed-i8" ;;
    *) echo "unknown target $target (one of vfs_page_reader ${swift_targets[*]})" >&2; exit 2 ;;
  esac
  scratch=$(mktemp -d)
  cp -r "$corpus"/. "$scratch"/
  echo "== $target (${seconds}s or $runs runs)"
  if ! ASAN_OPTIONS=detect_leaks=$leaks nice "$binary" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 \
      -max_len="$max_len" -rss_limit_mb=4096 -artifact_prefix="$out/$target-" "$scratch" 2> "$out/$target.log"; then
    status=1
    echo "$target: CRASH; see $out/$target.log and $out/$target-*" >&2
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::slowest_unit_time_sec|stat::peak_rss_mb" "$out/$target.log" | sed "s/^/$target: /"
  rm -rf "$scratch"
done
exit $status
