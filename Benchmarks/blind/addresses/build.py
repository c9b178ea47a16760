#!/usr/bin/env python3
"""Build addresses.jsonl and stats.md from the hand-written src.txt.

Standard library only. Usage:  python3 build.py

src.txt holds one message per line:

    <locale> | text with [value](LOCATION) and [value](PERSON) markup

Blank lines are ignored. Every other line must parse. The script checks that
each span's text equals the marked value, that no span is empty or has
whitespace at its edges, that spans do not overlap, that no literal "[" / "]"
survives outside the markup, and a few labelling conventions (no trailing
",;:!?" inside a span, a final "." only after a known abbreviation, no
leading "at"/"to"/"the"). It exits non-zero and writes nothing if a check fails.
"""

import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src.txt")
OUT = os.path.join(HERE, "addresses.jsonl")
STATS = os.path.join(HERE, "stats.md")

TYPES = ("LOCATION", "PERSON")
MARK = re.compile(r"\[([^\[\]]*)\]\(([A-Za-z_]+)\)")
LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")

# A span may end in "." only when the last token is an abbreviation that is
# part of the address itself (e.g. "Maple St.").
FINAL_DOT_OK = {"St.", "Ln.", "Rd.", "Ave.", "Dr.", "Blvd.", "Yuc.", "Co.",
                "Str.", "str.", "Esq.", "Dto.", "Izq."}
BAD_LAST = set(",;:!?")
BAD_LEADING = ("at ", "to ", "the ", "in ", "on ", "near ")


def parse_line(line, lineno, errors, warnings):
    if " | " not in line:
        errors.append(f"line {lineno}: missing ' | ' separator")
        return None
    locale, body = line.split(" | ", 1)
    locale = locale.strip()
    if not LOCALE.match(locale):
        errors.append(f"line {lineno}: bad locale {locale!r}")
    parts, spans, pos, length = [], [], 0, 0
    for m in MARK.finditer(body):
        before = body[pos:m.start()]
        parts.append(before)
        length += len(before)
        value, typ = m.group(1), m.group(2)
        if typ not in TYPES:
            errors.append(f"line {lineno}: unknown type {typ!r}")
        if value == "":
            errors.append(f"line {lineno}: empty span")
        elif value != value.strip():
            errors.append(f"line {lineno}: whitespace at edge of {value!r}")
        if value and value[-1] in BAD_LAST:
            errors.append(f"line {lineno}: trailing punctuation in {value!r}")
        if value.endswith(".") and value.split()[-1] not in FINAL_DOT_OK:
            errors.append(f"line {lineno}: final '.' not after a known "
                          f"abbreviation in {value!r}")
        if value.startswith(BAD_LEADING):
            warnings.append(f"line {lineno}: span starts with a function "
                            f"word: {value!r}")
        start = length
        parts.append(value)
        length += len(value)
        spans.append({"type": typ, "start": start, "end": length,
                      "_value": value})
        pos = m.end()
    parts.append(body[pos:])
    text = "".join(parts)
    for ch in "[]":
        if ch in text:
            errors.append(f"line {lineno}: literal {ch!r} outside markup")
    if text != text.strip():
        errors.append(f"line {lineno}: whitespace at start/end of message")
    if "\t" in text:
        errors.append(f"line {lineno}: tab in message")
    spans.sort(key=lambda s: (s["start"], s["end"]))
    for s in spans:
        if text[s["start"]:s["end"]] != s["_value"]:
            errors.append(f"line {lineno}: offset mismatch for {s['_value']!r}")
        if s["start"] >= s["end"]:
            errors.append(f"line {lineno}: empty span at {s['start']}")
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            errors.append(f"line {lineno}: overlapping spans "
                          f"{a['_value']!r} / {b['_value']!r}")
    return {"text": text,
            "spans": [{"type": s["type"], "start": s["start"],
                       "end": s["end"]} for s in spans],
            "locale": locale}


def main():
    errors, warnings, records = [], [], []
    with open(SRC, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            rec = parse_line(line, lineno, errors, warnings)
            if rec is not None:
                records.append((lineno, rec))
    seen = {}
    for lineno, rec in records:
        if rec["text"] in seen:
            errors.append(f"line {lineno}: duplicate of line {seen[rec['text']]}")
        seen.setdefault(rec["text"], lineno)
    for w in warnings:
        print("warning:", w)
    if errors:
        for e in errors:
            print("error:", e)
        print(f"{len(errors)} error(s); nothing written")
        return 1

    with open(OUT, "w", encoding="utf-8") as f:
        for _, rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    n = len(records)
    type_counts = collections.Counter()
    per_locale = collections.OrderedDict()
    no_span = with_loc = with_person = 0
    for _, rec in records:
        loc = rec["locale"]
        row = per_locale.setdefault(loc, collections.Counter())
        row["messages"] += 1
        kinds = collections.Counter(s["type"] for s in rec["spans"])
        type_counts.update(kinds)
        row["LOCATION"] += kinds["LOCATION"]
        row["PERSON"] += kinds["PERSON"]
        if not rec["spans"]:
            no_span += 1
            row["no_span"] += 1
        if kinds["LOCATION"]:
            with_loc += 1
        if kinds["PERSON"]:
            with_person += 1
    countries = sorted({loc.split("-")[1] for loc in per_locale})

    lines = ["# Address evaluation set: counts", "",
             "Generated by `python3 build.py` from `src.txt`.", "",
             f"- messages: {n}",
             f"- messages with at least one LOCATION span: {with_loc}",
             f"- messages with at least one PERSON span: {with_person}",
             f"- messages with no span at all (hard negatives): {no_span} "
             f"({100.0 * no_span / n:.1f}%)",
             f"- locales: {len(per_locale)}; countries: {len(countries)} "
             f"({', '.join(countries)})", "",
             "## Spans per type", "", "| type | spans |", "|---|---:|"]
    for t in TYPES:
        lines.append(f"| {t} | {type_counts[t]} |")
    lines.append(f"| total | {sum(type_counts.values())} |")
    lines += ["", "## Per locale", "",
              "| locale | messages | LOCATION | PERSON | no-span messages |",
              "|---|---:|---:|---:|---:|"]
    for loc in sorted(per_locale):
        r = per_locale[loc]
        lines.append(f"| {loc} | {r['messages']} | {r['LOCATION']} | "
                     f"{r['PERSON']} | {r['no_span']} |")
    lines.append("")
    with open(STATS, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    print(f"OK: {n} messages written to {os.path.basename(OUT)}")
    print(f"spans: " + ", ".join(f"{t}={type_counts[t]}" for t in TYPES))
    print(f"with LOCATION: {with_loc}, with PERSON: {with_person}, "
          f"no span: {no_span} ({100.0 * no_span / n:.1f}%)")
    print(f"{len(per_locale)} locales, {len(countries)} countries")
    print("locale    msgs  LOC  PER  none")
    for loc in sorted(per_locale):
        r = per_locale[loc]
        print(f"{loc:8} {r['messages']:5} {r['LOCATION']:4} {r['PERSON']:4} "
              f"{r['no_span']:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
