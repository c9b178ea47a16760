"""Checksum validators and seeded generators for the blind redaction set.

Everything here is written from the public specifications (Luhn, ISO 13616
mod-97, NHS mod-11, HMRC NINO prefix rules, Base58Check, BIP-173/BIP-350
bech32/bech32m, EIP-55).  No third-party data is used.
"""
import hashlib
import random
import re
import string

# ---------------------------------------------------------------- Luhn

def luhn_ok(digits: str) -> bool:
    d = re.sub(r"\D", "", digits)
    if len(d) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


CARD_SCHEMES = {
    # name: (prefixes, length, grouping)
    "visa": (["4"], 16, (4, 4, 4, 4)),
    "visa13": (["4"], 13, (4, 4, 5)),
    "visa19": (["4"], 19, (4, 4, 4, 4, 3)),
    "mc": (["51", "52", "53", "54", "55"], 16, (4, 4, 4, 4)),
    "mc2": ([str(p) for p in range(2221, 2721)], 16, (4, 4, 4, 4)),
    "amex": (["34", "37"], 15, (4, 6, 5)),
    "disc": (["6011", "644", "645", "646", "647", "648", "649", "65"], 16, (4, 4, 4, 4)),
    "jcb": ([str(p) for p in range(3528, 3590)], 16, (4, 4, 4, 4)),
    "jcb15": (["2131", "1800"], 15, (4, 6, 5)),
    "diners": (["300", "301", "302", "303", "304", "305", "36", "38"], 14, (4, 6, 4)),
    "cup": (["62"], 16, (4, 4, 4, 4)),
    "cup19": (["62"], 19, (4, 4, 4, 4, 3)),
    "maestro12": (["5018", "5020", "6304", "6759"], 12, (4, 4, 4)),
    "maestro13": (["5018", "5038", "6304"], 13, (4, 4, 5)),
    "maestro15": (["5020", "6761", "5893"], 15, (4, 4, 4, 3)),
    "maestro16": (["5018", "6759", "6761", "6762", "6763", "5893"], 16, (4, 4, 4, 4)),
    "maestro18": (["6759", "6304"], 18, (4, 4, 4, 4, 2)),
    "maestro19": (["6759", "5018", "6763"], 19, (4, 4, 4, 4, 3)),
    "uatp": (["1"], 15, (4, 5, 6)),
}


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


SEPS = {"s": " ", "d": "-", "n": ""}


def gen_card(rng, scheme, sep="s"):
    prefixes, length, grouping = CARD_SCHEMES[scheme]
    p = rng.choice(prefixes)
    body = p + "".join(rng.choice(string.digits) for _ in range(length - len(p) - 1))
    num = luhn_complete(body)
    return group(num, grouping, SEPS[sep])


