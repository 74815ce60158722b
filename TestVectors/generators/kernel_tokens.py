#!/usr/bin/env python3
"""Writes TestVectors/tokens/native.json: native kernel tokens (Spec/kernel-tokens.md), computed here from the
spec's text with independent primitives: pyca/cryptography HKDF-SHA256 for the per-kernel key, CPython hmac for the
tag, the rfc8785 package for the claims JSON, CPython base64 for the encoding. No Swift output is used.
Run: python3 -m venv v && v/bin/pip install cryptography rfc8785 && v/bin/python kernel_tokens.py
"""
import base64, hashlib, hmac, json, os, sys
from importlib.metadata import version
import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MASTER = {"k1": bytes(range(32)), "k2": bytes(range(100, 132))}
NOW = 1_800_000_000


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def kernel_key(master, kernel):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"fedsec/kernel-token/v1",
                info=b"kernel:" + kernel.encode()).derive(master)


def mint(claims, kernel, kid="k1", master=None, tamper=None):
    signed = f"v1.{kid}.{b64u(kernel.encode())}.{b64u(rfc8785.dumps(claims))}"
    key = kernel_key(master or MASTER[kid], kernel)
    tag = hmac.new(key, signed.encode(), hashlib.sha256).digest()
    return signed + "." + b64u(tag)


def claims(**over):
    c = {"jti": "tok-1", "sub": "agent-7", "cap": "db.query", "cns": {}, "iat": NOW - 10, "exp": NOW + 300}
    c.update(over)
    return {k: v for k, v in c.items() if v is not None}


KEYS = {kid: m.hex() for kid, m in MASTER.items()}
cases = []


def verify_case(cid, desc, token, error=None, kernel="kernel-a", principal="agent-7", capability="db.query",
                request=None, revoked=None, now=NOW, leeway=60, keys=KEYS):
    inp = {"keys": keys, "token": token, "expected_kernel": kernel, "expected_principal": principal,
           "expected_capability": capability, "leeway": leeway}
    if request is not None:
        inp["request"] = json.dumps(request)
    if revoked:
        inp["revoked"] = revoked
    exp = {"result": "valid", "output": {"token_id": json.loads(base64.urlsafe_b64decode(token.split(".")[3] + "==="))["jti"]}} \
        if error is None else {"result": "invalid", "error": error}
    cases.append({"id": cid, "now": now, "description": desc, "input": inp, "expected": exp})


base = claims(cns={"max_rows": 10, "allowed_fields": ["id", "name"],
                   "args": {"table": {"pinned": "orders"}, "path": {"prefix": "/srv/data/"},
                            "opts": {"allowed_keys": ["limit", "order"]}}})
tok = mint(base, "kernel-a")
for n, (c, kernel) in enumerate([(claims(), "kernel-a"), (base, "kernel-a"), (claims(sub="agent-\u00e9", nbf=NOW - 5), "did:web:kernel.example.com%3A8443"),
                                  (claims(jti="tok-\u00e9"), "k\u00e9rnel")]):
    t = mint(c, kernel)
    cases.append({"id": f"mint-{n}", "operation": "token.native.mint", "description": "Mint: bytes from the spec, "
                  "computed with pyca/cryptography HKDF, hmac and rfc8785",
                  "input": {"master": MASTER["k1"].hex(), "kid": "k1", "kernel": kernel, "claims": json.dumps(c)},
                  "expected": {"result": "valid", "output": {"token": t}}})
    verify_case(f"verify-{n}", "The minted token verifies at its own kernel", t, kernel=kernel, principal=c["sub"])

good_request = {"rows": 10, "fields": ["id"], "args": {"table": "orders", "path": "/srv/data/x.csv", "opts": {"limit": 5}}}
verify_case("request-within-constraints", "A request inside every constraint", tok, request=good_request)
# The headline property: kernel B shares kernel A's master secret and still rejects A's token.
verify_case("wrong-kernel-shared-master", "Minted for kernel-a, presented to kernel-b holding the same master secret",
            tok, error="token.wrong_kernel", kernel="kernel-b")
forged_for_b = tok.replace(b64u(b"kernel-a"), b64u(b"kernel-b"), 1)
verify_case("kernel-segment-swapped", "kernel-a's token with its kernel segment rewritten to kernel-b: the MAC no "
            "longer verifies, so the forger cannot make it look like a wrong-kernel token", forged_for_b,
            error="token.bad_mac", kernel="kernel-b")
verify_case("unknown-kid", "Key id not in the ring", mint(claims(), "kernel-a", kid="k9", master=bytes(32)),
            error="token.unknown_key_id")
