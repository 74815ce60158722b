#!/usr/bin/env python3
"""Writes TestVectors/identity/envelope-jws.json: detached-content JWS (RFC 7515 App. F) with EdDSA (RFC 8037),
kid = did:key DID URL. Expected JWS values are produced by joserfc (an independent JOSE implementation) and then
detached (payload segment removed); negatives are built from them by one change each, codes from Spec/envelopes.md.
Run: python3 -m venv v && v/bin/pip install joserfc cryptography base58 && v/bin/python jws_envelopes.py
"""
import base64, json, os, sys, warnings
warnings.simplefilter("ignore")  # joserfc warns that EdDSA is deprecated by RFC 9864
from importlib.metadata import version
import base58
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jws
from joserfc.jwk import OKPKey


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def keypair(seed):
    sk = Ed25519PrivateKey.from_private_bytes(seed)
    pub = sk.public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    mb = "z" + base58.b58encode(b"\xed\x01" + pub).decode()
    pem = sk.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())
    return OKPKey.import_key(pem), f"did:key:{mb}#{mb}"


def compact(header, payload, key):
    token = jws.serialize_compact(header, payload, key, algorithms=[header["alg"]])
    h, p, s = token.split(".")
    assert p == b64u(payload)
    return h, s


cases = []
seed = bytes(range(32))
key, kid = keypair(seed)
other_key, other_kid = keypair(bytes(32))
payloads = {"empty": b"", "text": b"hello, federation", "binary": bytes(range(256)),
            "json": json.dumps({"intent": "transfer", "amount": 10, "note": "caf\u00e9"}).encode()}
for name, payload in payloads.items():
    h, s = compact({"alg": "EdDSA", "kid": kid}, payload, key)
    assert base64.urlsafe_b64decode(h + "==") == json.dumps({"alg": "EdDSA", "kid": kid}, separators=(",", ":")).encode()
    cases.append({"id": f"sign-{name}", "operation": "envelope.jws.sign", "description": f"Sign a {name} payload",
                  "input": {"seed": seed.hex(), "key_id": kid, "payload": payload.hex()},
                  "expected": {"result": "valid", "output": {"jws": f"{h}..{s}"}}})
    cases.append({"id": f"verify-{name}", "description": f"joserfc's detached JWS over a {name} payload verifies",
                  "input": {"jws": f"{h}..{s}", "payload": payload.hex()}, "expected": {"result": "valid",
                  "output": {"key_id": kid}}})

payload = payloads["json"]
h, s = compact({"alg": "EdDSA", "kid": kid}, payload, key)
fh, fs = compact({"alg": "Ed25519", "kid": kid}, payload, key)
cases.append({"id": "verify-alg-ed25519", "description": "alg Ed25519, the fully-specified name of RFC 9864, is accepted "
              "too (the key fixes the algorithm either way)", "input": {"jws": f"{fh}..{fs}", "payload": payload.hex()},
              "expected": {"result": "valid", "output": {"key_id": kid}}})


def bad(cid, desc, token, code, body=payload):
    cases.append({"id": cid, "description": desc, "input": {"jws": token, "payload": body.hex()},
                  "expected": {"result": "invalid", "error": code}})


bad("payload-tampered", "One payload byte changed", f"{h}..{s}", "crypto.signature_invalid", payload[:-1] + b"X")
sig = bytearray(base64.urlsafe_b64decode(s + "==")); sig[0] ^= 1
bad("signature-bit-flipped", "One signature bit flipped", f"{h}..{b64u(bytes(sig))}", "crypto.signature_invalid")
oh, os_ = compact({"alg": "EdDSA", "kid": kid}, payload, other_key)
bad("signed-by-another-key", "Signed by a key other than the one kid names", f"{oh}..{os_}", "crypto.signature_invalid")
bad("attached-payload", "A compact JWS with its payload attached is not a detached JWS",
    f"{h}.{b64u(payload)}.{s}", "envelope.malformed")
bad("padded-signature", "base64url with padding", f"{h}..{s}==", "envelope.malformed")
bad("two-parts", "Only header and signature, one dot", f"{h}.{s}", "envelope.malformed")
for cid, desc, header, code in [
    ("alg-none", "alg none", {"alg": "none", "kid": kid}, "envelope.unsupported_algorithm"),
    ("alg-hs256", "alg HS256: the algorithm comes from the key", {"alg": "HS256", "kid": kid}, "envelope.unsupported_algorithm"),
    ("no-kid", "No kid", {"alg": "EdDSA"}, "envelope.missing_key_id"),
    ("crit", "A crit extension this verifier does not implement", {"alg": "EdDSA", "kid": kid, "crit": ["exp"], "exp": 1},
     "envelope.unsupported_critical"),
    ("b64-false", "RFC 7797 unencoded payload is not supported", {"alg": "EdDSA", "kid": kid, "b64": False, "crit": ["b64"]},
     "envelope.unsupported_critical"),
    ("kid-not-a-did", "kid that is not a DID URL", {"alg": "EdDSA", "kid": "key-1"}, "did.invalid_did"),
]:
    hh = b64u(json.dumps(header, separators=(",", ":")).encode())
    bad(cid, desc, f"{hh}..{s}", code)
bad("header-duplicate-alg", "A header with alg twice (the second EdDSA)",
    b64u(b'{"alg":"none","kid":"' + kid.encode() + b'","alg":"EdDSA"}') + ".." + s, "json.duplicate_key")
bad("header-not-object", "A header that is a JSON array", b64u(b"[]") + ".." + s, "envelope.malformed")
bad("jws-too-large", "A JWS text over 8 KiB is refused before it is read", f"{h}..{s}" + "A" * 8192, "envelope.too_large")
short = base64.urlsafe_b64decode(s + "==")[:63]
bad("signature-63-bytes", "A 63-byte signature", f"{h}..{b64u(short)}", "crypto.invalid_length")

with open(os.path.join(os.path.dirname(__file__), "..", "identity", "envelope-jws.json"), "w") as f:
    json.dump({"suite": "identity.envelope.jws", "version": "1", "profile": "native",
               "description": "Native signed envelope: detached-content JWS, EdDSA, kid = did:key DID URL",
               "source": f"JWS values from joserfc {version('joserfc')} (cryptography {version('cryptography')}, "
                         f"CPython {sys.version.split()[0]}), detached per RFC 7515 Appendix F; negatives built from "
                         "them by one change each, codes from Spec/envelopes.md",
               "operation": "envelope.jws.verify", "cases": cases}, f, indent=2)
    f.write("\n")
print(len(cases), "cases")
