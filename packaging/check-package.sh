#!/usr/bin/env bash
# The package checks CI runs (.ci/run calls this after the test suite): fails
# on man pages out of step with the commands, a unit whose hardening exposure
# is above 2.0 or that systemd-analyze verify rejects, a package that is not
# byte-identical when rebuilt, any lintian error or warning, or a failed
# install, upgrade, remove or purge on a clean root. Needs root and the debug
# build of `swift test` (for the man pages).
#
# Usage: packaging/check-package.sh
# Environment: PARLEY_REPRODUCIBLE_FULL=1 also rebuilds the binary from a
# fresh clone at another path and compares the packages (a second clean
# release build: about as long again, so not in CI by default).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$SECONDS
step() { echo "== $1 ($((SECONDS - started)) s)"; }

step "man pages in step with the commands"
packaging/man-pages.sh --check

step "unit hardening"
exposure=$(systemd-analyze security --offline=true packaging/parley.service 2>/dev/null | sed -n 's/.*Overall exposure level for parley.service: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security --offline=true packaging/parley.service: ${exposure:-no score}"
awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 2.0) }' || { echo "the unit's exposure is above 2.0" >&2; exit 1; }

step "release build and package"
deb=$(packaging/build-deb.sh | tail -1)
ls -l "$deb"
first=$(sha256sum "$deb" | cut -d' ' -f1)

step "the package is reproducible"
mv "$deb" "$deb.first"
packaging/build-deb.sh --skip-build > /dev/null
second=$(sha256sum "$deb" | cut -d' ' -f1)
rm "$deb.first"
[ "$first" = "$second" ] || { echo "two packagings of the same build differ: $first, $second" >&2; exit 1; }
echo "packaged twice from the same build: identical (sha256 $first)"
if [ "${PARLEY_REPRODUCIBLE_FULL:-}" = 1 ]; then
  clone=$(mktemp -d /var/tmp/parley-clone.XXXXXX)
  git clone -q "$root" "$clone/parley"
  (cd "$clone/parley" && SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct) packaging/build-deb.sh > /dev/null)
  other=$(sha256sum "$clone/parley/$deb" | cut -d' ' -f1)
  rm -rf "$clone"
  [ "$first" = "$other" ] || { echo "a clean build at another path differs: $first, $other" >&2; exit 1; }
  echo "built again from a clean clone at another path: identical"
fi

step "lintian"
lintian --fail-on error,warning --info --display-level '>=warning' "$deb" | tee packaging/out/lintian.txt
echo "lintian: no error or warning (overrides, each justified, in packaging/lintian-overrides)"

step "install, upgrade, remove and purge on a clean root"
version=$(dpkg-deb -f "$deb" Version)
upgrade=$(PARLEY_DEB_VERSION="$version+rebuild1" packaging/build-deb.sh --skip-build | tail -1)
packaging/test-install.sh "$deb" "$upgrade"

