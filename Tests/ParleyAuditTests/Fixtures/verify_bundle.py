#!/usr/bin/env python3
"""Independent verifier for Parley audit bundles, written from parley-audit-format(5) alone.

Usage:
  verify_bundle.py bundle BUNDLE.jsonl KEY
  verify_bundle.py consistency OLD_NOTE NEW_NOTE PROOF.json KEY
  verify_bundle.py consistency-file OLD_NOTE FILE KEY [OLD_KEY]

KEY is the verifier key string `<name>+<8 hex>+<base64>` or a key file holding
it (the key and at most one line end, LF or CR LF). A bundle may be empty
(a period without entries, proven by its neighbours). FILE is what
`parley audit consistency --out` writes.
Exit status: 0 verified, 1 verification failed, 2 usage error.
Needs Python 3.8+ and the `cryptography` package (for Ed25519) only.
"""

import base64
import datetime
import hashlib
import json
import os
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class Failure(Exception):
    def __init__(self, message, line=None, sequence=None):
        super().__init__(message)
        self.line = line
        self.sequence = sequence


# --- CONVENTIONS -------------------------------------------------------------

def b64decode(text):
    """Canonical standard base64: re-encoding must give back the same text."""
    if not isinstance(text, str):
        return None
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    if base64.b64encode(raw).decode("ascii") != text:
        return None
    return raw


def u32(n):
    return struct.pack(">I", n)


def u64(n):
    return struct.pack(">Q", n)


def enc_str(s):
    data = s.encode("utf-8")
    return u32(len(data)) + data


