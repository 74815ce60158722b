#!/usr/bin/env python3
"""Writes TestVectors/identity/envelope-openintent.json by running openintent 0.17's own sign_envelope and
verify_envelope_signature (openintent.federation.security), with pyca/cryptography installed so that it signs with
Ed25519 (without it, openintent silently falls back to HMAC).

Each case carries the envelope as the JSON text a receiver gets. Expected signatures are openintent's output; the
signed bytes are recorded too. Negative cases record openintent's own verdict in `peer_verdict` where it differs
from ours (its base64 decoding is lenient).
Run: python3 -m venv v && v/bin/pip install "openintent==0.17.0" cryptography && v/bin/python openintent_envelopes.py
"""
import base64, json, os, sys, tempfile
from importlib.metadata import version
from openintent.federation import security as oi

SEED = bytes(range(32))
with tempfile.NamedTemporaryFile(delete=False) as f:
    f.write(SEED)
identity = oi.ServerIdentity.from_key_file("https://kernel.example.com", f.name)
os.unlink(f.name)
PUB_B64 = identity.public_key_b64

ENVELOPES = {
    "simple": {"id": "env-1", "type": "intent.created", "payload": {"title": "hello"}},
    "nested-and-types": {"id": "env-2", "payload": {"list": [1, 2, {"b": True, "a": None}], "n": -7, "f": 1.5,
                                                       "zero": 0, "big": 9007199254740991, "small": 1e-05,
                                                       "exp": 1e+16, "whole_float": 100.0},
                         "flags": [True, False, None]},
    "non-ascii": {"id": "env-3", "payload": {"name": "Zoë Müller", "emoji": "🚀", "cjk": "漢字",
                                             "controls": "tab\tnewline\nquote\"backslash\\", "del": "\u007f"}},
    "key-order": {"b": 1, "a": 2, "B": 3, "_": 4, "é": 5, "aa": 6, "a b": 7},
    "signature-field-ignored": {"id": "env-4", "signature": "anything at all", "payload": {}},
    "nested-signature-kept": {"id": "env-5", "payload": {"signature": "inner fields are signed"}},
    "empty": {},
}

cases = []
for name, env in ENVELOPES.items():
    text = json.dumps(env, ensure_ascii=False)
    sig = oi.sign_envelope(identity, env)
    signed = oi._canonical_bytes(env).decode("ascii")
    assert oi.verify_envelope_signature(PUB_B64, env, sig)
    cases.append({"id": f"sign-{name}", "operation": "envelope.openintent.sign",
                  "description": f"openintent sign_envelope over the '{name}' envelope",
                  "input": {"seed": SEED.hex(), "envelope": text},
                  "expected": {"result": "valid", "output": {"signature": sig, "signed_bytes": signed}}})
    cases.append({"id": f"verify-{name}", "description": f"openintent's signature over '{name}' verifies",
                  "input": {"public_key": PUB_B64, "envelope": text, "signature": sig},
                  "expected": {"result": "valid"}})

env = ENVELOPES["nested-and-types"]
text = json.dumps(env)
sig = oi.sign_envelope(identity, env)


def neg(cid, desc, envelope_text, signature, error, public_key=PUB_B64, peer=None):
    c = {"id": cid, "description": desc, "input": {"public_key": public_key, "envelope": envelope_text,
         "signature": signature}, "expected": {"result": "invalid", "error": error}}
    if peer is not None:
        c["flags"] = ["PeerAccepts"] if peer else []
        c["description"] += f" (openintent 0.17 verify_envelope_signature: {'accepts' if peer else 'rejects'})"
    cases.append(c)


def oi_verdict(envelope_text, signature, public_key=PUB_B64):
    return oi.verify_envelope_signature(public_key, json.loads(envelope_text), signature)


tampered = json.dumps(dict(env, id="env-2-tampered"))
neg("tampered-field", "A signed field changed after signing", tampered, sig, "crypto.signature_invalid",
    peer=oi_verdict(tampered, sig))
flipped = base64.b64encode(bytes([base64.b64decode(sig)[0] ^ 1]) + base64.b64decode(sig)[1:]).decode()
neg("signature-bit-flipped", "First signature bit flipped", text, flipped, "crypto.signature_invalid",
    peer=oi_verdict(text, flipped))
for junk_name, junk in (("appended-junk", sig + "AAAA"), ("embedded-whitespace", sig[:10] + " \n" + sig[10:]),
                        ("non-alphabet", sig[:10] + "!" + sig[10:]), ("urlsafe-alphabet", sig.replace("+", "-").replace("/", "_")),
                        ("missing-padding", sig.rstrip("="))):
    if junk == sig:
        continue
    neg(f"signature-{junk_name}", f"Signature text with {junk_name.replace('-', ' ')}: strict base64 rejects it",
        text, junk, "envelope.malformed_signature", peer=oi_verdict(text, junk))
short = base64.b64encode(base64.b64decode(sig)[:63]).decode()
neg("signature-63-bytes", "A 63-byte signature", text, short, "crypto.invalid_length", peer=oi_verdict(text, short))
other_pub = base64.b64encode(bytes(31)).decode()
neg("public-key-31-bytes", "A 31-byte public key", text, sig, "crypto.invalid_length", public_key=other_pub,
    peer=oi_verdict(text, sig, other_pub))
neg("duplicate-key", "Envelope JSON with a duplicate key (Python keeps the last; we reject the text)",
    '{"id":"x","id":"y"}', sig, "json.duplicate_key", peer=False)
neg("not-an-object", "Envelope JSON that is an array", "[1,2]", sig, "envelope.not_an_object")
neg("float-nan", "NaN is not JSON", '{"x": NaN}', sig, "json.invalid_number")

doc = {"suite": "identity.envelope.openintent", "version": "1", "profile": "openintent-0.17",
       "description": "openintent-compatible signed envelopes: Ed25519 over Python json.dumps(sort_keys=True, "
                      "separators=(',', ':')) of the envelope without its top-level 'signature' member; signature in "
                      "standard base64",
       "source": f"Signatures and signed bytes from running openintent {version('openintent')} sign_envelope "
                 f"(cryptography {version('cryptography')}, CPython {sys.version.split()[0]}); negative cases: "
                 "openintent's verdict recorded in each description, our codes from Spec/envelopes.md",
       "operation": "envelope.openintent.verify", "cases": cases}
out = os.path.join(os.path.dirname(__file__), "..", "identity", "envelope-openintent.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
