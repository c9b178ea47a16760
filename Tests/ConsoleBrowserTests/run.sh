#!/usr/bin/env bash
# The agent console in a real headless browser: Debian's chromium and its
# driver (apt), Selenium and axe-core (axe-selenium-python, from PyPI into a
# virtual environment under .build, so that a system Python that is
# externally managed is left alone), against a `parley serve` on a fresh
# data directory. Required: a missing piece is a failure, not a skip.
#
#   Tests/ConsoleBrowserTests/run.sh [path/to/parley]   (default .build/debug/parley)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

parley=${1:-.build/debug/parley}
[ -x "$parley" ] || { echo "console browser tests: $parley is not built (swift build first)" >&2; exit 1; }

venv=${CONSOLE_BROWSER_VENV:-.build/console-browser-venv}
case $venv in /*) ;; *) venv="$root/$venv" ;; esac
if ! "$venv/bin/python" -c "import selenium, axe_selenium_python" > /dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'selenium==4.51.0' 'axe-selenium-python==2.1.6'
fi

CONSOLE_BROWSER_REQUIRED=1 timeout 900 "$venv/bin/python" Tests/ConsoleBrowserTests/console_browser_test.py \
  --parley "$parley" --out .build/console-browser