def gen_bad_card(rng, scheme="visa", sep="s"):
    good = gen_card(rng, scheme, "n")
    last = int(good[-1])
    bad = good[:-1] + str((last + rng.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    _, _, grouping = CARD_SCHEMES[scheme]
    return group(bad, grouping, SEPS[sep])


# ---------------------------------------------------------------- IBAN

def _iban_num(s):
    return "".join(str(int(c, 36)) for c in s)


def iban_ok(value: str) -> bool:
    s = re.sub(r"[\s-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    cc = s[:2]
    if cc in IBAN_SPECS and len(s) != IBAN_SPECS[cc][0]:
        return False
    return int(_iban_num(s[4:] + s[:4])) % 97 == 1


# country: (total length, bban pattern) ; n=digit a=upper letter c=alnum(digit-heavy)
IBAN_SPECS = {
    "DE": (22, "8n10n"), "GB": (22, "4a6n8n"), "FR": (27, "FR"), "ES": (24, "ES"),
    "IT": (27, "1a5n5n12n"), "NL": (18, "4a10n"), "BE": (16, "BE"), "CH": (21, "5n12n"),
    "AT": (20, "5n11n"), "PL": (28, "8n16n"), "PT": (25, "4n4n11n2n"), "IE": (22, "4a6n8n"),
    "SE": (24, "3n17n"), "NO": (15, "NO"), "DK": (18, "4n10n"), "FI": (18, "3n11n"),
    "LU": (20, "3n13n"), "TR": (26, "5n1z16n"), "SA": (24, "2n18n"), "AE": (23, "3n16n"),
    "BR": (29, "8n5n10n1a1c"), "GR": (27, "3n4n16n"), "HU": (28, "3n4n1n15n1n"),
    "CZ": (24, "4n6n10n"), "RO": (24, "4a16c"), "MT": (31, "4a5n18c"), "HR": (21, "7n10n"),
    "LT": (20, "5n11n"), "IS": (26, "4n2n6n10n"), "KW": (30, "4a22c"), "QA": (29, "4a21c"),
    "PK": (24, "4a16n"), "IL": (23, "3n3n13n"), "UA": (29, "6n19n"), "EE": (20, "2n2n11n1n"),
    "SI": (19, "5n8n2n"), "SK": (24, "4n6n10n"), "BG": (22, "4a4n2n8c"), "CY": (28, "3n5n16c"),
    "MC": (27, "5n5n11c2n"), "LV": (21, "4a13c"), "JO": (30, "4a4n18c"), "EG": (29, "4n4n17n"),
    "MU": (30, "4a2n2n12n3n3a"),
}

BANK_CODES = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ", "SRLG", "CPBK", "REVO", "BUKB"],
    "IE": ["AIBK", "BOFI", "IPBS", "ULSB"],
    "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB", "BUNQ", "ASNB"],
    "RO": ["RNCB", "BTRL", "BRDE", "INGB"],
    "MT": ["VALL", "MALT", "APSB"],
    "KW": ["NBOK", "CBKU", "GULB"], "QA": ["QNBA", "DOHB", "CBQA"],
    "PK": ["HABB", "MUCB", "SCBL", "MEZN"], "BG": ["UNCR", "BNBG", "STSA"],
    "LV": ["HABA", "UNLA", "PARX"], "JO": ["CBJO", "ARAB"], "MU": ["BOMM", "MCBL"],
}


def _fill(rng, pat, cc):
    out = []
    for n, t in re.findall(r"(\d+)([nacz])", pat):
        n = int(n)
        if t == "n":
            out.append("".join(rng.choice(string.digits) for _ in range(n)))
        elif t == "z":
            out.append("0" * n)
        elif t == "a":
            if n == 4 and cc in BANK_CODES:
                out.append(rng.choice(BANK_CODES[cc]))
            elif n == 3 and cc == "MU":
                out.append("MUR")
            else:
                out.append("".join(rng.choice(string.ascii_uppercase) for _ in range(n)))
        else:  # alnum, but mostly digits as in practice
            s = ""
            for _ in range(n):
                s += rng.choice(string.ascii_uppercase) if rng.random() < 0.12 else rng.choice(string.digits)
            out.append(s)
    return "".join(out)


def _digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def _bban(rng, cc):
    pat = IBAN_SPECS[cc][1]
    if pat == "FR":  # bank5 branch5 account11 + RIB key
        bank, branch, acct = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
        return f"{bank}{branch}{acct}{key:02d}"
    if pat == "ES":  # bank4 branch4 dc2 account10
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def dc(ten):
            r = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
            return {11: 0, 10: 1}.get(r, r)
        bank, branch, acct = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)
        return f"{bank}{branch}{dc('00' + bank + branch)}{dc(acct)}{acct}"
    if pat == "BE":
        ten = _digits(rng, 10)
        k = int(ten) % 97 or 97
        return f"{ten}{k:02d}"
    if pat == "NO":
        while True:
            ten = _digits(rng, 10)
            w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
            r = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
            if r == 10:
                continue
            return ten + str(0 if r == 11 else r)
    return _fill(rng, pat, cc)


def gen_iban(rng, cc, fmt="s"):
    bban = _bban(rng, cc)
    chk = 98 - int(_iban_num(bban + cc + "00")) % 97
    s = f"{cc}{chk:02d}{bban}"
    assert len(s) == IBAN_SPECS[cc][0], (cc, s)
    assert iban_ok(s)
    return fmt_iban(s, fmt)


def fmt_iban(s, fmt):
    if fmt == "n":
        return s
    if fmt == "l":  # lower-case, grouped
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4)).lower()
    sep = {"s": " ", "d": "-"}[fmt]
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def gen_bad_iban(rng, cc, fmt="s"):
    s = re.sub(r"\s", "", gen_iban(rng, cc, "n"))
    i = rng.randrange(4, len(s))
    while True:
        c = rng.choice(string.digits)
        bad = s[:i] + c + s[i + 1:]
        if c != s[i] and not iban_ok(bad):
            return fmt_iban(bad, fmt)


