#!/usr/bin/env python3
"""Deterministic generator of the CRYPTO_WALLET development corpus.

    python3 make_corpus.py            # writes crypto_dev.jsonl and crypto_dev.meta.jsonl here
    python3 make_corpus.py --out DIR

crypto_dev.jsonl: one {"text", "spans"} object per line; spans are CRYPTO_WALLET
with offsets in Unicode scalars (Python str indices), end exclusive.
crypto_dev.meta.jsonl: same line order, {"line", "kind", "forms" | "negative"},
for per-chain breakdowns (not needed by a scorer).

All addresses are generated from random keys (fixed seed) except the Bitcoin
genesis address, which appears in a couple of messages. The script checks itself
before writing: every span round-trips and validates, and no other token in any
message (in particular, no token in a negative) validates for any chain.
"""

import base64
import collections
import json
import os
import random
import re
import sys
import uuid

import addresses as A

SEED = 20241203
GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"

# (chain, form) -> number of single-address messages
PLAN = [
    ("bitcoin", "p2pkh", 28), ("bitcoin", "p2sh", 20), ("bitcoin", "p2wpkh", 27), ("bitcoin", "p2wsh", 14),
    ("bitcoin", "p2tr", 22),
    ("bitcoin_testnet", "p2pkh", 12), ("bitcoin_testnet", "p2sh", 7), ("bitcoin_testnet", "p2wpkh", 9),
    ("bitcoin_testnet", "p2tr", 5),
    ("litecoin", "p2pkh", 13), ("litecoin", "p2sh", 10), ("litecoin", "p2wpkh", 12),
    ("dogecoin", "p2pkh", 16),
    ("ethereum", "lower", 25), ("ethereum", "upper", 10), ("ethereum", "eip55", 31),
    ("bitcoin_cash", "prefixed", 17), ("bitcoin_cash", "bare", 13),
    ("xrp", "classic", 20),
    ("tron", "base58", 22),
    ("monero", "standard", 15), ("monero", "subaddress", 9),
    ("cardano", "base", 15), ("cardano", "enterprise", 7),
    ("solana", "pubkey", 24),
    ("polkadot", "polkadot", 13), ("polkadot", "kusama", 6), ("polkadot", "substrate", 8),
]
N_TWO_ADDRESS = 20

COIN = {  # chain or chain/form -> (names, tickers)
    "bitcoin": (["Bitcoin", "bitcoin", "BTC", "BTC"], ["BTC"]),
    "bitcoin_testnet": (["testnet", "Bitcoin testnet", "tBTC", "signet"], ["tBTC"]),
    "litecoin": (["Litecoin", "LTC"], ["LTC"]),
    "dogecoin": (["Dogecoin", "DOGE", "doge"], ["DOGE"]),
    "ethereum": (["Ethereum", "ETH", "ERC-20", "MetaMask", "ETH"], ["ETH", "USDC", "USDT", "ETH"]),
    "bitcoin_cash": (["Bitcoin Cash", "BCH"], ["BCH"]),
    "xrp": (["XRP", "Ripple", "XRP Ledger"], ["XRP"]),
    "tron": (["TRON", "TRC20", "USDT TRC-20", "Tron"], ["TRX", "USDT"]),
    "monero": (["Monero", "XMR"], ["XMR"]),
    "cardano": (["Cardano", "ADA"], ["ADA"]),
    "solana": (["Solana", "SOL", "Phantom", "Solana"], ["SOL", "SOL", "USDC on Solana"]),
    "polkadot/polkadot": (["Polkadot", "DOT"], ["DOT"]),
    "polkadot/kusama": (["Kusama", "KSM"], ["KSM"]),
    "polkadot/substrate": (["Polkadot.js", "Substrate"], ["DOT"]),
}

URI = {  # chain -> (scheme, query template)
    "bitcoin": ("bitcoin", "?amount={amt}"),
    "bitcoin_testnet": ("bitcoin", "?amount={amt}"),
    "litecoin": ("litecoin", "?amount={amt}"),
    "dogecoin": ("dogecoin", "?amount={amt}"),
    "ethereum": ("ethereum", "@1?value=2.1e16"),
    "monero": ("monero", "?tx_amount={amt}"),
    "solana": ("solana", "?amount={amt}&label=Refund"),
    "cardano": ("web+cardano", "?amount={amt}"),
}

