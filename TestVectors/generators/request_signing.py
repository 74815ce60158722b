#!/usr/bin/env python3
"""Writes TestVectors/request-signing/{rfc9421-http-message-signatures,rfc9421-profile,agentvault,replay}.json.

Signatures are made by the peer, PyPI http-message-signatures (version recorded in each file); the cases that the
peer refuses to sign (unknown parameter, missing created, upper-case identifier, ...) are built here from the text
of RFC 9421 section 2.5 (signature base) with CPython hmac. Expected verdicts and error codes follow
Spec/request-signing.md (order of checks, window, skew); nothing is taken from the Swift code.
Every positive RFC 9421 case is also verified by the peer's own HTTPMessageVerifier before it is written.
Run: python3 -m venv v && v/bin/pip install http-message-signatures requests cryptography && v/bin/python request_signing.py
"""
import base64, copy, datetime, hashlib, hmac, json, os
from importlib.metadata import version
from unittest.mock import patch

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from http_message_signatures import HTTPMessageSigner, HTTPMessageVerifier, HTTPSignatureKeyResolver, algorithms

PEER = f"http-message-signatures {version('http-message-signatures')}"
OUT = os.path.join(os.path.dirname(__file__), "..", "request-signing")
NOW = 1_800_000_000
SECRET = bytes(range(32))
SECRET2 = bytes(range(64, 96))
SEED = bytes(range(100, 132))
ED = Ed25519PrivateKey.from_private_bytes(SEED)
ED_PUB = ED.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
HKEY = {"keyid": "k-hmac", "alg": "hmac-sha256", "secret": SECRET.hex()}
HKEY2 = {"keyid": "k-hmac-2", "alg": "hmac-sha256", "secret": SECRET2.hex()}
EKEY_SIGN = {"keyid": "k-ed", "alg": "ed25519", "seed": SEED.hex()}
EKEY = {"keyid": "k-ed", "alg": "ed25519", "public_key": ED_PUB.hex()}
KEYS = [HKEY, HKEY2, EKEY]


class Resolver(HTTPSignatureKeyResolver):
    def resolve_private_key(self, key_id):
        return {"k-hmac": SECRET, "k-hmac-2": SECRET2, "k-ed": ED}[key_id]

    def resolve_public_key(self, key_id):
        return {"k-hmac": SECRET, "k-hmac-2": SECRET2, "k-ed": ED.public_key()}[key_id]


ALG = {"k-hmac": algorithms.HMAC_SHA256, "k-hmac-2": algorithms.HMAC_SHA256, "k-ed": algorithms.ED25519}
BODY = b'{"op": "invoke", "args": [1, 2]}'
URL = "https://kernel.example.com/v1/invoke?agent=a%20b&Pet=dog"
BASE_HEADERS = [["Date", "Tue, 15 Jan 2027 08:00:00 GMT"], ["Content-Type", "application/json"]]
COMPONENTS = ["@method", "@target-uri", "@authority", "@path", "@query", '"@query-param";name="Pet"', "content-type"]


def dt(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc)


def prepared(method="POST", url=URL, headers=BASE_HEADERS, body=BODY):
    req = requests.Request(method, url, data=body, headers=dict(headers)).prepare()
    return req


def peer_sign(keyid="k-hmac", created=NOW - 5, components=COMPONENTS, digest=False, **kw):
    """Signs with the peer; returns (message input, the peer's prepared request)."""
    req = prepared()
    signer = HTTPMessageSigner(signature_algorithm=ALG[keyid], key_resolver=Resolver())
    args = dict(key_id=keyid, created=dt(created), label=kw.pop("label", "sig1"),
                covered_component_ids=list(components), body=BODY if digest else None, **kw)
    global LAST_BASE
    LAST_BASE = signer.prepare(prepared(), **args).signature_base.decode()
    signer.sign(req, **args)
    return message_of(req), req


def message_of(req):
    headers = [[k, v] for k, v in req.headers.items()]
    return {"method": req.method, "target_uri": req.url, "headers": headers, "body": (req.body or b"").hex()}


def peer_verifies(req, keyid, now):
    """The peer's verifier, with its clock set to `now` (as its own test suite does), window 300 s."""
    class Clock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt(now).astimezone(tz) if tz else dt(now).replace(tzinfo=None)

    verifier = HTTPMessageVerifier(signature_algorithm=ALG[keyid], key_resolver=Resolver())
    with patch("http_message_signatures.signatures.datetime.datetime", Clock):
        verifier.verify(req, max_age=datetime.timedelta(seconds=300), body=req.body if "content-digest" in req.headers.get("Signature-Input", "") else None)


