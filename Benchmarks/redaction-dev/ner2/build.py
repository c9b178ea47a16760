#!/usr/bin/env python3
"""Turns src.txt ('<locale> | text with [value](TYPE) or [value]' , [x] alone = LOCATION unless it is
in the PERSON list below) into ner-dev2.jsonl. Standard library only."""
import json, re, os
HERE = os.path.dirname(os.path.abspath(__file__))
PERSON = {"Priyanka", "Brenda Oakes", "Marcus Bell", "Dakota", "Suresh Pillai", "Chinedu Okeke", "Johanna Steiner",
          "Élodie Martin", "Luis Hernández", "Giulia Rossi"}
out = []
for line in open(os.path.join(HERE, "src.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        continue
    locale, raw = line.split(" | ", 1)
    text = ""; spans = []; pos = 0
    for m in re.finditer(r"\[([^\]]+)\]", raw):
        text += raw[pos:m.start()]
        value = m.group(1)
        spans.append({"type": "PERSON" if value in PERSON else "LOCATION", "start": len(text), "end": len(text) + len(value)})
        text += value
        pos = m.end()
    text += raw[pos:]
    out.append({"text": text, "spans": spans, "locale": locale})
with open(os.path.join(HERE, "ner-dev2.jsonl"), "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out), "messages,", sum(len(r["spans"]) for r in out), "spans")
