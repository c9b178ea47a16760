#!/usr/bin/env python3
"""Build ner3.jsonl and stats.md from the hand-written markup in src.txt, with
the ner set's builder (../ner/build.py: same markup, same checks).

    python3 build.py              # build + check, write ner3.jsonl and stats.md
    python3 build.py --show N     # also print the spans of source lines from N on
"""
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("ner_build", HERE.parent / "ner" / "build.py")
_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builder)

if __name__ == "__main__":
    _builder.main(here=HERE, name="ner3")
