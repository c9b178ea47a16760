#!/usr/bin/env bash
# Regenerates the commands' man pages in man/ (parley.1 and one page per
# subcommand, parley.keys.rotate.1 and so on) from the commands themselves,
# with swift-argument-parser's generate-manual plugin. The file formats' pages
# (man/*.5) are written by hand and left alone.
#
# Usage: packaging/man-pages.sh [--check]
#   --check  regenerate into a scratch directory and fail, listing the pages,
#            when man/ differs from what the commands say (CI runs this).
#
# A page whose text is unchanged keeps the date it has, so regenerating does
# not churn every page each day; a changed or new page is dated today (or the
# day of SOURCE_DATE_EPOCH). Uses the debug build when one exists (as after
# `swift build` or `swift test`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: packaging/man-pages.sh [--check]" >&2; exit 2 ;;
esac

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
swift package --allow-writing-to-directory "$scratch" generate-manual \
  --configuration debug --multi-page --date "$date" --output-directory "$scratch" > "$scratch.log" 2>&1 || {
  cat "$scratch.log" >&2; rm -f "$scratch.log"; exit 1
}
rm -f "$scratch.log"

# The generator copies the commands' discussions verbatim into mdoc: a blank
# line there is an "empty input line" to groff, and a line starting with an
# apostrophe (as in 'parley serve' at the start of a line) a control line.
# Both become what the text meant: a paragraph break, a literal apostrophe.
# A subcommand's NAME ("parley keys rotate") has spaces, which whatis and
# apropos cannot index: NAME gives the page's own name (parley.keys.rotate),
# the synopsis keeps the command as it is typed.
for page in "$scratch"/*.1; do
  awk '
    /^$/ { if (previous != ".Pp") print ".Pp"; previous = ".Pp"; next }
    /^\x27/ { $0 = "\\&" $0 }
    /^\.Nm "/ && command == "" {
      command = substr($0, 5); name = command; gsub(/"/, "", name); gsub(/ /, ".", name)
      $0 = ".Nm " name
    }
    /^\.Nm$/ && command != "" { $0 = ".Nm " command }
    { print; previous = $0 }' "$page" > "$page.clean" && mv "$page.clean" "$page"
done

# The same page but for its .Dd (date) line.
same_text() { cmp -s <(grep -v '^\.Dd ' "$1") <(grep -v '^\.Dd ' "$2"); }

drift=()
for page in "$scratch"/*.1; do
  name=$(basename "$page")
  if [ -f "man/$name" ] && same_text "$page" "man/$name"; then
    continue
  fi
  drift+=("man/$name")
  [ "$check" = true ] || cp "$page" "man/$name"
done
for page in man/*.1; do
  name=$(basename "$page")
  if [ ! -f "$scratch/$name" ]; then
    drift+=("$page (no such command any more)")
    [ "$check" = true ] || rm "$page"
  fi
done

# What lintian runs on every page: any groff warning fails here first.
for page in "$scratch"/*.1 man/*.[2-9]; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || { echo "groff warns about $(basename "$page"):" >&2; echo "$warnings" >&2; exit 1; }
done

if [ ${#drift[@]} -eq 0 ]; then
  echo "man pages: $(ls "$scratch"/*.1 | wc -l) command pages in step with the commands"
elif [ "$check" = true ]; then
  echo "man pages out of step with the commands (run packaging/man-pages.sh and commit):" >&2
  printf '  %s\n' "${drift[@]}" >&2
  exit 1
else
  echo "man pages regenerated:"
  printf '  %s\n' "${drift[@]}"
fi
