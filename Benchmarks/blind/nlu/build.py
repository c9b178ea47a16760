#!/usr/bin/env python3
"""Rebuild oos.txt and in_scope.txt from the hand-written lists in src/.

src/oos_general.txt   general out-of-scope queries, '#' lines are category headers
src/oos_nearmiss.txt  tricky near-misses (banking words used in non-banking ways)
src/in_scope_draft.txt genuine banking questions (no labels)
A few drafted lines were dropped while reviewing (too close to a banking intent, or
redundant); they are listed below so the build is reproducible.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DROP_GENERAL = {
    "how does a rainbow get its colours", "what causes a rainbow", "do you have feelings", "are you real",
    "what's a good pickup line", "tell me something silly", "what's the best stretch before football",
    "how long does it take light from the sun to reach earth", "what is the Great Barrier Reef",
    "where can I buy a real Christmas tree", "what's the best robot vacuum", "how do I update my TV apps",
    "how do I change my desktop wallpaper", "what's a good name for a goldfish", "how do I write a haiku",
    "is yoga a sport", "what's the time difference between New York and Dubai", "how crowded is Venice in July",
}
DROP_NEAR = {  # dropped because a bank assistant could legitimately map them to an intent, or too silly
    "is cash or card better at a farmer's market stall, for the seller",
    "how much deposit for a puppy is normal from a breeder, in terms of weeks to wait",
    "how do I get my identity back after amnesia, asking for a novel",
    "how do I get a refund on a Steam game", "how do I return shoes I bought online",
    "can I get a refund for a cancelled train", "what interest rate do snails grow at, just curious",
}


def read(name):
    with open(os.path.join(HERE, "src", name), encoding="utf-8") as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


general = [q for q in read("oos_general.txt") if q not in DROP_GENERAL]
near = [q for q in read("oos_nearmiss.txt") if q not in DROP_NEAR]
inscope = read("in_scope_draft.txt")
assert len(general) == 400 and len(near) == 100 and len(inscope) == 300, (len(general), len(near), len(inscope))
oos = general + near
low = [q.lower() for q in oos + inscope]
assert len(set(low)) == len(low), "duplicate query"
random.Random(43).shuffle(oos)
random.Random(42).shuffle(inscope)
with open(os.path.join(HERE, "oos.txt"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(oos) + "\n")
with open(os.path.join(HERE, "in_scope.txt"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(inscope) + "\n")
print(f"oos.txt {len(oos)} (general {len(general)}, near-miss {len(near)}); in_scope.txt {len(inscope)}")
