#!/usr/bin/env bash
# Builds packaging/out/parley_<version>_<arch>.deb from a release build.
# Usage: packaging/build-deb.sh   (from the checkout; needs dpkg-deb)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --static-swift-stdlib --product parley
version=$(.build/release/parley version | awk '{print $2}')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
pkg="$stage/parley_${version}_${arch}"

install -D -m 0755 .build/release/parley "$pkg/usr/bin/parley"
strip --strip-unneeded "$pkg/usr/bin/parley"
mkdir -p "$pkg/usr/share/parley"
cp -r bot "$pkg/usr/share/parley/bot"
install -D -m 0644 policies/escalation.yml "$pkg/etc/parley/policies/escalation.yml"
install -D -m 0644 policies/pii.yml "$pkg/etc/parley/policies/pii.yml"
install -D -m 0644 packaging/parley.yml "$pkg/etc/parley/parley.yml"
install -D -m 0644 packaging/parley.service "$pkg/lib/systemd/system/parley.service"
install -D -m 0644 man/parley.1 "$pkg/usr/share/man/man1/parley.1"
install -D -m 0644 man/parley-audit-format.5 "$pkg/usr/share/man/man5/parley-audit-format.5"
gzip -9n "$pkg/usr/share/man/man1/parley.1" "$pkg/usr/share/man/man5/parley-audit-format.5"
install -D -m 0644 README.md "$pkg/usr/share/doc/parley/README.md"

mkdir -p "$pkg/DEBIAN"
install -m 0755 packaging/postinst packaging/prerm "$pkg/DEBIAN/"
printf '/etc/parley/parley.yml\n/etc/parley/policies/escalation.yml\n/etc/parley/policies/pii.yml\n' > "$pkg/DEBIAN/conffiles"
# Runtime libraries: the Swift runtime and Foundation are linked statically;
# libsodium, libsqlite3 and OpenSSL's libcrypto come from Debian.
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: parley
Version: ${version}
Architecture: ${arch}
Maintainer: Parley maintainers <maintainers@parley.invalid>
Depends: libsodium23, libsqlite3-0, libssl3, libstdc++6, libgcc-s1, adduser
Section: net
Priority: optional
Description: on-premises customer-support agent
 Understands customer messages, answers from the firm's records, hands
 conversations to human agents, redacts PII, encrypts everything at rest and
 keeps a verifiable audit trail. Serves a local HTTP API.
CONTROL
mkdir -p packaging/out
dpkg-deb --root-owner-group --build "$pkg" packaging/out/ >/dev/null
ls packaging/out/*.deb