# Templates: {addr} is the address; {coin}/{tk} context words; {amt} an amount.
CTX_EN = [
    "Hi, please send my refund to this {coin} address: {addr}",
    "My {coin} wallet is {addr}.",
    "{addr} is my {coin} address, can you double check it?",
    "I sent {amt} {tk} to {addr} yesterday and it still hasn't shown up!",
    "Can you whitelist my {coin} withdrawal address {addr}? Thanks",
    "The {coin} deposit address your app gave me ({addr}) doesn't work.",
    "wallet: {addr} ({coin})",
    "{coin} address:\n{addr}\nThanks in advance",
    "Withdraw everything to {addr}, it's my {coin} wallet.",
    "Is \"{addr}\" a valid {coin} address? The app says invalid.",
    "{tk} {addr}",
    "Please update my payout address to {addr} ({tk}), the old one is closed.",
    "I need to change the {coin} address on file. New one: {addr}!",
    "Send to {addr} on the {coin} network, not any other chain.",
    "hey can u send the {tk} to {addr} pls",
    "Refund address ({coin}): {addr}; the order was paid with {tk}.",
    "Deposit not credited. From address {addr}, {amt} {tk}, network {coin}.",
    "my {tk} addr -> {addr}",
    "Use `{addr}` for {coin} payouts.",
    "Funds should go to {coin} wallet:{addr}",
    "You sent the {tk} to the wrong address! I gave you {addr}, not the one in the email.",
    "[{coin}] {addr}",
    "ADDRESS {addr} - {coin}",
    "send to {addr} ({amt} {tk})",
    "Receiving address for {tk}: '{addr}'.",
    "Send the {tk} to {addr}!! It's urgent",
    "{addr} (that's my {coin} wallet) - please hurry!",
    "I'm trying to withdraw {amt} {tk}. Destination: {addr}. Fee looks too high?",
]
CTX_INTL = [
    "Bitte erstatten Sie den Betrag an meine {coin}-Adresse {addr}.",
    "Meine Wallet-Adresse ({coin}): {addr}, danke!",
    "Ich habe {amt} {tk} an {addr} geschickt, aber nichts ist angekommen.",
    "Mon adresse {coin} est {addr}, merci de vérifier.",
    "Pouvez-vous envoyer le remboursement à {addr} ? C'est mon portefeuille {coin}.",
    "¿Pueden enviar el reembolso a {addr}? Es mi billetera de {coin}.",
    "Mi dirección de {tk} es {addr}.",
    "Meu endereço {tk}: {addr}",
    "Enviei {amt} {tk} para {addr} e não chegou!",
    "Il mio indirizzo {coin} è {addr}.",
    "Mijn {coin}-adres is {addr}, graag terugstorten.",
    "Mój adres {tk}: {addr}.",
    "Мой кошелёк {tk}: {addr}, проверьте, пожалуйста.",
    "Отправьте на адрес {addr} ({coin}).",
    "{coin} cüzdan adresim: {addr}",
    "我的{coin}地址是{addr}，请退款。",
    "收款地址：{addr}（{tk}）",
    "请转到 {addr} 谢谢（{coin}）",
    "送金先の{coin}アドレス：{addr} です。",
    "{tk}のアドレスは「{addr}」です。",
    "제 {coin} 지갑 주소는 {addr} 입니다.",
    "عنوان محفظتي {tk}: {addr}",
    "🙏 please refund to my {tk} wallet {addr} 🙏",
    "{addr} 👈 my {coin} address",
    "Adresse de retrait {coin} : «{addr}».",
]
NOCTX = [
    "Please send it to {addr}.",
    "{addr}",
    "Here you go: {addr}",
    "send to {addr}, thanks!",
    "address {addr}",
    "Can you confirm the payment reached {addr}?",
    "I copied {addr} from my app, is that right?",
    "to {addr}",
    "Refund to <{addr}> please",
    "My wallet: {addr} (just created it)",
    "The address is \"{addr}\".",
    "{addr} <- this one",
    "Paid from {addr}. Still pending after 3 hours?",
    "Hi! wallet:{addr}",
    "Please hurry, it's {addr}!",
    "(refund: {addr})",
    "Dirección: {addr}",
    "Adresse : {addr}.",
    "地址：{addr}",
]
URI_T = [
    "Scan this: {uri}",
    "Payment link {uri}&label=refund",
    "Here's the URI: {uri}",
    "Open {uri} in your wallet.",
    "QR code says {uri}",
]
TWO = [
    "I sent {tk} from {addr} to {addr2} but the exchange never credited it.",
    "Old wallet {addr}, new wallet {addr2}. Please switch payouts to the new one.",
    "Refund either to {addr} or, if that fails, to {addr2}.",
    "De {addr} para {addr2}: {amt} {tk}",
    "Von {addr} an {addr2} überwiesen, bitte prüfen.",
]
TWO_CROSS = [
    "My {coin} address is {addr} and my {coin2} address is {addr2}.",
    "{coin}: {addr}\n{coin2}: {addr2}",
    "Pay me in {tk} to {addr}, or {tk2} to {addr2}, whichever is easier!",
]


