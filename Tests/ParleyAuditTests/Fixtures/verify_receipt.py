#!/usr/bin/env python3
"""Independent verifier for Parley entry receipts (an erasure's, for instance),
written from parley-audit-format(5), ENTRY RECEIPTS and ERASURE RECEIPTS.

Usage:
  verify_receipt.py RECEIPT.jsonl KEY          verify; print the entry and its details
  verify_receipt.py --every-byte RECEIPT KEY    verify the receipt, then check that a change
                                                of every byte of it (one bit flipped: 0x01,
                                                0x20 or 0x80 in turn) is refused

KEY is the verifier key string or a key file (the key and at most one line end).
Exit status: 0 verified, 1 verification failed, 2 usage error.
Needs Python 3.8+ and the `cryptography` package, and verify_bundle.py beside it
(the parts the two files share: canonical JSON, entry encoding, Merkle proofs,
signed notes).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from verify_bundle import (  # noqa: E402
    Failure, b64decode, check_entry_line, is_u64, leaf_hash, load_line, open_checkpoint, read, read_key,
)

RECEIPT_MEMBERS = ["type", "format", "version", "origin", "key", "leaf_index", "tree_size", "root", "signature"]


def verify_receipt(data, key):
    """Returns the proven entry object, or raises Failure naming the step's kind and line."""
    # 1. three lines, each ending with a newline
    if not data or not data.endswith(b"\n"):
        raise Failure("malformed_receipt: a receipt ends with a newline")
    lines = data[:-1].split(b"\n")
    if len(lines) < 3:
        raise Failure("malformed_receipt: a receipt has three lines")
    if len(lines) > 3:
        raise Failure("unexpected_line: a receipt has three lines and no other", line=4)

    # 2. the receipt header
    try:
        header = load_line(lines[0])
    except ValueError as error:
        raise Failure("malformed_header: %s" % error, line=1)
    if list(header.keys()) != RECEIPT_MEMBERS or header["type"] != "header":
        raise Failure("malformed_header: members are not as specified", line=1)
    if header["format"] != "parley-audit-receipt" or type(header["version"]) is not int or header["version"] != 1:
        raise Failure("unsupported_format", line=1)
    for name in ("origin", "key", "root", "signature"):
        if not isinstance(header[name], str):
            raise Failure("malformed_header: %s is not a string" % name, line=1)
    if not (is_u64(header["leaf_index"]) and is_u64(header["tree_size"])):
        raise Failure("malformed_header: leaf_index and tree_size are integers", line=1)

    # 3. the checkpoint line and its note
    try:
        checkpoint_line = load_line(lines[1])
        if (list(checkpoint_line.keys()) != ["type", "note"] or checkpoint_line["type"] != "checkpoint"
                or not isinstance(checkpoint_line["note"], str)):
            raise ValueError("not a checkpoint line")
        origin, tree_size, root = open_checkpoint(checkpoint_line["note"].encode("utf-8"), key)
    except ValueError as error:
        raise Failure("checkpoint: %s" % error, line=2)

    # 4. the header against the key and the checkpoint
    leaf_index = header["leaf_index"]
    if header["key"] != key.identifier:
        raise Failure("header_mismatch: the header names key %r, not %s" % (header["key"], key.identifier), line=1)
    if header["origin"] != origin or header["tree_size"] != tree_size or header["root"] != b64encode_root(root):
        raise Failure("header_mismatch: the header disagrees with the checkpoint", line=1)
    if not leaf_index < tree_size:
        raise Failure("header_mismatch: leaf_index is outside the tree", line=1)

    # 5. the entry line: entry seq = leaf_index + 1, line leaf_index = header's, inclusion proof
    try:
        entry, data_bytes = check_entry_line(lines[2], "entry", leaf_index + 1, tree_size, root)
    except Failure as failure:
        failure.line = 3
        raise

    # 6. the receipt statement
    statement = "\n".join([
        "parley-audit-receipt/v1", origin, str(tree_size), header["root"], str(leaf_index),
        b64encode_root(leaf_hash(data_bytes))]) + "\n"
    if not key.verify_blob(b64decode(header["signature"]), statement.encode("utf-8")):
        raise Failure("receipt_signature: the receipt statement signature does not verify", line=1)
    return entry, origin, tree_size


def b64encode_root(raw):
    import base64
    return base64.b64encode(raw).decode("ascii")


def list_detail(details, name):
    """A list-valued detail: name, name.2, name.3, ... up to the first missing part, joined by commas."""
    if name not in details:
        return None
    parts, index = [details[name]], 2
    while "%s.%d" % (name, index) in details:
        parts.append(details["%s.%d" % (name, index)])
        index += 1
    joined = ",".join(parts)
    return joined.split(",") if joined else []


def describe(entry, origin, tree_size):
    out = ["VERIFIED receipt for entry %d of %s in a checkpoint of size %d" % (entry["seq"], origin, tree_size),
           "time: %s" % entry["time"], "actor: %s (%s)" % (entry["actor"], entry["role"]),
           "action: %s" % entry["action"],
           "target: %s" % ("-" if entry["target"] is None else "%s %s" % (entry["target"]["kind"], entry["target"]["id"])),
           "outcome: %s" % entry["outcome"]]
    details = entry["details"]
    if entry["action"] == "erasure.complete":
        for name in ("subjects", "keys_destroyed", "held.hold_ids", "models"):
            items = list_detail(details, name)
            if items is not None:
                out.append("  %s (%d): %s" % (name, len(items), ",".join(items)))
        listed = ("subjects", "keys_destroyed", "held.hold_ids", "models")
        for key in details:
            if not any(key == name or key.startswith(name + ".") and key[len(name) + 1:].isdigit() for name in listed):
                out.append("  %s: %s" % (key, details[key]))
    else:
        out += ["  %s: %s" % (key, value) for key, value in details.items()]
    return "\n".join(out)


def every_byte(data, key):
    """A change of every byte of a verified receipt (a bit flipped, 0x01, 0x20 or 0x80 in turn) must be refused."""
    verify_receipt(data, key)
    accepted = []
    for index in range(len(data)):
        changed = bytearray(data)
        changed[index] ^= (0x01, 0x20, 0x80)[index % 3]
        try:
            verify_receipt(bytes(changed), key)
            accepted.append(index)
        except (Failure, ValueError):
            pass
    return accepted


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == "--every-byte":
            key = read_key(argv[3])
            data = read(argv[2])
            try:
                accepted = every_byte(data, key)
            except Failure as failure:
                print("FAILED: the receipt itself does not verify: %s" % failure)
                return 1
            if accepted:
                print("FAILED: %d changed copies verified, at bytes %s" % (len(accepted), accepted[:10]))
                return 1
            print("REFUSED all %d single-byte changes, one at each byte" % len(data))
            return 0
        if len(argv) == 3:
            key = read_key(argv[2])
            data = read(argv[1])
            try:
                entry, origin, tree_size = verify_receipt(data, key)
            except Failure as failure:
                print("FAILED%s: %s" % ("" if failure.line is None else " at line %d" % failure.line, failure))
                return 1
            print(describe(entry, origin, tree_size))
            return 0
    except (OSError, ValueError) as error:
        print("error: %s" % error, file=sys.stderr)
        return 2
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
