#!/usr/bin/env bash
# Installs, upgrades, removes and purges the parley package on a clean Debian
# root, as an operator would, and checks each step. Needs root.
#
# Usage: packaging/test-install.sh PACKAGE.deb UPGRADE.deb
#   UPGRADE.deb: the same package rebuilt with a higher version
#                (PARLEY_DEB_VERSION=... packaging/build-deb.sh --skip-build).
#
# The clean root is a chroot made with debootstrap --variant=minbase from the
# host's own Debian mirror (read from its apt sources; PARLEY_DEBIAN_MIRROR
# overrides): only Essential packages and apt, so the package's declared
# Depends are all that apt may add, and its maintainer scripts run for real
# (adduser, debconf, runuser) in a system of the release it targets. dpkg
# --root into an empty tree would be faster but proves less: the scripts
# would need that same base system, and Depends would go unchecked. The base
# is cached as a tarball (PARLEY_CHROOT_CACHE, default ~/.cache/parley) so
# later runs unpack it in seconds; the dependencies are fetched by apt on
# every run, which is what checks them.
#
# Prints timings (install to first answer) and ends with a "N passed, N
# failed" line; exits non-zero on any failure.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: packaging/test-install.sh PACKAGE.deb UPGRADE.deb" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "test-install.sh: needs root (chroot, mount)" >&2; exit 2; }
package=$(realpath "$1")
upgrade=$(realpath "$2")
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
cache=${PARLEY_CHROOT_CACHE:-$HOME/.cache/parley}
base="$cache/chroot-$codename-minbase.tar"

passed=0
failed=0
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok    $name"
  else
    failed=$((failed + 1)); echo "FAIL  $name"
  fi
}

mirror() {
  if [ -n "${PARLEY_DEBIAN_MIRROR:-}" ]; then echo "$PARLEY_DEBIAN_MIRROR"; return; fi
  # deb822 sources: the URIs of the stanza whose Suites has the release itself.
  local uri
  uri=$(awk -v suite="$codename" '
    /^URIs:/ { uris = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) found = uris }
    /^$/ { if (found) { print found; exit } uris = "" }
    END { if (found) print found }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$uri" ] || uri=$(awk -v suite="$codename" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  [ -n "$uri" ] || { echo "test-install.sh: no Debian mirror in the apt sources; set PARLEY_DEBIAN_MIRROR" >&2; exit 1; }
  echo "$uri"
}

root=$(mktemp -d /var/tmp/parley-root.XXXXXX)
chmod 0755 "$root"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  # Whatever still runs inside the root (nothing should) is ended before it is removed.
  for process in /proc/[0-9]*; do
    [ "$(readlink "$process/root" 2>/dev/null)" = "$root" ] && kill -9 "${process#/proc/}" 2>/dev/null
  done
  for mount in "$root/proc" "$root/dev/pts" "$root/dev"; do
    mountpoint -q "$mount" && umount -l "$mount"
  done
  rm -rf "$root"
}
trap cleanup EXIT