def set_header(message, name, value):
    m = copy.deepcopy(message)
    m["headers"] = [h for h in m["headers"] if h[0].lower() != name.lower()] + ([[name, value]] if value is not None else [])
    return m


def header(message, name):
    return next(v for k, v in message["headers"] if k.lower() == name.lower())


def hand_signed(params, lines, secret=SECRET, label="sig1", message=None):
    """A signature built from the RFC 9421 section 2.5 text: lines, then "@signature-params", HMAC-SHA256."""
    base = "\n".join(lines + ['"@signature-params": ' + params])
    mac = hmac.new(secret, base.encode(), hashlib.sha256).digest()
    m = message_of(prepared()) if message is None else message
    m = set_header(m, "Signature-Input", f"{label}={params}")
    return set_header(m, "Signature", f"{label}=:{base64.b64encode(mac).decode()}:")


def verify_case(cases, cid, desc, message, error=None, now=NOW, flags=None, output=None, **extra):
    inp = dict(message, keys=KEYS, **extra)
    exp = {"result": "invalid", "error": error} if error else {"result": "valid", "output": output}
    case = {"id": cid, "description": desc, "now": now, "input": inp, "expected": exp}
    if flags:
        case["flags"] = flags
    cases.append(case)


def write(name, suite, description, source, operation, cases):
    doc = {"suite": suite, "version": "1", "profile": "rfc9421", "description": description, "source": source,
           "operation": operation, "cases": cases}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(name, len(cases))


# ---------------------------------------------------------------- interop: the peer signs, we verify and re-sign
interop = []
variants = [
    ("hmac-basic", dict(keyid="k-hmac")),
    ("hmac-nonce-tag-expires", dict(keyid="k-hmac", nonce="n-7f3a", tag="fedsec", expires=dt(NOW + 120))),
    ("hmac-no-alg", dict(keyid="k-hmac", include_alg=False)),
    ("hmac-second-key", dict(keyid="k-hmac-2")),
    ("hmac-content-digest", dict(keyid="k-hmac", digest=True)),
    ("ed25519-basic", dict(keyid="k-ed")),
    ("ed25519-nonce", dict(keyid="k-ed", nonce="n-ed-1")),
    ("ed25519-content-digest", dict(keyid="k-ed", digest=True, components=["@method", "@target-uri", "content-type"])),
]
for vid, kw in variants:
    kw = dict(kw)
    keyid = kw["keyid"]
    message, req = peer_sign(**kw)
    peer_verifies(req, keyid, NOW)
    verify_case(interop, f"peer-signed-{vid}", f"Signed by {PEER}; verifies here", message,
                output={"label": "sig1", "keyid": keyid})
    # The same signature, made by us from the same inputs, must be byte-identical (hmac and ed25519 are deterministic).
    si, sig = header(message, "Signature-Input"), header(message, "Signature")
    covered = [c if c.startswith('"') else json.dumps(c) for c in kw.get("components", COMPONENTS)]
    unsigned = copy.deepcopy(message)
    unsigned["headers"] = [h for h in message["headers"] if h[0].lower() not in ("signature-input", "signature", "content-digest")]
    sign_input = dict(unsigned, key={"k-hmac": HKEY, "k-hmac-2": HKEY2, "k-ed": EKEY_SIGN}[keyid], label="sig1",
                      components=covered + (['"content-digest"'] if kw.get("digest") else []), created=NOW - 5,
                      include_alg=kw.get("include_alg", True))
    for opt in ("nonce", "tag"):
        if opt in kw:
            sign_input[opt] = kw[opt]
    if "expires" in kw:
        sign_input["expires"] = NOW + 120
    out = {"signature_input": si, "signature": sig, "signature_base": LAST_BASE}
    if kw.get("digest"):
        sign_input["content_digest"] = header(message, "Content-Digest").split("=", 1)[0]
        out["content_digest"] = header(message, "Content-Digest")
    interop.append({"id": f"sign-like-peer-{vid}", "operation": "request.rfc9421.sign",
                    "description": f"Our signature over the same inputs equals {PEER}'s byte for byte",
                    "input": sign_input, "expected": {"result": "valid", "output": out}})
write("rfc9421-http-message-signatures.json", "request-signing.rfc9421-interop",
      "RFC 9421 interop: signatures made by PyPI http-message-signatures verify here, and ours equal its own",
      f"Recorded from a run of {PEER} (PyPI) with CPython 3.11; each signature also verified by the peer's HTTPMessageVerifier",
      "request.rfc9421.verify", interop)