def parse_time(text):
    """YYYY-MM-DDTHH:MM:SS.mmmZ, 1970..9999, milliseconds since the Unix epoch."""
    if not isinstance(text, str) or len(text) != 24 or not text.isascii():
        raise ValueError("bad time")
    for index, char in ((4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")):
        if text[index] != char:
            raise ValueError("bad time")
    fields = [text[0:4], text[5:7], text[8:10], text[11:13], text[14:16], text[17:19], text[20:23]]
    if not all(f.isdigit() for f in fields):
        raise ValueError("bad time")
    year, month, day, hour, minute, second, milli = (int(f) for f in fields)
    if year < 1970 or hour > 23 or minute > 59 or second > 59:
        raise ValueError("bad time")
    date = datetime.date(year, month, day)  # raises on an impossible date
    days = (date - datetime.date(1970, 1, 1)).days
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + milli


def is_decimal(text):
    return text.isascii() and text.isdigit() and (text == "0" or not text.startswith("0"))


# --- CANONICAL ENTRY ENCODING / MERKLE TREE ------------------------------------

def need(condition, message):
    if not condition:
        raise ValueError(message)


def entry_bytes(entry):
    """Canonical bytes of an entry object, computed from its JSON fields."""
    need(isinstance(entry, dict), "entry is not an object")
    need(list(entry.keys()) == ["seq", "time", "actor", "role", "action", "target", "outcome", "details"],
         "entry members are not seq,time,actor,role,action,target,outcome,details")
    seq = entry["seq"]
    need(type(seq) is int and 1 <= seq < 2 ** 64, "seq is not an integer >= 1")
    for name in ("actor", "role", "action", "outcome"):
        need(isinstance(entry[name], str), name + " is not a string")
    need(entry["role"] in ("channel", "agent", "admin", "auditor", "system", "operator"), "unknown role")
    need(entry["outcome"] in ("success", "denied", "failure"), "unknown outcome")
    out = enc_str("parley-audit-entry-v1") + u64(seq) + u64(parse_time(entry["time"]))
    out += enc_str(entry["actor"]) + enc_str(entry["role"]) + enc_str(entry["action"])
    target = entry["target"]
    if target is None:
        out += b"\x00"
    else:
        need(isinstance(target, dict) and list(target.keys()) == ["kind", "id"], "target is not {kind,id} or null")
        need(isinstance(target["kind"], str) and isinstance(target["id"], str), "target members are not strings")
        out += b"\x01" + enc_str(target["kind"]) + enc_str(target["id"])
    out += enc_str(entry["outcome"])
    details = entry["details"]
    need(isinstance(details, dict), "details is not an object")
    need(all(isinstance(v, str) for v in details.values()), "a detail value is not a string")
    out += u32(len(details))
    for key in sorted(details.keys(), key=lambda k: k.encode("utf-8")):
        out += enc_str(key) + enc_str(details[key])
    return out


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf, m, n, proof, root):
    if m >= n:
        return False
    fn, sn, r = m, n - 1, leaf
    for c in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(c, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(m, n, proof, old, new):
    if m > n:
        return False
    if m == 0:
        return not proof
    if m == n:
        return not proof and old == new
    if not proof:
        return False
    p = list(proof)
    if m & (m - 1) == 0:
        p.insert(0, old)
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = p[0]
    for c in p[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old and sr == new


# --- SIGNED NOTES ---------------------------------------------------------------

# CONVENTIONS, "valid name": the Unicode White_Space code points, listed.
WHITE_SPACE = set(range(0x09, 0x0E)) | {0x20, 0x85, 0xA0, 0x1680} | set(range(0x2000, 0x200B)) \
    | {0x2028, 0x2029, 0x202F, 0x205F, 0x3000}


def valid_name(name):
    return (name != "" and all(ch != "+" and ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F
                               and ord(ch) not in WHITE_SPACE for ch in name))


def key_id(name, public_key):
    return struct.unpack(">I", hashlib.sha256(name.encode("utf-8") + b"\n\x01" + public_key).digest()[:4])[0]


class VerifierKey:
    def __init__(self, text):
        parts = text.split("+", 2)  # name and hex id hold no "+", the base64 key may
        if len(parts) != 3:
            raise ValueError("a verifier key is <name>+<8 hex>+<base64>")
        name, hexid, b64 = parts
        if not valid_name(name):
            raise ValueError("invalid key name")
        if len(hexid) != 8 or any(ch not in "0123456789abcdef" for ch in hexid):
            raise ValueError("key id must be 8 lowercase hex digits")
        raw = b64decode(b64)
        if raw is None or len(raw) != 33 or raw[0] != 0x01:
            raise ValueError("key must be canonical base64 of 0x01 || 32-byte Ed25519 key")
        self.name, self.public_key = name, raw[1:]
        self.key_id = key_id(name, self.public_key)
        if self.key_id != int(hexid, 16):
            raise ValueError("key id does not match name and key")
        self.identifier = "%s+%08x" % (name, self.key_id)
        self._key = Ed25519PublicKey.from_public_bytes(self.public_key)

    def verify_blob(self, blob, message):
        """blob = u32(key id) || signature."""
        if blob is None or len(blob) != 68 or struct.unpack(">I", blob[:4])[0] != self.key_id:
            return False
        try:
            self._key.verify(blob[4:], message)
            return True
        except InvalidSignature:
            return False


def open_note(note, key):
    """Opening a note, steps 1 to 4: the text (bytes) of a note signed exactly once, validly, by key."""
    try:
        decoded = note.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("note is not UTF-8")
    if any(ord(ch) < 0x20 and ch != "\n" for ch in decoded):
        raise ValueError("note has control characters")
    split = note.rfind(b"\n\n")
    if split < 0:
        raise ValueError("note has no blank line")
    text, block = note[:split + 1], note[split + 2:]
    if not block or not block.endswith(b"\n"):
        raise ValueError("signature block is empty or unterminated")
    lines = block[:-1].split(b"\n")
    if len(lines) > 100:
        raise ValueError("too many signatures")
    blobs = []
    for line in lines:
        if not line.startswith(b"\xe2\x80\x94 "):
            raise ValueError("signature line does not start with an em dash and a space")
        name, sep, b64 = line[4:].decode("utf-8").partition(" ")
        blob = b64decode(b64)
        if not sep or not valid_name(name) or blob is None or len(blob) < 5:
            raise ValueError("malformed signature line")
        blobs.append((name, blob))
    # Step 4: exactly one signature line, the key's, and it verifies.
    if len(blobs) != 1:
        raise ValueError("the note must carry exactly one signature line, by %s" % key.identifier)
    name, blob = blobs[0]
    if name != key.name or struct.unpack(">I", blob[:4])[0] != key.key_id or not key.verify_blob(blob, text):
        raise ValueError("no valid signature by %s" % key.identifier)
    return text


def open_checkpoint(note, key):
    """Opening a note, steps 1 to 5: (origin, size, root) of a checkpoint note, origin = the key's name."""
    origin, size, root = parse_checkpoint(open_note(note, key))
    if origin != key.name:
        raise ValueError("the checkpoint's origin is not the key's name")
    return origin, size, root


def parse_checkpoint(text):
    if not text.endswith(b"\n"):
        raise ValueError("checkpoint does not end with a newline")
    lines = text[:-1].decode("utf-8").split("\n")
    if len(lines) < 3 or any(line == "" for line in lines[3:]):
        raise ValueError("checkpoint needs origin, size and root lines")
    origin, size, root_b64 = lines[0], lines[1], lines[2]
    root = b64decode(root_b64)
    if not valid_name(origin) or not is_decimal(size) or int(size) >= 2 ** 64 or root is None or len(root) != 32:
        raise ValueError("malformed checkpoint")
    return origin, int(size), root


# --- BUNDLE FILE -------------------------------------------------------------------

def no_duplicates(pairs):
    names = [name for name, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError("duplicate member name")
    return dict(pairs)


def load_line(raw):
    """Parses one line: UTF-8, JSON, no duplicate members, canonical spelling."""
    text = raw.decode("utf-8")
    try:
        value = json.loads(text, object_pairs_hook=no_duplicates)
    except RecursionError:
        raise ValueError("JSON nested too deeply")
    if json.dumps(value, ensure_ascii=False, separators=(",", ":")) != text:
        raise ValueError("line is not canonical JSON")
    if not isinstance(value, dict):
        raise ValueError("line is not an object")
    return value


HEADER_MEMBERS = ["type", "format", "version", "origin", "key", "period_from", "period_to",
                  "first_seq", "last_seq", "tree_size", "root", "signature"]


def is_u64(value):
    return type(value) is int and 0 <= value < 2 ** 64


def check_entry_line(raw, line_type, s, tree_size, root):
    """An entry or neighbour line holding entry s, proven against root; returns the entry object."""
    try:
        obj = load_line(raw)
        if list(obj.keys()) != ["type", "leaf_index", "entry", "proof"] or obj["type"] != line_type:
            raise ValueError("members are not type,leaf_index,entry,proof of a %s line" % line_type)
        data_bytes = entry_bytes(obj["entry"])
    except ValueError as error:
        raise Failure("malformed %s line: %s" % (line_type, error), sequence=s)
    if obj["entry"]["seq"] != s:
        raise Failure("expected sequence %d, found %d" % (s, obj["entry"]["seq"]), sequence=s)
    if type(obj["leaf_index"]) is not int or obj["leaf_index"] != s - 1:
        raise Failure("leaf_index is not seq - 1", sequence=s)
    if not isinstance(obj["proof"], list):
        raise Failure("proof is not an array", sequence=s)
    proof = [b64decode(h) for h in obj["proof"]]
    if any(h is None or len(h) != 32 for h in proof):
        raise Failure("a proof hash is not canonical base64 of 32 bytes", sequence=s)
    if not verify_inclusion(leaf_hash(data_bytes), s - 1, tree_size, proof, root):
        raise Failure("inclusion proof does not lead to the checkpoint root", sequence=s)
    return obj["entry"], data_bytes


def at_line(failure, line_number):
    failure.line = line_number
    return failure


def verify_bundle(data, key):
    """Returns (count, warnings, facts) or raises Failure naming the first bad line."""
    # 1. the file
    if not data:
        raise Failure("empty bundle")
    if not data.endswith(b"\n"):
        lines = data.split(b"\n")
        raise Failure("the last line does not end with a newline", line=len(lines))
    lines = data[:-1].split(b"\n")
    if len(lines) < 2:
        raise Failure("a bundle needs a header and a checkpoint line")

    # 2. header
    try:
        header = load_line(lines[0])
    except ValueError as error:
        raise Failure("header: %s" % error, line=1)
    if list(header.keys()) != HEADER_MEMBERS or header["type"] != "header":
        raise Failure("header members are not as specified", line=1)
    if header["format"] != "parley-audit-bundle" or type(header["version"]) is not int or header["version"] != 1:
        raise Failure("unsupported format", line=1)

    # 3. checkpoint
    try:
        cp_line = load_line(lines[1])
        if list(cp_line.keys()) != ["type", "note"] or cp_line["type"] != "checkpoint" or not isinstance(cp_line["note"], str):
            raise ValueError("not a checkpoint object")
        origin, tree_size, root = open_checkpoint(cp_line["note"].encode("utf-8"), key)
    except ValueError as error:
        raise Failure("checkpoint: %s" % error, line=2)

    # 4. header against checkpoint, key and its own signature
    first, last = header["first_seq"], header["last_seq"]
    if not (is_u64(first) and is_u64(last) and is_u64(header["tree_size"])):
        raise Failure("header sequence numbers are not integers", line=1)
    for name in ("period_from", "period_to", "key", "origin", "root", "signature"):
        if not isinstance(header[name], str):
            raise Failure("header member %s is not a string" % name, line=1)
    try:
        period_from, period_to = parse_time(header["period_from"]), parse_time(header["period_to"])
    except ValueError:
        raise Failure("header period is not two times", line=1)
    if not (period_from <= period_to and 1 <= first and first <= last + 1 and last <= tree_size):
        raise Failure("header range or period is inconsistent", line=1)
    empty = last == first - 1
    if header["key"] != key.identifier:
        raise Failure("header names key %r, not %s" % (header["key"], key.identifier), line=1)
    if header["origin"] != origin or header["tree_size"] != tree_size or b64decode(header["root"]) != root:
        raise Failure("header disagrees with the checkpoint", line=1)
    tag = "parley-audit-export-empty/v1" if empty else "parley-audit-export/v1"
    statement = "\n".join([
        tag, origin, str(tree_size), header["root"], str(first), str(last),
        header["period_from"], header["period_to"]]) + "\n"
    if not key.verify_blob(b64decode(header["signature"]), statement.encode("utf-8")):
        raise Failure("export statement signature does not verify", line=1)
    facts = (origin, tree_size, first, last, empty)

    # 8. an empty bundle: its neighbours
    if empty:
        expected = ([last] if last >= 1 else []) + ([first] if first <= tree_size else [])
        for k, raw in enumerate(lines[2:]):
            line_number = k + 3
            if k >= len(expected):
                raise Failure("an empty bundle has no line after its neighbours", line=line_number)
            s = expected[k]
            try:
                entry, _ = check_entry_line(raw, "neighbour", s, tree_size, root)
            except Failure as failure:
                raise at_line(failure, line_number)
            when = parse_time(entry["time"])
            if s == last and not when < period_from:
                raise Failure("the predecessor is not dated before the period", line=line_number, sequence=s)
            if s == first and not when >= period_to:
                raise Failure("the successor is not dated at or after the end of the period", line=line_number, sequence=s)
        if len(lines) - 2 != len(expected):
            missing = expected[len(lines) - 2]
            raise Failure("neighbour %d is missing" % missing, line=len(lines) + 1, sequence=missing)
        return 0, [], facts

    # 5. entries
    entry_lines = lines[2:]
    expected_count = last - first + 1
    warnings = []
    for k, raw in enumerate(entry_lines):
        line_number = k + 3
        if k >= expected_count:
            raise Failure("unexpected line after sequence %d" % last, line=line_number)
        s = first + k
        try:
            entry, _ = check_entry_line(raw, "entry", s, tree_size, root)
        except Failure as failure:
            raise at_line(failure, line_number)
        when = parse_time(entry["time"])
        if not period_from <= when < period_to:
            warnings.append("sequence %d is dated outside the period" % s)

    # 6. completeness
    if len(entry_lines) != expected_count:
        missing = first + len(entry_lines)
        raise Failure("bundle ends before sequence %d" % missing, line=len(entry_lines) + 3, sequence=missing)
    return expected_count, warnings, facts


def read_key(argument):
    """A verifier key string, or a key file: the key and at most one line end (LF or CR LF), nothing else."""
    if not os.path.exists(argument):
        return VerifierKey(argument)
    with open(argument, "rb") as handle:
        raw = handle.read()
    if raw.endswith(b"\r\n"):
        raw = raw[:-2]
    elif raw.endswith(b"\n"):
        raw = raw[:-1]
    if any(byte in raw for byte in b"\r\n \t") or raw.startswith(b"\xef\xbb\xbf"):
        raise ValueError("a key file holds the key and at most one line end")
    return VerifierKey(raw.decode("utf-8"))


def verify_consistency_proof(old_note, new_note, raw_line, key, old_key):
    """Verifying consistency, steps 2 to 5; returns (origin, old size, new size)."""
    try:
        doc = load_line(raw_line)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError("malformed proof line: %s" % error)
    if list(doc.keys()) != ["type", "old_size", "new_size", "proof"] or doc["type"] != "consistency":
        raise ValueError("not a consistency proof")
    if not (is_u64(doc["old_size"]) and is_u64(doc["new_size"]) and isinstance(doc["proof"], list)):
        raise ValueError("malformed proof line")
    proof = [b64decode(h) for h in doc["proof"]]
    if any(h is None or len(h) != 32 for h in proof):
        raise ValueError("bad proof hash")
    old = open_checkpoint(old_note, old_key)
    new = open_checkpoint(new_note, key)
    if old[0] != new[0]:
        raise ValueError("the checkpoints have different origins")
    if old[1] > new[1] or doc["old_size"] != old[1] or doc["new_size"] != new[1]:
        raise ValueError("checkpoints and proof sizes do not match")
    if not verify_consistency(old[1], new[1], proof, old[2], new[2]):
        raise ValueError("the new log does not extend the old one")
    return new[0], old[1], new[1]


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == "bundle":
            key = read_key(argv[3])
            data = read(argv[2])
            try:
                count, warnings, (origin, size, first, last, empty) = verify_bundle(data, key)
            except Failure as failure:
                where = []
                if failure.line is not None:
                    where.append("line %d" % failure.line)
                if failure.sequence is not None:
                    where.append("sequence %d" % failure.sequence)
                print("FAILED%s: %s" % ((" at " + ", ".join(where)) if where else "", failure))
                return 1
            if empty:
                print("VERIFIED empty bundle (no entry between sequence %d and %d) of %s against a checkpoint of size %d"
                      % (last, first, origin, size))
            else:
                print("VERIFIED %d entries (sequence %d..%d) of %s against a checkpoint of size %d"
                      % (count, first, last, origin, size))
            for warning in warnings:
                print("warning: " + warning)
            return 0
        if len(argv) == 6 and argv[1] == "consistency":
            key = read_key(argv[5])
            raw = read(argv[4])
            try:
                origin, old_size, new_size = verify_consistency_proof(
                    read(argv[2]), read(argv[3]), raw[:-1] if raw.endswith(b"\n") else raw, key, key)
            except ValueError as error:
                print("FAILED: %s" % error)
                return 1
            print("CONSISTENT: %s at size %d extends size %d" % (origin, new_size, old_size))
            return 0
        if len(argv) in (5, 6) and argv[1] == "consistency-file":
            key = read_key(argv[4])
            old_key = read_key(argv[5]) if len(argv) == 6 else key
            data = read(argv[3])
            try:
                split = data.find(b"\n\n")
                if split < 0:
                    raise ValueError("not a consistency file: no empty line after the proof line")
                origin, old_size, new_size = verify_consistency_proof(read(argv[2]), data[split + 2:], data[:split], key, old_key)
            except ValueError as error:
                print("FAILED: %s" % error)
                return 1
            print("CONSISTENT: %s at size %d extends size %d" % (origin, new_size, old_size))
            return 0
    except (OSError, ValueError, UnicodeDecodeError) as error:
        print("error: %s" % error, file=sys.stderr)
        return 2
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