started=$(date +%s.%N)
if [ ! -f "$base" ]; then
  command -v debootstrap >/dev/null || { echo "test-install.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  echo "making the $codename minbase chroot with debootstrap (cached in $base)"
  mkdir -p "$cache"
  debootstrap --variant=minbase "$codename" "$root" "$(mirror)" > "$cache/debootstrap.log" 2>&1 || {
    tail -20 "$cache/debootstrap.log" >&2; exit 1
  }
  chroot "$root" apt-get clean
  chmod 0755 "$root"
  tar -C "$root" -cf "$base.partial" . && mv "$base.partial" "$base"
else
  tar -C "$root" -xf "$base"
fi
# The tarball's "." may carry mktemp's 0700; the parley user must reach /.
chmod 0755 "$root"
# Only what this run fetches may go into the offline bundle.
rm -f "$root"/var/cache/apt/archives/*.deb
echo "base root ready in $(elapsed "$(date +%s.%N)" "$started") s"

mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" 2>/dev/null || true
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# No init system runs in the chroot: maintainer scripts must not start services.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d" && chmod 0755 "$root/usr/sbin/policy-rc.d"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
apt_options=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o APT::Install-Recommends=false)
cp "$package" "$root/tmp/parley.deb"
cp "$upgrade" "$root/tmp/parley-upgrade.deb"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base_url="http://127.0.0.1:$port"

start_server() {
  # chroot, env and setpriv each exec the next (runuser, or a shell function
  # sent to the background, would fork), so $server is the server's own pid.
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 \
    setpriv --reuid=parley --regid=parley --init-groups /usr/bin/parley serve > "$root/tmp/serve.log" 2>&1 &
  server=$!
  local deadline=$((SECONDS + 180))
  until curl -fsS "$base_url/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "the server did not come up; its log:" >&2; tail -20 "$root/tmp/serve.log" >&2; return 1
    fi
    sleep 0.2
  done
}
stop_server() {
  kill -TERM "$server" && wait "$server" || true
  server=""
}
ask() {
  curl -fsS -X POST "$base_url/v1/conversations/$1/messages" -H 'content-type: application/json' \
    -d "{\"text\": \"What is the status of order #12345?\", \"customer_id\": \"C-1001\"}"
}
mode_owner() { chroot "$root" stat -c '%a %U:%G' "$1"; }

# 1. Install with only the declared dependencies, from the mirror.
in_root apt-get update -q > "$root/tmp/apt-update.log" 2>&1 || { tail -5 "$root/tmp/apt-update.log" >&2; exit 1; }
install_started=$(date +%s.%N)
check "apt installs the package with its declared dependencies" in_root apt-get install "${apt_options[@]}" /tmp/parley.deb
installed_at=$(date +%s.%N)
# What an air-gapped host needs: the package and the exact dependency files apt
# just fetched for a minimal system, with their checksums (checked in step 10).
bundle="$(dirname "$package")/offline"
rm -rf "$bundle" && mkdir -p "$bundle"
cp "$package" "$bundle/"
cp "$root"/var/cache/apt/archives/*.deb "$bundle/" 2>/dev/null || true
(cd "$bundle" && sha256sum -- *.deb > SHA256SUMS)
echo "offline bundle: $bundle ($(ls "$bundle"/*.deb | wc -l) packages)"
check "the parley system user exists with no login shell" \
  sh -c "chroot '$root' getent passwd parley | grep -q ':/var/lib/parley:/usr/sbin/nologin$'"
check "/var/lib/parley is 0700 parley:parley" test "$(mode_owner /var/lib/parley)" = "700 parley:parley"
check "/etc/parley/keys is 0700 parley:parley" test "$(mode_owner /etc/parley/keys)" = "700 parley:parley"
check "postinst created the master key, 0600 parley:parley" test "$(mode_owner /etc/parley/keys/master.key)" = "600 parley:parley"
check "the configuration and policies are conffiles" \
  sh -c "chroot '$root' dpkg-query -W -f='\${Conffiles}' parley | grep -q '/etc/parley/parley.yml' && chroot '$root' dpkg-query -W -f='\${Conffiles}' parley | grep -q '/etc/parley/policies/escalation.yml'"
key_of() { sha256sum "$root/etc/parley/keys/master.key" 2>/dev/null | cut -d' ' -f1; }
key_before=$(key_of)
same_key() { local now; now=$(key_of); [ -n "$now" ] && [ "$now" = "$key_before" ]; }
check "postinst configure runs again without changing anything" in_root /var/lib/dpkg/info/parley.postinst configure
check "a second configure keeps the master key" same_key

# 2. The admin edits a conffile: the port.
sed -i "s/^  port: 8000$/  port: $port/" "$root/etc/parley/parley.yml"
check "the edited conffile holds the new port" grep -q "port: $port" "$root/etc/parley/parley.yml"

# 3. Start as the parley user against the installed layout; answer the seed dialogue.
check "parley serve starts as the parley user" start_server
ask pkg-1 > "$root/tmp/answer.json" || true
answered_at=$(date +%s.%N)
check "the installed bot answers the seed dialogue from the CRM" grep -q 'Your order #12345 is currently being processed' "$root/tmp/answer.json"
echo "install to first answer: $(elapsed "$answered_at" "$install_started") s (apt-get install $(elapsed "$installed_at" "$install_started") s, first start, training and answer $(elapsed "$answered_at" "$installed_at") s)"
token=$(in_root runuser -u parley -- /usr/bin/parley tokens create --role admin --name ci-admin 2>/dev/null || true)
check "an admin token is created beside the running server" test -n "$token"
check "parley doctor passes the installation while it serves" in_root runuser -u parley -- /usr/bin/parley doctor
stop_server

# 4. The unit, verified and scored by the root's own systemd (installed now,
# after the dependency check of step 1), and by parley doctor.
check "systemd installs in the root for the unit checks" in_root apt-get install "${apt_options[@]}" systemd
verify_unit() {
  local output
  output=$(in_root systemd-analyze verify --man=no parley.service 2>&1) || { echo "$output"; return 1; }
  [ -z "$output" ] || { echo "$output"; return 1; }
}
check "systemd-analyze verify accepts the installed unit" verify_unit
documented() {
  local page
  for page in $(sed -n 's/^Documentation=//p' "$root/lib/systemd/system/parley.service"); do
    page=${page#man:}
    local name=${page%(*} section=${page##*(}
    section=${section%)}
    [ -f "$root/usr/share/man/man$section/$name.$section.gz" ] || { echo "no man page $page"; return 1; }
  done
}
check "every man page the unit's Documentation= names is installed" documented
exposure=$(in_root systemd-analyze security --offline=true parley.service 2>/dev/null | sed -n 's/.*Overall exposure level for parley.service: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security exposure of the installed unit: ${exposure:-none}"
check "the installed unit's exposure is at most 2.0" awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 2.0) }'
in_root runuser -u parley -- /usr/bin/parley doctor --json > "$root/tmp/doctor.json" || true
check "parley doctor scores the installed unit with systemd-analyze and accepts it" \
  python3 -c 'import json, sys; f = {x["check"]: x["severity"] for x in json.load(open(sys.argv[1]))["findings"]}; sys.exit(0 if f.get("unit.exposure") == "ok" and f.get("unit.hardening") == "ok" else 1)' "$root/tmp/doctor.json"

# 5. Upgrade to a higher version: data, keys and the edited conffile survive.
old_version=$(chroot "$root" dpkg-query -W -f='${Version}' parley)
check "apt upgrades to the rebuilt package" in_root apt-get install "${apt_options[@]}" /tmp/parley-upgrade.deb
check "the version went up" dpkg --compare-versions "$(chroot "$root" dpkg-query -W -f='${Version}' parley)" gt "$old_version"
check "the master key survived the upgrade" same_key
check "the edited conffile survived the upgrade" grep -q "port: $port" "$root/etc/parley/parley.yml"
check "the server starts after the upgrade" start_server
curl -fsS "$base_url/v1/conversations/pkg-1" -H "authorization: Bearer $token" > "$root/tmp/transcript.json" || true
check "the conversation from before the upgrade is read back with the old token" grep -q 'Your order #12345' "$root/tmp/transcript.json"
check "parley doctor passes after the upgrade" in_root runuser -u parley -- /usr/bin/parley doctor
stop_server

# 6. Remove keeps data, keys and configuration.
check "apt removes the package" in_root apt-get remove -y -q parley
check "remove took the binary" test ! -e "$root/usr/bin/parley"
check "remove kept the database" test -s "$root/var/lib/parley/parley.db"
check "remove kept the master key" test -s "$root/etc/parley/keys/master.key"
check "remove kept the edited conffile" grep -q "port: $port" "$root/etc/parley/parley.yml"

# 7. Purge without confirmation keeps data and keys; only the configuration goes.
check "apt purges the package" in_root apt-get purge -y -q parley
check "purge without confirmation kept the database" test -s "$root/var/lib/parley/parley.db"
check "purge without confirmation kept the master key" same_key
check "purge removed the conffiles" test ! -e "$root/etc/parley/parley.yml"
check "dpkg forgot the package" sh -c "! chroot '$root' dpkg-query -W -f='\${Status}' parley 2>/dev/null | grep -q installed"

# 8. Reinstall over the kept data: the kept key is used, none is created.
check "the package reinstalls over kept data and keys" in_root apt-get install "${apt_options[@]}" /tmp/parley-upgrade.deb
check "reinstalling kept the old master key" same_key

# 9. Purge with the administrator's confirmation (preseeded) deletes data, keys and the user.
echo "parley parley/purge-data-and-keys boolean true" | in_root debconf-set-selections
check "apt purges with the confirmation preseeded" in_root apt-get purge -y -q parley
check "a confirmed purge deleted /var/lib/parley" test ! -e "$root/var/lib/parley"
check "a confirmed purge deleted /etc/parley/keys" test ! -e "$root/etc/parley/keys"
check "a confirmed purge removed the parley user" sh -c "! chroot '$root' getent passwd parley >/dev/null"

# 10. The air-gapped install: a fresh base with no apt sources at all installs
# the bundle after checking its checksums.
cleanup
root=$(mktemp -d /var/tmp/parley-root.XXXXXX)
tar -C "$root" -xf "$base"
chmod 0755 "$root"
mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" 2>/dev/null || true
mount -t proc proc "$root/proc"
rm -f "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/* "$root"/var/lib/apt/lists/*_Packages
mkdir -p "$root/tmp/offline" && cp "$bundle"/* "$root/tmp/offline/"
check "the offline bundle's checksums verify" in_root sh -c "cd /tmp/offline && sha256sum -c --quiet SHA256SUMS"
check "apt installs the offline bundle with no sources" \
  in_root sh -c "apt-get install -y -q -o APT::Install-Recommends=false /tmp/offline/*.deb"
check "the offline installation has its master key" test "$(mode_owner /etc/parley/keys/master.key)" = "600 parley:parley"

echo "whole test: $(elapsed "$(date +%s.%N)" "$started") s"
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