def amount(rng):
    return rng.choice(["0.05", "0.1", "0.0025", "1.5", "12", "250", "0.75", "3", "1000", "0.3"])


def render(template, values, addrs):
    """Fill {name} fields; return (text, spans) where spans locate addrs placeholders."""
    text = ""
    spans = []
    for part in re.split(r"(\{[a-z0-9]+\})", template):
        m = re.fullmatch(r"\{([a-z0-9]+)\}", part)
        if not m:
            text += part
            continue
        key = m.group(1)
        if key in addrs:
            start = len(text)
            text += addrs[key]
            spans.append({"type": "CRYPTO_WALLET", "start": start, "end": len(text)})
        else:
            text += values[key]
    return text, spans


def coin_words(chain, form, rng):
    names, tickers = COIN.get(chain + "/" + form) or COIN[chain]
    return rng.choice(names), rng.choice(tickers)


def make_address(rng, chain, form):
    addr = A.CHAIN_BY_NAME[chain].generate(rng, form)
    if chain == "bitcoin" and form in ("p2wpkh", "p2wsh") and rng.random() < 0.15:
        addr = addr.upper()  # BIP-173 allows all-uppercase (QR codes)
    return addr


def positive(rng, chain, form, addr=None):
    addr = addr or make_address(rng, chain, form)
    coin, tk = coin_words(chain, form, rng)
    values = {"coin": coin, "tk": tk, "amt": amount(rng)}
    r = rng.random()
    if chain == "bitcoin_cash" and form == "prefixed" and r < 0.3:
        template = rng.choice(["Open {addr}?amount={amt} in your wallet.", "Payment URI: {addr}?amount={amt}&label=refund",
                               "Scan this: {addr}"])
    elif chain in URI and r < 0.14:
        scheme, query = URI[chain]
        if addr.isupper() and scheme == "bitcoin":
            scheme = "BITCOIN"
        template = rng.choice(URI_T).replace("{uri}", scheme + ":{addr}" + query)
        if "&label" in template and "&" in query:
            template = template.replace("&label=refund", "")
    elif chain != "solana" and r < 0.36:
        template = rng.choice(NOCTX)
    elif r < 0.60:
        template = rng.choice(CTX_INTL)
    else:
        template = rng.choice(CTX_EN)
    text, spans = render(template, values, {"addr": addr})
    return text, spans, [chain + "/" + form]


