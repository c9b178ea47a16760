#!/usr/bin/env python3
"""Build blind.jsonl from the hand-written marked-up sources in src/.

Source line format (one message per line, '#' starts a comment line):

    <locale> | <text with markup>

Markup inside <text>:
    [[TYPE:value]]    a labelled span; TYPE is one of TYPES below.
    [[ADDR:value]]    a full postal address; emitted as LOCATION (counted as an
                      address in stats.md).
    {{value}}         a hard negative: stays in the text, NOT labelled; only
                      used to count hard-negative coverage.
    value may be a generator token instead of a literal, e.g.
    [[CREDIT_CARD:@cc.amex.s]] or {{@badiban.DE.s}}; tokens are expanded
    with a fixed seed (checksum-valid for labelled spans, checksum-INVALID
    for the @bad* negatives) so the output is reproducible.

The script strips the markup, computes offsets (Python str indices = Unicode
scalar values, end exclusive), checks every span (text[start:end] == value),
validates checksums/format of every labelled value, scans the unlabelled
remainder for things that look like PII that was forgotten, and writes
blind.jsonl, stats.md and src_resolved.txt (sources with tokens expanded).
"""
import collections
import glob
import ipaddress
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checksums as C  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "UK_NHS", "UK_NINO",
         "IP_ADDRESS", "URL", "CRYPTO_WALLET", "DATE", "PERSON", "LOCATION"]
SPAN_RE = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]")
NEG_RE = re.compile(r"\{\{(.+?)\}\}")
ANY_RE = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|\{\{(.+?)\}\}")
LOCALE_RE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")

rng = random.Random(20250304)
used_values = set()
gen_kinds = collections.Counter()


def expand(token, labelled):
    """Expand a generator token like '@cc.visa.s'."""
    parts = token[1:].split(".")
    name, args = parts[0], parts[1:]
    for _ in range(1000):
        if name == "cc":
            v = C.gen_card(rng, args[0], args[1] if len(args) > 1 else "s")
            kind = "card:" + args[0]
        elif name == "iban":
            v = C.gen_iban(rng, args[0], args[1] if len(args) > 1 else "s")
            kind = "iban:" + args[0]
        elif name == "ssn":
            v = C.gen_ssn(rng, args[0] if args else "d")
            kind = "ssn:" + (args[0] if args else "d")
        elif name == "nhs":
            v = C.gen_nhs(rng, args[0] if args else "s")
            kind = "nhs:" + (args[0] if args else "s")
        elif name == "nino":
            v = C.gen_nino(rng, args[0] if args else "s")
            kind = "nino:" + (args[0] if args else "s")
        elif name == "btc":
            v = C.gen_crypto(rng, args[0])
            kind = "crypto:" + args[0]
        elif name == "eth":
            k = args[0] if args else "eth"
            v = C.gen_crypto(rng, "ethcs" if k == "cs" else "eth")
            kind = "crypto:eth" + ("-eip55" if k == "cs" else "-lower")
        elif name == "badcc":
            v = C.gen_bad_card(rng, args[0], args[1] if len(args) > 1 else "s")
            kind = "neg:bad-card"
        elif name == "badiban":
            v = C.gen_bad_iban(rng, args[0], args[1] if len(args) > 1 else "s")
            kind = "neg:bad-iban"
        elif name == "badssn":
            v = C.gen_bad_ssn(rng, args[0] if args else "d")
            kind = "neg:bad-ssn"
        elif name == "badnhs":
            v = C.gen_bad_nhs(rng, args[0] if args else "s")
            kind = "neg:bad-nhs"
        elif name == "badnino":
            v = C.gen_bad_nino(rng, args[0] if args else "s")
            kind = "neg:bad-nino"
        elif name == "badbtc":
            v = C.gen_bad_crypto(rng, args[0] if args else "legacy")
            kind = "neg:bad-btc"
        elif name == "txhash":
            v = C.gen_txhash(rng)
            kind = "neg:txhash"
        else:
            raise ValueError(f"unknown generator {token}")
        if v not in used_values:
            used_values.add(v)
            gen_kinds[kind] += 1
            return v
    raise RuntimeError(token)


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def ip_ok(v):
    s = v
    if "/" in s:
        s, pfx = s.rsplit("/", 1)
        if not pfx.isdigit():
            return False
        maxp = 32 if ":" not in s else 128
        if int(pfx) > maxp:
            return False
    if "%" in s:
        s, zone = s.split("%", 1)
        if not zone:
            return False
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


