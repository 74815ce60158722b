#!/usr/bin/env python3
"""Writes TestVectors/crypto/hmac-sha256-rfc4231.json and hkdf-sha256-rfc5869.json.

Expected values are transcribed from the RFC texts (RFC 4231 §4.2-4.8, RFC 5869 Appendix A.1-A.3). Before writing,
each one is recomputed with a second, independent implementation (CPython `hmac`, pyca/cryptography HKDF) and the
script aborts on any disagreement, so a transcription error cannot reach the vector file.
Run: python3 -m venv v && v/bin/pip install cryptography && v/bin/python rfc_mac_kdf.py
"""
import hashlib, hmac, json, os, sys
import cryptography
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand

OUT = os.path.join(os.path.dirname(__file__), "..", "crypto")
h = bytes.hex

RFC4231 = [  # (case, key, data, HMAC-SHA-256 as printed in the RFC)
    (1, b"\x0b" * 20, b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (2, b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (3, b"\xaa" * 20, b"\xdd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    (4, bytes(range(1, 26)), b"\xcd" * 50, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    (5, b"\x0c" * 20, b"Test With Truncation", "a3b6167473100ee06e0c796c2955552b"),  # truncated to 128 bits
    (6, b"\xaa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First",
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    (7, b"\xaa" * 131, b"This is a test using a larger than block-size key and a larger than block-size data. "
     b"The key needs to be hashed before being used by the HMAC algorithm.",
     "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
]

RFC5869 = [  # (appendix, ikm, salt, info, L, PRK, OKM) as printed in the RFC
    ("A.1", b"\x0b" * 22, bytes(range(0x00, 0x0d)), bytes(range(0xf0, 0xfa)), 42,
     "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
    ("A.2", bytes(range(0x00, 0x50)), bytes(range(0x60, 0xb0)), bytes(range(0xb0, 0x100)), 82,
     "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
     "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c"
     "2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"),
    ("A.3", b"\x0b" * 22, b"", b"", 42,
     "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
     "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
]


def check(label, ours, theirs):
    if ours != theirs:
        sys.exit(f"{label}: RFC text {ours} != independent implementation {theirs}")


def hmac_file():
    cases = []
    for n, key, data, tag in RFC4231:
        full = hmac.new(key, data, hashlib.sha256).hexdigest()
        check(f"RFC 4231 case {n}", tag, full[: len(tag)])
        inp = {"key": h(key), "message": h(data)}
        if len(tag) < 64:
            inp["truncate_to"] = len(tag) // 2
        cases.append({"id": f"rfc4231-case-{n}", "description": f"RFC 4231 §4.{n + 1} test case {n}",
                      "input": inp, "expected": {"result": "valid", "output": {"mac": tag}}})
        if len(tag) == 64:
            cases.append({"id": f"rfc4231-case-{n}-verify", "operation": "hmac-sha256.verify",
                          "description": f"RFC 4231 case {n}: the published tag verifies",
                          "input": {"key": h(key), "message": h(data), "mac": tag},
                          "expected": {"result": "valid"}})
            flipped = tag[:-2] + format(int(tag[-2:], 16) ^ 0x01, "02x")
            cases.append({"id": f"rfc4231-case-{n}-last-bit-flipped", "operation": "hmac-sha256.verify",
                          "description": f"RFC 4231 case {n} with the last tag bit flipped",
                          "input": {"key": h(key), "message": h(data), "mac": flipped},
                          "expected": {"result": "invalid", "error": "crypto.mac_invalid"}})
        else:
            cases.append({"id": f"rfc4231-case-{n}-truncated-tag-rejected", "operation": "hmac-sha256.verify",
                          "description": "A 128-bit truncated tag is never accepted by verify (Spec/crypto.md): "
                                         "truncation is not negotiable by the sender",
                          "input": {"key": h(key), "message": h(data), "mac": tag},
                          "expected": {"result": "invalid", "error": "crypto.mac_invalid"}})
    return {"suite": "crypto.hmac-sha256.rfc4231", "version": "1",
            "description": "HMAC-SHA-256 test cases 1-7 of RFC 4231, plus verify and tamper cases built from them",
            "source": f"RFC 4231 §4.2-4.8 (transcribed), cross-checked with CPython {sys.version.split()[0]} hmac; "
                      "tamper cases: the RFC tag with its last bit flipped",
            "operation": "hmac-sha256.compute", "cases": cases}


def hkdf_file():
    cases = []
    for ref, ikm, salt, info, length, prk, okm in RFC5869:
        okm2 = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt or None, info=info).derive(ikm)
        prk2 = hmac.new(salt or b"\x00" * 32, ikm, hashlib.sha256).hexdigest()
        okm3 = HKDFExpand(algorithm=hashes.SHA256(), length=length, info=info).derive(bytes.fromhex(prk))
        check(f"RFC 5869 {ref} OKM", okm, h(okm2)); check(f"RFC 5869 {ref} OKM from PRK", okm, h(okm3))
        check(f"RFC 5869 {ref} PRK", prk, prk2)
        cases.append({"id": f"rfc5869-{ref.lower().replace('.', '')}-derive", "description": f"RFC 5869 {ref}",
                      "input": {"ikm": h(ikm), "salt": h(salt), "info": h(info), "length": length},
                      "expected": {"result": "valid", "output": {"okm": okm}}})
        cases.append({"id": f"rfc5869-{ref.lower().replace('.', '')}-extract", "operation": "hkdf-sha256.extract",
                      "description": f"RFC 5869 {ref}: PRK", "input": {"ikm": h(ikm), "salt": h(salt)},
                      "expected": {"result": "valid", "output": {"prk": prk}}})
    ikm = h(b"\x0b" * 22)
    for length in (0, 255 * 32 + 1):
        cases.append({"id": f"length-{length}-rejected", "description": "RFC 5869 §2.3: L must be in 1...255*HashLen",
                      "input": {"ikm": ikm, "salt": "", "info": "", "length": length},
                      "expected": {"result": "invalid", "error": "crypto.invalid_output_length"}})
    okm_max = HKDF(algorithm=hashes.SHA256(), length=255 * 32, salt=None, info=b"").derive(b"\x0b" * 22)
    cases.append({"id": "length-8160-accepted", "description": "RFC 5869 §2.3: L = 255*HashLen is the maximum",
                  "input": {"ikm": ikm, "salt": "", "info": "", "length": 255 * 32},
                  "expected": {"result": "valid", "output": {"okm": h(okm_max)}}})
    return {"suite": "crypto.hkdf-sha256.rfc5869", "version": "1",
            "description": "HKDF-SHA-256 test cases A.1-A.3 of RFC 5869 and the output-length bounds of §2.3",
            "source": f"RFC 5869 Appendix A (transcribed), cross-checked with pyca/cryptography {cryptography.__version__} "
                      f"and CPython {sys.version.split()[0]} hmac; length bounds from RFC 5869 §2.3, the 8160-byte "
                      "output from pyca/cryptography",
            "operation": "hkdf-sha256.derive", "cases": cases}


for name, doc in (("hmac-sha256-rfc4231.json", hmac_file()), ("hkdf-sha256-rfc5869.json", hkdf_file())):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
print("ok")