def two_address(rng, plan_keys):
    chain, form, _ = rng.choice(plan_keys)
    if chain == "solana" or rng.random() < 0.4:
        chain2, form2, _ = rng.choice([p for p in plan_keys if p[0] != chain])
        a1, a2 = make_address(rng, chain, form), make_address(rng, chain2, form2)
        c1, t1 = coin_words(chain, form, rng)
        c2, t2 = coin_words(chain2, form2, rng)
        template = rng.choice(TWO_CROSS)
        values = {"coin": c1, "tk": t1, "coin2": c2, "tk2": t2, "amt": amount(rng)}
        forms = [chain + "/" + form, chain2 + "/" + form2]
    else:
        form2 = rng.choice(A.CHAIN_BY_NAME[chain].FORMS)
        a1, a2 = make_address(rng, chain, form), make_address(rng, chain, form2)
        c1, t1 = coin_words(chain, form, rng)
        template = rng.choice(TWO)
        values = {"coin": c1, "tk": t1, "amt": amount(rng)}
        forms = [chain + "/" + form, chain + "/" + form2]
    text, spans = render(template, values, {"addr": a1, "addr2": a2})
    return text, spans, forms


# --------------------------------------------------------------------------
# Hard negatives
# --------------------------------------------------------------------------

HEX = "0123456789abcdef"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def rand_hex(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def iban_like(rng):
    """Country code + check digits + BBAN that FAIL the ISO 13616 mod-97 check (so: no real IBAN)."""
    country, length = rng.choice([("DE", 22), ("FR", 27), ("GB", 22), ("ES", 24), ("NL", 18), ("IT", 27)])
    while True:
        if country == "GB":
            bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(
                rng.choice("0123456789") for _ in range(14))
        elif country == "NL":
            bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(
                rng.choice("0123456789") for _ in range(10))
        else:
            bban = "".join(rng.choice("0123456789") for _ in range(length - 4))
        check = "%02d" % rng.randrange(2, 99)
        candidate = country + check + bban
        rearranged = candidate[4:] + candidate[:4]
        number = int("".join(str(int(c, 36)) for c in rearranged))
        if number % 97 != 1:
            if rng.random() < 0.5:
                return " ".join(candidate[i:i + 4] for i in range(0, len(candidate), 4))
            return candidate


def corrupt_until_invalid(rng, addr, chain):
    while True:
        bad = A._corrupt(addr, rng, chain)
        if not A.is_valid_any(bad):
            return bad


def broken_eip55(rng):
    addr = A.Ethereum.generate(rng, "eip55")
    while True:
        letters = [i for i, c in enumerate(addr) if c.isalpha() and i >= 2]
        i = rng.choice(letters)
        bad = addr[:i] + addr[i].swapcase() + addr[i + 1:]
        if not A.is_valid_any(bad):
            return bad


def random_base58(rng):
    while True:
        length, first = rng.choice([(34, "1"), (34, "3"), (33, "1"), (34, "T"), (34, "r"), (34, "D"), (34, "L"),
                                    (42, "b"), (48, "5"), (47, "1"), (95, "4"), (30, "1"), (35, "3")])
        s = first + "".join(rng.choice(A.B58_BTC) for _ in range(length - 1))
        if not A.is_valid_any(s):
            return s


NEGATIVES = [  # (kind, count, value maker, templates)
    ("tx_hash_hex", 15, lambda r: rand_hex(r, 64) if r.random() < 0.8 else rand_hex(r, 64).upper(), [
        "Transaction hash: {x}", "TXID {x} still unconfirmed after 6 hours", "here is the tx id {x}, please check",
        "My BTC withdrawal tx is {x}.", "Hash de la transacción: {x}", "txid={x}", "La transaction {x} n'apparaît pas."]),
    ("tx_hash_0x", 15, lambda r: "0x" + rand_hex(r, 64), [
        "ETH tx {x}, etherscan says pending", "Tx hash: {x}", "The transfer {x} failed with 'out of gas'.",
        "Transaktions-Hash {x}", "USDT transfer {x} not received", "tx: {x} (Ethereum mainnet)"]),
    ("sha256_or_keccak", 10, None, [
        "SHA-256 of the invoice PDF: {x}", "keccak256 of the signed message: {x}", "checksum {x} matches?",
        "The download's hash is {x} but I got something else."]),
    ("git_commit", 12, lambda r: rand_hex(r, 40), [
        "The fix landed in commit {x}.", "Running build {x} of the desktop app", "git show {x} crashes",
        "Version: 4.2.1 ({x})", "Which commit is deployed? I see {x} in the footer."]),
    ("order_number", 12, lambda r: r.choice(["#", "ORD-", "ORD-2024-", "PO", "A-", ""]) + str(r.randrange(10 ** 5, 10 ** 9)), [
        "My order number is {x}", "Order {x} hasn't shipped yet", "Reference {x}, please refund",
        "Bestellnummer {x} – wann kommt die Lieferung?", "Pedido {x} no llegó.", "Ticket {x} was closed without an answer"]),
    ("iban_like", 10, iban_like, [
        "Bank account {x}", "IBAN: {x}", "Please wire it to {x} instead of crypto.", "Kontonummer {x}"]),
    ("uuid", 10, lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)), [
        "Session id {x}", "request-id: {x}", "Ticket {x}", "Error 500, trace {x}", "device {x} was logged out"]),
    ("api_key", 10, lambda r: r.choice(["sk_live_", "sk_test_", "rk_live_", "pk_live_"]) + "".join(
        r.choice(ALNUM) for _ in range(r.choice([24, 32, 40]))), [
        "Our API key is {x}, is it leaked?", "Authorization: Bearer {x}", "config: api_key={x}",
        "I accidentally posted {x} in the chat, please rotate it."]),
    ("base64_blob", 10, lambda r: base64.b64encode(bytes(r.getrandbits(8) for _ in range(r.choice([24, 33, 48, 60])))).decode(), [
        "Attached blob: {x}", "payload={x}", "Signature (base64): {x}", "The webhook body was {x}"]),
    ("btc_address_one_char_changed", 12, None, [
        "My BTC address is {x}, why does it say invalid?", "send to {x}", "wallet: {x}",
        "Bitcoin address {x} (I typed it by hand)", "Please pay to {x}."]),
    ("other_address_one_char_changed", 10, None, [
        "My {coin} address is {x}", "Refund to {x} ({coin})", "{coin} wallet: {x}"]),
    ("random_base58", 12, random_base58, [
        "Voucher code {x}", "my referral code: {x}", "Ref {x}", "{x}", "Promo {x} doesn't apply at checkout"]),
    ("eip55_broken", 10, broken_eip55, [
        "My ETH address is {x}", "send USDT to {x}", "Ethereum wallet: {x}.", "Withdraw to {x} please"]),
    ("solana_tx_signature", 5, lambda r: A.b58encode(bytes(r.getrandbits(8) for _ in range(64))), [
        "Solana tx signature {x} shows failed", "SOL transfer signature: {x}"]),
    ("eth_wrong_length", 5, lambda r: "0x" + rand_hex(r, r.choice([38, 39, 41, 63])), [
        "ETH address {x}", "send ETH to {x}"]),
]