MONTHS = ("jan feb mar apr may jun jul aug sep oct nov dec janv févr mars avr mai juin juil août "
          "sept déc januar februar märz mai juni juli oktober dezember enero febrero marzo abril "
          "mayo junio julio agosto septiembre octubre noviembre diciembre gennaio maggio giugno "
          "luglio settembre ottobre dicembre maart mei augustus oktober").split()


def validate(typ, v, where):
    ok = True
    if typ == "CREDIT_CARD":
        d = re.sub(r"[ -]", "", v)
        ok = d.isdigit() and 12 <= len(d) <= 19 and C.luhn_ok(d)
    elif typ == "IBAN":
        ok = C.iban_ok(v)
    elif typ == "US_SSN":
        ok = C.ssn_ok(v) and re.fullmatch(r"\d{3}([- .]?)\d{2}\1\d{4}", v) is not None
    elif typ == "UK_NHS":
        ok = C.nhs_ok(v) and re.fullmatch(r"\d{3}([ -]?)\d{3}\1\d{4}", v) is not None
    elif typ == "UK_NINO":
        ok = C.nino_ok(v)
    elif typ == "CRYPTO_WALLET":
        ok = C.crypto_ok(v)
    elif typ == "EMAIL":
        ok = EMAIL_RE.match(v) is not None
    elif typ == "IP_ADDRESS":
        ok = ip_ok(v)
    elif typ == "URL":
        ok = (re.match(r"^(https?|ftp)://\S+$", v) or re.match(r"^www\.\S+$", v)
              or re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$", v, re.I)) is not None
        ok = ok and v[-1] not in ".,;:!?)'\""
    elif typ == "PHONE":
        digits = re.sub(r"\D", "", re.split(r"(?i)\s*(ext\.?|extension|x|#|durchwahl|poste|Dw\.|int\.?|interno|anexo|内線)\s*\d+$", v)[0])
        ok = 6 <= len(digits) <= 15 and re.fullmatch(r"[\d +().\-/]+(.*\d)?", v) is not None
    elif typ == "DATE":
        low = v.lower()
        ok = any(ch.isdigit() for ch in v) and (re.search(r"\d", v) is not None)
        ok = ok and not re.fullmatch(r"\d{4}", v)
    elif typ in ("PERSON", "LOCATION"):
        ok = v == v.strip() and len(v) >= 2
    if not ok:
        raise SystemExit(f"INVALID {typ} value {v!r} at {where}")
    if v != v.strip():
        raise SystemExit(f"span with surrounding whitespace {v!r} at {where}")


def parse_line(raw, where):
    if " | " not in raw:
        raise SystemExit(f"missing locale separator at {where}: {raw[:60]}")
    locale, body = raw.split(" | ", 1)
    body = body.replace("\\n", "\n")  # literal backslash-n in a source line = newline in the message
    locale = locale.strip()
    if not LOCALE_RE.match(locale):
        raise SystemExit(f"bad locale {locale!r} at {where}")
    text, spans, negs, resolved = "", [], [], ""
    pos = 0
    for m in ANY_RE.finditer(body):
        chunk = body[pos:m.start()]
        if "[[" in chunk or "]]" in chunk or "{{" in chunk or "}}" in chunk:
            raise SystemExit(f"stray markup at {where}: {chunk!r}")
        text += chunk
        resolved += chunk
        if m.group(1):
            typ, val = m.group(1), m.group(2)
            sub = None
            if typ == "ADDR":
                typ, sub = "LOCATION", "address"
            if typ not in TYPES:
                raise SystemExit(f"unknown type {typ} at {where}")
            if val.startswith("@"):
                val = expand(val, True)
            validate(typ, val, where)
            start = len(text)
            text += val
            spans.append({"type": typ, "start": start, "end": len(text), "_sub": sub, "_v": val})
            resolved += f"[[{m.group(1)}:{val}]]"
        else:
            val = m.group(3)
            if val.startswith("@"):
                val = expand(val, False)
            negs.append(val)
            text += val
            resolved += "{{" + val + "}}"
        pos = m.end()
    tail = body[pos:]
    if "[[" in tail or "]]" in tail or "{{" in tail or "}}" in tail:
        raise SystemExit(f"stray markup at {where}: {tail!r}")
    text += tail
    resolved += tail
    for s in spans:
        assert text[s["start"]:s["end"]] == s["_v"], where
    return locale, text, spans, negs, locale + " | " + resolved


# --- scans of the unlabelled remainder (catch forgotten markup / accidental PII)

def masked(text, spans):
    chars = list(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            chars[i] = "\0"
    return "".join(chars)


def scan_unlabelled(text, spans, negs, where, warnings):
    rest = masked(text, spans)
    before = len(warnings)
    _scan(rest, text, where, warnings)
    # look-alikes inside a marked hard negative are deliberate: count them, don't warn
    for w in warnings[before:]:
        val = w.split(" ", 3)[-1]
        val = val[val.find("'") + 1:val.rfind("'")]
        if any(val in n for n in negs):
            deliberate.append(w)
    warnings[before:] = [w for w in warnings[before:] if w not in deliberate]


deliberate = []


def _scan(rest, text, where, warnings):
    for m in re.finditer(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}", rest):
        warnings.append(f"{where}: unlabelled email-like {m.group()!r}")
    for m in re.finditer(r"\b(?:https?://|www\.)\S+", rest):
        warnings.append(f"{where}: unlabelled url-like {m.group()!r}")
    for m in re.finditer(r"(?<![\d.])(\d{1,3}\.){3}\d{1,3}(?![\d.])", rest):
        if ip_ok(m.group()):
            warnings.append(f"{where}: unlabelled IPv4-like {m.group()!r}")
    no_iban = re.sub(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{2,4}){3,8}\b", lambda m: "\0" * len(m.group()), rest)
    for m in re.finditer(r"(?<![\w-])\d(?:[ -]?\d){11,18}(?![\d])", no_iban):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and C.luhn_ok(d):
            warnings.append(f"{where}: unlabelled Luhn-valid number {m.group()!r}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{2,4}){3,8}\b", rest):
        if C.iban_ok(m.group()):
            warnings.append(f"{where}: unlabelled valid IBAN {m.group()!r}")
    for m in re.finditer(r"\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b|\bbc1[02-9ac-hj-np-z]{20,80}\b", rest):
        if C.crypto_ok(m.group()):
            warnings.append(f"{where}: unlabelled valid wallet {m.group()!r}")
    for m in re.finditer(r"\b\d{3} ?\d{3} ?\d{4}\b", rest):
        if C.nhs_ok(m.group()) and "NHS" in text.upper():
            warnings.append(f"{where}: unlabelled valid NHS-like {m.group()!r}")


def main():
    files = sorted(glob.glob(os.path.join(HERE, "src", "*.txt")))
    records, resolved_lines, warnings = [], [], []
    per_file = collections.Counter()
    neg_lines = 0
    seen_texts = {}
    sub_counts = collections.Counter()
    addr_by_region, phone_by_region = collections.Counter(), collections.Counter()
    locales = collections.Counter()
    for f in files:
        resolved_lines.append(f"# ===== {os.path.basename(f)}")
        with open(f, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                raw = raw.rstrip("\n")
                if not raw.strip() or raw.lstrip().startswith("#"):
                    continue
                where = f"{os.path.basename(f)}:{n}"
                locale, text, spans, negs, res = parse_line(raw, where)
                if text in seen_texts:
                    raise SystemExit(f"duplicate text at {where} (first {seen_texts[text]})")
                seen_texts[text] = where
                scan_unlabelled(text, spans, negs, where, warnings)
                resolved_lines.append(res)
                region = locale.split("-")[1]
                locales[locale] += 1
                for s in spans:
                    if s["_sub"] == "address":
                        addr_by_region[region] += 1
                    if s["type"] == "PHONE":
                        phone_by_region[phone_region(s["_v"], region)] += 1
                if negs or not spans:
                    neg_lines += 1 if negs else 0
                per_file[os.path.basename(f)] += 1
                records.append({
                    "text": text,
                    "spans": [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in spans],
                    "locale": locale,
                    "_neg": bool(negs),
                })
    # deterministic shuffle so that any slice mixes domains
    random.Random(7).shuffle(records)
    counts = collections.Counter(s["type"] for r in records for s in r["spans"])
    out = os.path.join(HERE, "blind.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for r in records:
            # final re-check of offsets against the emitted text
            for s in r["spans"]:
                assert 0 <= s["start"] < s["end"] <= len(r["text"])
            rec = {"text": r["text"], "spans": r["spans"], "locale": r["locale"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "src_resolved.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(resolved_lines) + "\n")
    # overlapping span check
    for r in records:
        sp = sorted(r["spans"], key=lambda s: s["start"])
        for a, b in zip(sp, sp[1:]):
            if b["start"] < a["end"]:
                raise SystemExit(f"overlapping spans in {r['text'][:80]}")
    n = len(records)
    with_spans = sum(1 for r in records if r["spans"])
    neg_marked = sum(1 for r in records if r["_neg"])
    no_span = n - with_spans
    lines = ["# Blind PII redaction set — statistics", "",
             f"- lines: {n}", f"- lines with at least one span: {with_spans}",
             f"- lines with no span at all: {no_span}",
             f"- lines containing at least one marked hard negative: {neg_marked} ({100*neg_marked/n:.1f} %)",
             f"- total spans: {sum(counts.values())}", "",
             "## Spans per type", "", "| type | spans |", "|---|---:|"]
    for t in TYPES:
        lines.append(f"| {t} | {counts[t]} |")
    lines += ["", f"Full postal addresses (inside LOCATION): {sum(addr_by_region.values())}", "",
              "## Locales (lines)", "", "| locale | lines |", "|---|---:|"]
    for k, v in sorted(locales.items()):
        lines.append(f"| {k} | {v} |")
    lines += ["", "## PHONE spans by country (from +CC, else line locale)", "", "| country | phones |", "|---|---:|"]
    for k, v in sorted(phone_by_region.items()):
        lines.append(f"| {k} | {v} |")
    lines += ["", "## Full postal addresses by line locale", "", "| country | addresses |", "|---|---:|"]
    for k, v in sorted(addr_by_region.items()):
        lines.append(f"| {k} | {v} |")
    lines += ["", "## Generated checksum values (by kind)", "", "| kind | n |", "|---|---:|"]
    for k, v in sorted(gen_kinds.items()):
        lines.append(f"| {k} | {v} |")
    lines += ["", "## Deliberate look-alikes among the hard negatives", "",
              "Unlabelled values that pass a format/checksum test although the context says they are",
              "something else (IMEI, firmware version), in addition to the generated checksum-INVALID",
              "card/IBAN/SSN/NHS/NINO/Bitcoin look-alikes counted above under `neg:`:", ""]
    for w in deliberate:
        lines.append(f"- {w}")
    lines += ["", "## Lines per source file", "", "| file | lines |", "|---|---:|"]
    for k, v in sorted(per_file.items()):
        lines.append(f"| {k} | {v} |")
    with open(os.path.join(HERE, "stats.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    for w in warnings:
        print("WARN", w)
    for w in deliberate:
        print("deliberate look-alike (marked hard negative):", w)
    print(f"{n} lines, {sum(counts.values())} spans, hard-negative lines {neg_marked} ({100*neg_marked/n:.1f}%)")
    for t in TYPES:
        print(f"  {t:14s} {counts[t]}")
    print("phones:", dict(phone_by_region))
    print("addresses:", dict(addr_by_region))


CC_PREFIX = {"1": "US", "44": "GB", "49": "DE", "33": "FR", "34": "ES", "39": "IT", "31": "NL",
             "55": "BR", "52": "MX", "91": "IN", "81": "JP", "61": "AU", "27": "ZA", "48": "PL",
             "46": "SE", "90": "TR", "353": "IE", "82": "KR", "86": "CN", "234": "NG", "254": "KE",
             "65": "SG", "971": "AE", "351": "PT", "30": "GR", "7": "RU", "84": "VN", "20": "EG",
             "41": "CH", "43": "AT", "32": "BE", "45": "DK", "47": "NO", "358": "FI", "64": "NZ",
             "966": "SA", "92": "PK", "880": "BD", "63": "PH", "62": "ID", "60": "MY", "66": "TH",
             "98": "IR", "212": "MA", "54": "AR", "57": "CO", "56": "CL", "51": "PE", "852": "HK",
             "886": "TW", "420": "CZ", "36": "HU", "40": "RO", "380": "UA", "972": "IL", "233": "GH"}


def phone_region(v, default):
    m = re.match(r"^\+\s?(\d{1,3})", v) or re.match(r"^00\s?(\d{1,3})", v)
    if m:
        d = m.group(1)
        for k in (d[:3], d[:2], d[:1]):
            if k in CC_PREFIX:
                return CC_PREFIX[k]
    return {"GB": "GB"}.get(default, default)


if __name__ == "__main__":
    main()