# ---------------------------------------------------------------- US SSN

def ssn_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 9:
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def gen_ssn(rng, fmt="d"):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    sep = {"d": "-", "s": " ", "p": ".", "n": ""}[fmt]
    return f"{a:03d}{sep}{g:02d}{sep}{s:04d}"


def gen_bad_ssn(rng, fmt="d"):
    kind = rng.choice(["000", "666", "9xx", "g00", "s0000"])
    a, g, s = rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999)
    if kind == "000":
        a = 0
    elif kind == "666":
        a = 666
    elif kind == "9xx":
        a = rng.randint(900, 999)
    elif kind == "g00":
        g = 0
    else:
        s = 0
    sep = {"d": "-", "s": " ", "p": ".", "n": ""}[fmt]
    v = f"{a:03d}{sep}{g:02d}{sep}{s:04d}"
    assert not ssn_ok(v)
    return v


# ---------------------------------------------------------------- NHS

def nhs_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 10:
        return False
    r = 11 - sum(int(d[i]) * (10 - i) for i in range(9)) % 11
    r = 0 if r == 11 else r
    return r != 10 and r == int(d[9])


def gen_nhs(rng, fmt="s"):
    while True:
        first = rng.choice("4679")
        nine = first + _digits(rng, 8)
        r = 11 - sum(int(nine[i]) * (10 - i) for i in range(9)) % 11
        r = 0 if r == 11 else r
        if r == 10:
            continue
        d = nine + str(r)
        break
    assert nhs_ok(d)
    return fmt_nhs(d, fmt)


def fmt_nhs(d, fmt):
    if fmt == "n":
        return d
    sep = {"s": " ", "d": "-"}[fmt]
    return f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"


def gen_bad_nhs(rng, fmt="s"):
    d = re.sub(r"\D", "", gen_nhs(rng, "n"))
    while True:
        bad = d[:9] + rng.choice(string.digits)
        if not nhs_ok(bad):
            return fmt_nhs(bad, fmt)


# ---------------------------------------------------------------- UK NINO

NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(v):
    s = re.sub(r"\s", "", v).upper()
    m = re.fullmatch(r"([A-Z])([A-Z])\d{6}[A-D]", s)
    if not m:
        return False
    a, b = m.groups()
    return a in NINO_FIRST and b in NINO_SECOND and (a + b) not in NINO_BAD_PAIRS


def gen_nino(rng, fmt="s"):
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if p not in NINO_BAD_PAIRS:
            break
    d = _digits(rng, 6)
    suf = rng.choice("ABCD")
    if fmt == "n":
        v = f"{p}{d}{suf}"
    elif fmt == "l":
        v = f"{p}{d}{suf}".lower()
    else:
        v = f"{p} {d[:2]} {d[2:4]} {d[4:]} {suf}"
    assert nino_ok(v)
    return v


def gen_bad_nino(rng, fmt="s"):
    p = rng.choice(["QQ", "DA", "FX", "BG", "GB", "TN", "OV", "UK"])
    d = _digits(rng, 6)
    suf = rng.choice("ABCDEFX")
    v = f"{p} {d[:2]} {d[2:4]} {d[4:]} {suf}" if fmt == "s" else f"{p}{d}{suf}"
    assert not nino_ok(v)
    return v


# ---------------------------------------------------------------- Base58Check

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b: bytes) -> str:
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(s: str) -> bytes:
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    pad = len(s) - len(s.lstrip("1"))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * pad + body


def _dsha(b):
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def b58check(version: int, payload: bytes) -> str:
    raw = bytes([version]) + payload
    return b58encode(raw + _dsha(raw)[:4])


def b58check_ok(s: str) -> bool:
    try:
        raw = b58decode(s)
    except ValueError:
        return False
    if len(raw) != 25:
        return False
    return _dsha(raw[:-4])[:4] == raw[-4:] and raw[0] in (0, 5)


# ---------------------------------------------------------------- bech32 / bech32m

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_CONST, BECH32M_CONST = 1, 0x2BC830A3


def _polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _convertbits(data, frombits, tobits, pad=True):
    acc = bits = 0
    ret = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    return ret


def segwit_encode(hrp, witver, prog: bytes):
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    data = [witver] + _convertbits(prog, 8, 5)
    values = _hrp_expand(hrp) + data
    pm = _polymod(values + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[d] for d in data + chk)


