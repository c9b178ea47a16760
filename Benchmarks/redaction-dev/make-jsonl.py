#!/usr/bin/env python3
"""Turns handwritten.txt (markup [value](TYPE)) into dev.jsonl with Unicode
scalar offsets, end exclusive. (O) marks text that is deliberately not PII."""
import json
import re

MARK = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)\)")
with open("handwritten.txt", encoding="utf-8") as source, open("dev.jsonl", "w", encoding="utf-8") as out:
    for line in source:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        text, spans, position = "", [], 0
        for match in MARK.finditer(line):
            text += line[position:match.start()]
            value, kind = match.group(1), match.group(2)
            if kind != "O":
                spans.append({"type": kind, "start": len(text), "end": len(text) + len(value)})
            text += value
            position = match.end()
        text += line[position:]
        out.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