verify_case("rotated-key-k2", "Minted under the second key of the ring", mint(claims(), "kernel-a", kid="k2"))
verify_case("other-issuer", "Same key id, another master secret", mint(claims(), "kernel-a", master=bytes(32)),
            error="token.bad_mac")
parts = tok.split(".")
evil = dict(base, cap="db.write")
verify_case("claims-swapped", "Claims replaced, tag kept", ".".join(parts[:3] + [b64u(rfc8785.dumps(evil)), parts[4]]),
            error="token.bad_mac")
expired_forged = dict(base, exp=NOW - 1000)
verify_case("forged-and-expired", "A forged token claiming to be expired still gets bad_mac",
            ".".join(parts[:3] + [b64u(rfc8785.dumps(expired_forged)), parts[4]]), error="token.bad_mac")
tag = bytearray(base64.urlsafe_b64decode(parts[4] + "=")); tag[0] ^= 1
verify_case("tag-bit-flipped", "One tag bit flipped", ".".join(parts[:4] + [b64u(bytes(tag))]), error="token.bad_mac")
verify_case("expired", "exp + leeway <= now", tok, error="token.expired", now=NOW + 300 + 60)
verify_case("within-leeway", "exp passed but within the leeway", tok, now=NOW + 300 + 59)
verify_case("not-yet-valid", "nbf after now + leeway", mint(claims(nbf=NOW + 61), "kernel-a"), error="token.not_yet_valid")
verify_case("issued-in-future", "iat after now + leeway", mint(claims(iat=NOW + 61), "kernel-a"), error="token.not_yet_valid")
verify_case("revoked", "Token id revoked", tok, error="token.revoked", revoked=["tok-1"])
verify_case("principal-mismatch", "Presented by another principal", tok, error="token.principal_mismatch", principal="agent-8")
verify_case("principal-canonically-equivalent", "e\u0301 is not \u00e9: identifiers compare by scalars",
            mint(claims(sub="agent-\u00e9"), "kernel-a"), error="token.principal_mismatch", principal="agent-e\u0301")
verify_case("capability-mismatch", "Presented for another capability", tok, error="token.capability_mismatch",
            capability="db.write")
for cid, req in [("rows-over-max", {"rows": 11}), ("field-not-allowed", {"fields": ["id", "ssn"]}),
                 ("pinned-differs", {"args": {"table": "users"}}), ("pinned-missing", {"args": {}}),
                 ("prefix-outside", {"args": {"table": "orders", "path": "/etc/passwd"}}),
                 ("prefix-dotdot", {"args": {"table": "orders", "path": "/srv/data/../../etc/passwd"}}),
                 ("key-not-allowed", {"args": {"table": "orders", "opts": {"limit": 1, "drop": True}}})]:
    verify_case(f"constraint-{cid}", "Request outside the constraints", tok, error="token.constraint_violation", request=req)
verify_case("unknown-constraint", "A constraint the evaluator does not know fails closed",
            mint(claims(cns={"max_cost": 5}), "kernel-a"), error="token.unknown_constraint")
verify_case("malformed-constraint", "max_rows that is not an integer", mint(claims(cns={"max_rows": "10"}), "kernel-a"),
            error="token.unknown_constraint")
verify_case("unknown-claim", "An unknown claim member (after a valid MAC: the issuer's error, still rejected)",
            mint(dict(claims(), knl="kernel-a"), "kernel-a"), error="token.malformed")
for cid, text in [("four-parts", ".".join(parts[:4])), ("version-2", "v2." + ".".join(parts[1:])),
                  ("padded-tag", tok + "="), ("bad-kid", "v1.k*1." + ".".join(parts[2:])),
                  ("empty-kernel", ".".join(parts[:2] + [""] + parts[3:])), ("short-tag", ".".join(parts[:4] + [b64u(bytes(31))]))]:
    verify_case(f"malformed-{cid}", "Token shape broken", text, error="token.malformed")
verify_case("too-large", "Over 8 KiB", tok + "A" * 8192, error="token.too_large")

doc = {"suite": "tokens.native", "version": "1", "profile": "native",
       "description": "Native kernel-scoped capability tokens: mint and verify, every error code",
       "source": f"Computed from Spec/kernel-tokens.md with pyca/cryptography {version('cryptography')} (HKDF), CPython "
                 f"{sys.version.split()[0]} hmac/base64 and rfc8785 {version('rfc8785')} (claims)",
       "operation": "token.native.verify", "cases": cases}
with open(os.path.join(os.path.dirname(__file__), "..", "tokens", "native.json"), "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