def segwit_ok(addr: str) -> bool:
    a = addr.lower()
    if not a.startswith("bc1") or any(c not in CHARSET for c in a[3:]):
        return False
    data = [CHARSET.index(c) for c in a[3:]]
    pm = _polymod(_hrp_expand("bc") + data)
    witver = data[0]
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    if pm != const:
        return False
    prog = _convertbits(data[1:-6], 5, 8, False)
    return (witver == 0 and len(prog) in (20, 32)) or (witver == 1 and len(prog) == 32)


# ---------------------------------------------------------------- Keccak-256 / EIP-55

_RC = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61],
        [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
_M = (1 << 64) - 1


def _rol(x, n):
    return ((x << n) | (x >> (64 - n))) & _M if n else x


def _keccak_f(A):
    for rc in _RC:
        C = [A[x][0] ^ A[x][1] ^ A[x][2] ^ A[x][3] ^ A[x][4] for x in range(5)]
        D = [C[(x - 1) % 5] ^ _rol(C[(x + 1) % 5], 1) for x in range(5)]
        A = [[A[x][y] ^ D[x] for y in range(5)] for x in range(5)]
        B = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                B[y][(2 * x + 3 * y) % 5] = _rol(A[x][y], _ROT[x][y])
        A = [[B[x][y] ^ ((~B[(x + 1) % 5][y]) & B[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        A[0][0] ^= rc
    return A


def keccak256(data: bytes) -> bytes:
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate:
        msg += b"\x00"
    msg[-1] |= 0x80
    A = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        block = msg[off:off + rate]
        for i in range(rate // 8):
            x, y = i % 5, i // 5
            A[x][y] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        A = _keccak_f(A)
    out = b""
    for i in range(4):
        x, y = i % 5, i // 5
        out += A[x][y].to_bytes(8, "little")
    return out


def eip55(addr_hex40: str) -> str:
    h = addr_hex40.lower()
    k = keccak256(h.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(k[i], 16) >= 8 else c for i, c in enumerate(h))


def eth_ok(v: str) -> bool:
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", v):
        return False
    body = v[2:]
    if body == body.lower() or body == body.upper():
        return True
    return eip55(body) == v


def crypto_ok(v: str) -> bool:
    if v.startswith("0x"):
        return eth_ok(v)
    if v.lower().startswith("bc1"):
        return segwit_ok(v)
    return b58check_ok(v)


def gen_crypto(rng, kind):
    rb = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
    if kind == "legacy":
        return b58check(0, rb(20))
    if kind == "p2sh":
        return b58check(5, rb(20))
    if kind == "bech32":
        return segwit_encode("bc", 0, rb(20))
    if kind == "p2wsh":
        return segwit_encode("bc", 0, rb(32))
    if kind == "taproot":
        return segwit_encode("bc", 1, rb(32))
    if kind == "eth":
        return "0x" + rb(20).hex()
    if kind == "ethcs":
        return eip55(rb(20).hex())
    if kind == "ethup":  # checksummed, as most wallets display
        return eip55(rb(20).hex())
    raise KeyError(kind)


def gen_bad_crypto(rng, kind="legacy"):
    good = gen_crypto(rng, kind)
    alphabet = B58 if kind in ("legacy", "p2sh") else CHARSET
    while True:
        i = rng.randrange(5, len(good) - 1)
        c = rng.choice(alphabet)
        bad = good[:i] + c + good[i + 1:]
        if bad != good and not crypto_ok(bad):
            return bad


def gen_txhash(rng):
    return "0x" + bytes(rng.getrandbits(8) for _ in range(32)).hex()


def self_test():
    assert luhn_ok("4539 1488 0343 6467")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert iban_ok("DE89370400440532013000")
    assert nhs_ok("943 476 5919")
    assert b58check_ok("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
    assert segwit_ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert eip55("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    r = random.Random(1)
    for s in CARD_SCHEMES:
        assert luhn_ok(gen_card(r, s))
    for cc in IBAN_SPECS:
        assert iban_ok(gen_iban(r, cc))
    for k in ("legacy", "p2sh", "bech32", "p2wsh", "taproot", "eth", "ethcs"):
        assert crypto_ok(gen_crypto(r, k)), k
    return True


if __name__ == "__main__":
    print(self_test())
