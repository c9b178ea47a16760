#!/usr/bin/env python3
"""Build ner-dev.jsonl from the hand-written markup in src.txt.

Source format, one message per line:
    <locale> | text with [value](PERSON) and [value](LOCATION)

Blank lines and lines starting with '#' are ignored.
Standard library only.  Usage:
    python3 build.py              # build + check, write ner-dev.jsonl and stats.md
    python3 build.py --show 101   # also print the spans of source lines >= 101 (for review)
"""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

TYPES = ("PERSON", "LOCATION")
MARK = re.compile(r"\[([^\[\]]+)\]\((PERSON|LOCATION)\)")
LOCALE = re.compile(r"^(?:[a-z]{2}-[A-Z]{2}|mix-[a-z]{2}-[a-z]{2})$")

# A span may end in '.' only when its last word is one of these abbreviations
# (name suffixes and street-type abbreviations that belong to the name).
TRAILING_DOT_OK = {"Jr.", "Sr.", "St.", "Ave.", "Rd.", "Blvd.", "Str."}
# A span may start with an apostrophe only for these (Dutch place names).
LEADING_OK = ("'s-", "'t ", "’s-", "’t ")


def is_punct(ch):
    return unicodedata.category(ch).startswith("P")


def parse_line(raw, lineno, errors):
    if " | " not in raw:
        errors.append(f"line {lineno}: missing ' | ' separator")
        return None
    locale, body = raw.split(" | ", 1)
    locale = locale.strip()
    if not LOCALE.match(locale):
        errors.append(f"line {lineno}: bad locale {locale!r}")
    text_parts, spans, pos, cur = [], [], 0, 0
    for m in MARK.finditer(body):
        text_parts.append(body[pos:m.start()])
        cur += m.start() - pos
        value, typ = m.group(1), m.group(2)
        spans.append({"type": typ, "start": cur, "end": cur + len(value), "value": value})
        text_parts.append(value)
        cur += len(value)
        pos = m.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    # leftover markup means a typo in the source
    if re.search(r"\]\((?:PERSON|LOCATION|PER|LOC|person|location)\b", text) or "[" in text or "](" in text:
        errors.append(f"line {lineno}: leftover markup in text: {text!r}")
    if text != text.strip():
        errors.append(f"line {lineno}: text has leading/trailing whitespace")
    if "  " in text:
        errors.append(f"line {lineno}: double space in text")
    for sp in spans:
        v = sp["value"]
        if text[sp["start"]:sp["end"]] != v:
            errors.append(f"line {lineno}: offset mismatch for {v!r}")
        if not v:
            errors.append(f"line {lineno}: empty span")
            continue
        if v != v.strip():
            errors.append(f"line {lineno}: whitespace at span edge {v!r}")
        if is_punct(v[0]) and not v.startswith(LEADING_OK):
            errors.append(f"line {lineno}: span starts with punctuation {v!r}")
        if is_punct(v[-1]):
            last = v.split()[-1]
            balanced_paren = v[-1] == ")" and v.count("(") == v.count(")")
            if not ((v[-1] == "." and last in TRAILING_DOT_OK) or balanced_paren):
                errors.append(f"line {lineno}: span ends with punctuation {v!r}")
        # a span glued to a letter on either side is probably cut wrongly
        s, e = sp["start"], sp["end"]
        if s > 0 and text[s - 1].isalnum():
            errors.append(f"line {lineno}: span {v!r} starts inside a word")
        if e < len(text) and text[e].isalnum():
            errors.append(f"line {lineno}: span {v!r} ends inside a word")
    spans.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            errors.append(f"line {lineno}: overlapping spans {a['value']!r} / {b['value']!r}")
    return {"locale": locale, "text": text, "spans": spans, "lineno": lineno}


def main(here=HERE, name="ner-dev"):
    """Builds `name`.jsonl and stats.md in `here` from its src.txt (ner3/build.py reuses this)."""
    SRC, OUT, STATS = here / "src.txt", here / f"{name}.jsonl", here / "stats.md"
    show_from = None
    if "--show" in sys.argv:
        show_from = int(sys.argv[sys.argv.index("--show") + 1])
    errors, records = [], []
    for lineno, raw in enumerate(SRC.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        rec = parse_line(raw, lineno, errors)
        if rec:
            records.append(rec)
    seen = {}
    for r in records:
        key = r["text"]
        if key in seen:
            errors.append(f"line {r['lineno']}: duplicate of line {seen[key]}")
        else:
            seen[key] = r["lineno"]
        norm = re.sub(r"\W+", " ", key.lower()).strip()
        if ("norm", norm) in seen and seen[("norm", norm)] != r["lineno"]:
            errors.append(f"line {r['lineno']}: near-duplicate of line {seen[('norm', norm)]}")
        seen.setdefault(("norm", norm), r["lineno"])

    if show_from is not None:
        for r in records:
            if r["lineno"] >= show_from:
                lab = "; ".join(f"{s['type'][:3]}:{s['value']}" for s in r["spans"]) or "-- none --"
                print(f"{r['lineno']:4d} {r['locale']:9s} {lab}")

    if errors:
        print("\n".join(errors))
        print(f"\n{len(errors)} error(s); nothing written.")
        sys.exit(1)

    with OUT.open("w", encoding="utf-8") as f:
        for r in records:
            obj = {
                "text": r["text"],
                "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in r["spans"]],
                "locale": r["locale"],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # ---- statistics ----
    by_loc = defaultdict(Counter)
    for r in records:
        c = by_loc[r["locale"]]
        c["messages"] += 1
        if not r["spans"]:
            c["no_entity"] += 1
        for s in r["spans"]:
            c[s["type"]] += 1
    lang = lambda loc: loc if loc.startswith("mix-") else loc.split("-")[0]
    by_lang = defaultdict(Counter)
    for loc, c in by_loc.items():
        by_lang[lang(loc)].update(c)
    total = Counter()
    for c in by_loc.values():
        total.update(c)

    def table(rows, head):
        out = [f"| {head} | messages | PERSON spans | LOCATION spans | messages with no entity |", "|---|---:|---:|---:|---:|"]
        for k in sorted(rows):
            c = rows[k]
            out.append(f"| {k} | {c['messages']} | {c['PERSON']} | {c['LOCATION']} | {c['no_entity']} |")
        out.append(f"| **total** | {total['messages']} | {total['PERSON']} | {total['LOCATION']} | {total['no_entity']} |")
        return "\n".join(out)

    n = total["messages"]
    md = [
        f"# {name} statistics",
        "",
        "Generated by `build.py` from `src.txt`; do not edit by hand.",
        "",
        f"- messages: {n}",
        f"- spans: {total['PERSON'] + total['LOCATION']} (PERSON {total['PERSON']}, LOCATION {total['LOCATION']})",
        f"- messages with no PERSON/LOCATION: {total['no_entity']} ({100 * total['no_entity'] / n:.1f}%)",
        f"- English messages: {by_lang['en']['messages']} ({100 * by_lang['en']['messages'] / n:.1f}%)",
        "",
        "## By language",
        "",
        table(by_lang, "language"),
        "",
        "## By locale",
        "",
        table(by_loc, "locale"),
        "",
    ]
    STATS.write_text("\n".join(md), encoding="utf-8")
    print(f"OK: {n} messages, PERSON {total['PERSON']}, LOCATION {total['LOCATION']}, "
          f"no-entity {total['no_entity']}; wrote {OUT.name} and {STATS.name}")


if __name__ == "__main__":
    main()