def negative(rng, kind, maker, templates):
    values = {"coin": "", "tk": ""}
    if kind == "sha256_or_keccak":
        data = bytes(rng.getrandbits(8) for _ in range(40))
        x = A.keccak256(data).hex() if rng.random() < 0.5 else __import__("hashlib").sha256(data).hexdigest()
    elif kind == "btc_address_one_char_changed":
        form = rng.choice(["p2pkh", "p2pkh", "p2sh", "p2wpkh", "p2tr"])
        x = corrupt_until_invalid(rng, A.Bitcoin.generate(rng, form), "bitcoin")
    elif kind == "other_address_one_char_changed":
        chain = rng.choice(["tron", "xrp", "litecoin", "dogecoin", "monero", "cardano", "polkadot", "bitcoin_cash"])
        cls = A.CHAIN_BY_NAME[chain]
        form = rng.choice(cls.FORMS)
        x = corrupt_until_invalid(rng, cls.generate(rng, form), chain)
        values["coin"] = coin_words(chain, form, rng)[0]
    else:
        x = maker(rng)
    values["x"] = x
    template = rng.choice(templates)
    text, _ = render(template, values, {})
    return text


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

TOKEN = re.compile(r"bitcoincash:[A-Za-z0-9]+|[A-Za-z0-9]+")
SOLANA_CONTEXT = re.compile(r"solana|\bsol\b|phantom|solflare", re.I)


