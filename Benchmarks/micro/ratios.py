#!/usr/bin/env python3
"""Runs the micro-benchmarks once and prints each figure beside the baseline
benchmark measured in the same run (median wall-clock and CPU time, and their
ratio), the side-by-side figures the notes report.

usage (from the checkout's root):
  python3 Benchmarks/micro/ratios.py [extra arguments for `benchmark`, e.g. --target Audit]
"""
import json
import subprocess
import sys

# Each benchmark and the baseline it is read against (same target, same
# iterations per sample, so the medians divide).
PAIRS = {
    "PageCipher: seal one page (in use)": "PageCipher: baseline: copy one page",
    "PageCipher: seal one page (libsodium)": "PageCipher: baseline: copy one page",
    "PageCipher: open one page (in use)": "PageCipher: baseline: copy one page",
    "PageCipher: open one page (libsodium)": "PageCipher: baseline: copy one page",
    "Audit: append an entry (encode, leaf hash, frontier append)": "Audit: baseline: SHA-256 of an entry's canonical bytes",
    "Audit: inclusion proof in a tree of 1,000,000": "Audit: baseline: SHA-256 of an entry's canonical bytes",
    "Audit: verify an inclusion proof": "Audit: baseline: SHA-256 of an entry's canonical bytes",
    "Audit: verify a 10,000-entry bundle": "Audit: baseline: SHA-256 of a 10,000-entry bundle",
    "Audit: make an entry receipt": "Audit: baseline: SHA-256 of an entry receipt",
    "Audit: verify an entry receipt": "Audit: baseline: SHA-256 of an entry receipt",
    "Redaction: redact a typical message": "Redaction: baseline: byte loop over a typical message",
    "Redaction: redact a 2 KB message": "Redaction: baseline: byte loop over a 2 KB message",
    "NLU: parse a typical message (linear model)": "NLU: baseline: byte loop over a typical message",
}
# Implementations compared with each other (the VFS's choice against libsodium alone).
VERSUS = {
    "PageCipher: seal one page (in use)": "PageCipher: seal one page (libsodium)",
    "PageCipher: open one page (in use)": "PageCipher: open one page (libsodium)",
}
WALL = "Time (wall clock)"
CPU = "Time (total CPU)"
MALLOC = "Malloc (total)"


def run(extra):
    command = ["swift", "package", "--package-path", "Benchmarks/micro", "benchmark",
               "--format", "jmh", "--path", "stdout", "--no-progress"] + extra
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"ratios.py: `{' '.join(command)}` failed with status {done.returncode}")
    for line in done.stdout.splitlines():
        if line.startswith("[{"):
            return json.loads(line)
    sys.exit("ratios.py: the benchmark run printed no JMH results")


def medians(elements):
    figures = {}
    for element in elements:
        # "package.benchmark.<target>.<name with spaces as _>"
        name = element["benchmark"].split(".", 3)[3].replace("_", " ")
        secondary = element.get("secondaryMetrics") or {}
        def p50(metric):
            return secondary[metric]["scorePercentiles"]["50.0"] if metric in secondary else None
        figures[name] = {"wall": p50(WALL), "cpu": p50(CPU), "malloc": p50(MALLOC)}
    return figures


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return "n/a"
    return f"{numerator / denominator:.2f}x"


def main():
    figures = medians(run(sys.argv[1:]))
    print(f"{'benchmark':<62} {'p50 wall':>10} {'p50 CPU':>10} {'mallocs':>8}  against")
    for name in sorted(figures):
        figure = figures[name]
        line = f"{name:<62} {figure['wall'] or 0:>10.3f} {figure['cpu'] or 0:>10.3f} {figure['malloc'] or 0:>8.0f}"
        for table in (PAIRS, VERSUS):
            other = table.get(name)
            if other in figures:
                line += (f"  {ratio(figure['wall'], figures[other]['wall'])} wall,"
                         f" {ratio(figure['cpu'], figures[other]['cpu'])} CPU of '{other}'")
        print(line)
    print("(times in the unit package-benchmark exports, per operation of each benchmark's inner loop;"
          " only the ratios are meant to be read across machines)")


main()
