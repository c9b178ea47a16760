#!/usr/bin/env python3
"""Per-chain recall of CRYPTO_WALLET on crypto_dev.jsonl, from the product's own spans.

    python3 Benchmarks/redaction-dev/crypto/score_chains.py [PATH_TO_PARLEY [CORPUS_DIRECTORY]]

Runs `parley redact --jsonl --json` over the corpus, matches predicted CRYPTO_WALLET spans to the gold spans
exactly (Unicode-scalar offsets, as both use), and prints recall per chain and form (from crypto_dev.meta.jsonl),
then the false positives by negative kind. Standard library only.
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parley = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/parley"
    directory = sys.argv[2] if len(sys.argv) > 2 else HERE  # e.g. a corpus make_corpus.py --out wrote
    corpus = os.path.join(directory, "crypto_dev.jsonl")
    meta_path = os.path.join(directory, "crypto_dev.meta.jsonl")
    out = subprocess.run([parley, "redact", "--jsonl", "--json", corpus], check=True, capture_output=True, text=True)
    predicted = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    gold = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    meta = [json.loads(line) for line in open(meta_path, encoding="utf-8") if line.strip()]
    assert len(predicted) == len(gold) == len(meta), "line counts differ"
    found = collections.Counter()
    total = collections.Counter()
    false_positives = collections.Counter()
    misses = []
    for record, prediction, info in zip(gold, predicted, meta):
        spans = {(s["start"], s["end"]) for s in prediction["spans"] if s["type"] == "CRYPTO_WALLET"}
        golds = [(s["start"], s["end"]) for s in record["spans"]]
        forms = info.get("forms", [])
        for (start, end), form in zip(golds, forms):
            for key in (form.split("/")[0], form):
                total[key] += 1
                found[key] += (start, end) in spans
            if (start, end) not in spans:
                misses.append((form, record["text"]))
        for span in spans - set(golds):
            false_positives[info.get("negative", "in a positive message")] += 1
    print("%-28s %7s %7s %7s" % ("chain / form", "spans", "found", "recall"))
    for key in sorted(total, key=lambda k: (k.split("/")[0], "/" in k, k)):
        indent = "  " if "/" in key else ""
        print("%-28s %7d %7d %7.3f" % (indent + key, total[key], found[key], found[key] / total[key]))
    chains = [k for k in total if "/" not in k]
    all_total = sum(total[k] for k in chains)
    all_found = sum(found[k] for k in chains)
    print("%-28s %7d %7d %7.3f" % ("all", all_total, all_found, all_found / all_total))
    print("false positives:", dict(false_positives) or "none")
    for form, text in misses:
        print("missed", form, ":", text)


if __name__ == "__main__":
    main()