def tokens(text):
    for m in TOKEN.finditer(text):
        yield m.start(), m.end(), m.group()
        if m.group().startswith("bitcoincash:"):
            yield m.start() + 12, m.end(), m.group()[12:]


def check_record(text, spans, forms):
    problems = []
    for span, form in zip(spans, forms):
        s, e = span["start"], span["end"]
        addr = text[s:e]
        chain = form.split("/")[0]
        if not A.CHAIN_BY_NAME[chain].is_valid(addr):
            problems.append("span does not validate as %s: %r" % (chain, addr))
        if s > 0 and (text[s - 1].isascii() and text[s - 1].isalnum()):
            problems.append("span not at a boundary (left): %r" % text[s - 1:e])
        if e < len(text) and (text[e].isascii() and text[e].isalnum()):
            problems.append("span not at a boundary (right): %r" % text[s:e + 1])
        if chain == "solana" and not SOLANA_CONTEXT.search(text):
            problems.append("solana without context: %r" % text)
    for s, e, tok in tokens(text):
        if A.is_valid_any(tok) and not any(sp["start"] <= s and e <= sp["end"] for sp in spans):
            problems.append("unlabelled valid token %r %s" % (tok, A.identify(tok)))
    return problems


def main():
    out_dir = os.path.dirname(os.path.abspath(__file__))
    if "--out" in sys.argv:
        out_dir = sys.argv[sys.argv.index("--out") + 1]
    rng = random.Random(SEED)
    records = []
    genesis_left = 2
    for chain, form, count in PLAN:
        for _ in range(count):
            addr = None
            if chain == "bitcoin" and form == "p2pkh" and genesis_left:
                addr, genesis_left = GENESIS, genesis_left - 1
            text, spans, forms = positive(rng, chain, form, addr)
            records.append(({"text": text, "spans": spans}, {"kind": "positive", "forms": forms}))
    for _ in range(N_TWO_ADDRESS):
        text, spans, forms = two_address(rng, PLAN)
        records.append(({"text": text, "spans": spans}, {"kind": "positive", "forms": forms}))
    for kind, count, maker, templates in NEGATIVES:
        for _ in range(count):
            text = negative(rng, kind, maker, templates)
            records.append(({"text": text, "spans": []}, {"kind": "negative", "negative": kind}))
    rng.shuffle(records)

    problems = []
    seen = set()
    for i, (rec, meta) in enumerate(records):
        if rec["text"] in seen:
            problems.append("duplicate text line %d" % i)
        seen.add(rec["text"])
        for p in check_record(rec["text"], rec["spans"], meta.get("forms", [])):
            problems.append("line %d: %s" % (i + 1, p))
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)

    with open(os.path.join(out_dir, "crypto_dev.jsonl"), "w", encoding="utf-8") as f:
        for rec, _ in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "crypto_dev.meta.jsonl"), "w", encoding="utf-8") as f:
        for i, (_, meta) in enumerate(records):
            f.write(json.dumps(dict(line=i + 1, **meta), ensure_ascii=False) + "\n")

    per_form = collections.Counter(f for _, m in records for f in m.get("forms", []))
    per_chain = collections.Counter(f.split("/")[0] for _, m in records for f in m.get("forms", []))
    negs = collections.Counter(m["negative"] for _, m in records if m["kind"] == "negative")
    n_pos = sum(1 for _, m in records if m["kind"] == "positive")
    print("messages: %d (%d positive, %d negative), spans: %d" % (len(records), n_pos, len(records) - n_pos,
                                                                 sum(per_form.values())))
    print("spans per chain:")
    for chain in A.CHAIN_BY_NAME:
        forms = ", ".join("%s %d" % (f.split("/")[1], n) for f, n in sorted(per_form.items()) if f.startswith(chain + "/"))
        print("  %-16s %3d  (%s)" % (chain, per_chain[chain], forms))
    print("negatives:")
    for kind, n in negs.items():
        print("  %-32s %3d" % (kind, n))


if __name__ == "__main__":
    main()
