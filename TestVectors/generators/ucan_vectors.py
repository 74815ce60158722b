#!/usr/bin/env python3
"""Writes TestVectors/ucan/ucan-0.10.json: UCAN 0.10 cases beyond the ucan-wg fixtures, built here in Python
(pyca/cryptography Ed25519, hashlib, json) without the Swift code. Tokens are JWTs as ucan-wg spec v0.10.0 §3
describes them (payload JSON with sorted keys and no whitespace, like the ucan-wg `build` fixtures); CIDs are
CIDv1 raw sha2-256 base32 (§6.5.1); revocations follow §6.6. Expected verdicts and codes come from the rules in
Spec/ucan.md (the rule each case breaks is named in its description), never from running the library.
Run: python3 -m venv v && v/bin/pip install cryptography && v/bin/python ucan_vectors.py
"""
import base64, hashlib, hmac, json, os
from importlib.metadata import version
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

NOW = 1000
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58(data):
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64u(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def key(n):
    return Ed25519PrivateKey.from_private_bytes(bytes([n]) * 32)


def did(k):
    pub = k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "did:key:z" + b58(b"\xed\x01" + pub)


def cid(token, codec=0x55):
    prefix = bytes([0x01]) + (bytes([0x55]) if codec == 0x55 else bytes([0xa9, 0x02]))
    raw = prefix + bytes([0x12, 0x20]) + hashlib.sha256(token.encode()).digest()
    return "b" + base64.b32encode(raw).decode().lower().rstrip("=")


def jwt(header, payload, signer, raw_payload=None):
    h = b64u(json.dumps(header, separators=(",", ":")).encode())
    p = b64u(raw_payload if raw_payload is not None else
             json.dumps(payload, sort_keys=True, separators=(",", ":")).encode())
    return f"{h}.{p}.{b64u(signer.sign(f'{h}.{p}'.encode()))}"


HEADER = {"alg": "EdDSA", "typ": "JWT"}
SEND = {"mailto:alice@example.com": {"msg/send": [{}]}}
A, B, C, D, E = key(1), key(2), key(3), key(4), key(5)


def ucan(iss, aud, cap=SEND, exp=2000, nbf=None, prf=None, signer=None, **extra):
    payload = {"ucv": "0.10.0", "iss": did(iss) if not isinstance(iss, str) else iss,
               "aud": aud if isinstance(aud, str) else did(aud), "exp": exp, "cap": cap}
    if nbf is not None:
        payload["nbf"] = nbf
    if prf:
        payload["prf"] = prf
    payload.update(extra)
    return jwt(HEADER, payload, signer or iss)


cases = []


def verify(cid_, desc, token, error=None, proofs=(), now=NOW, **inp):
    inp = {"token": token, "proofs": {cid(p): p for p in proofs}, **inp}
    exp = {"result": "invalid", "error": error} if error else {"result": "valid"}
    if not error:
        h, p, s = token.split(".")
        dec = lambda x: json.loads(base64.urlsafe_b64decode(x + "=" * (-len(x) % 4)))
        exp["output"] = {"header": dec(h), "payload": dec(p), "signature": s}
    cases.append({"id": cid_, "description": desc, "now": now, "input": inp, "expected": exp})


root = ucan(A, B)
child = ucan(B, C, prf=[cid(root)])

# Building and content addressing
built = ucan(A, B, exp=None, nbf=5, nnc="n-1", fct={"k": [1, "v"]}, prf=[cid(root)])
cases.append({"id": "build-nonce-facts-proofs", "operation": "ucan.build",
              "description": "every optional claim; the payload is JSON with sorted keys and no whitespace",
              "input": {"seed": (bytes([1]) * 32).hex(), "audience": did(B), "expiration": None, "not_before": 5,
                        "nonce": "n-1", "facts": {"k": [1, "v"]}, "capabilities": SEND, "proofs": [cid(root)]},
              "expected": {"result": "valid", "output": {"token": built}}})
cases.append({"id": "cid-of-a-token", "operation": "ucan.cid", "description": "CIDv1 raw sha2-256 base32 (§6.5.1)",
              "input": {"token": child}, "expected": {"result": "valid", "output": {"cid": cid(child)}}})

# Time (§3.2.3, §6.1; Spec/ucan.md verification step 3)
t = ucan(A, B, exp=1000, nbf=500)
verify("exp-equals-now-is-expired", "now == exp: expired (RFC 7519 §4.1.4 'on or after')", t, "ucan.expired")
verify("one-second-before-exp", "now == exp - 1 is inside the bounds", t, now=999)
verify("nbf-equals-now-is-valid", "now == nbf: valid (§6.1 'valid inclusive from the nbf time')", t, now=500)
verify("before-nbf", "now == nbf - 1", t, "ucan.not_yet_valid", now=499)
verify("leeway-extends-exp", "exp 1000, leeway 60, now 1059", t, now=1059, leeway=60)
verify("leeway-boundary", "exp 1000, leeway 60, now 1060: exp + leeway reached", t, "ucan.expired", now=1060,
       leeway=60)
verify("expired-proof", "token and proof both expired at 900 (every token in the chain is checked against now)",
       ucan(B, C, exp=900, prf=[cid(ucan(A, B, exp=900))]), "ucan.expired", proofs=[ucan(A, B, exp=900)])

# Header and form (Spec/ucan.md decoding table)
p = json.dumps({"ucv": "0.10.0", "iss": did(A), "aud": did(B), "exp": 2000, "cap": SEND}, sort_keys=True,
               separators=(",", ":")).encode()
h_none = b64u(b'{"alg":"none","typ":"JWT"}')
verify("alg-none-with-signature", "alg none is never supported (§3.1)",
       f"{h_none}.{b64u(p)}.{b64u(A.sign(f'{h_none}.{b64u(p)}'.encode()))}", "ucan.unsupported_algorithm")
verify("alg-none-unsigned", "alg none with an empty signature part", f"{h_none}.{b64u(p)}.", "ucan.malformed")
h_hs = b64u(b'{"alg":"HS256","typ":"JWT"}')
pub = A.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
mac = hmac.new(pub, f"{h_hs}.{b64u(p)}".encode(), hashlib.sha256).digest()
verify("hs256-public-key-as-secret", "HMAC keyed with the issuer's public key: the key decides the algorithm",
       f"{h_hs}.{b64u(p)}.{b64u(mac)}", "ucan.unsupported_algorithm")
verify("unknown-header-member", "kid is not a UCAN 0.10 header member (fail closed)",
       jwt({"alg": "EdDSA", "kid": "x", "typ": "JWT"}, {"ucv": "0.10.0", "iss": did(A), "aud": did(B), "exp": 2000,
                                                        "cap": SEND}, A), "ucan.malformed")
verify("unknown-payload-member", "iat is not a UCAN 0.10 payload member", ucan(A, B, iat=5), "ucan.malformed")
verify("trailing-part", "a fourth part after the signature", root + ".AAAA", "ucan.malformed")
verify("trailing-signature-bytes", "bytes appended to the signature (66 bytes)", root + "AAA", "ucan.malformed")
verify("duplicate-payload-key", "the payload has iss twice",
       jwt(HEADER, None, A, raw_payload=p[:-1] + b',"iss":"' + did(A).encode() + b'"}'), "ucan.malformed")
verify("unsupported-version", "ucv 0.9.0 is well-formed but not 0.10.x", ucan(A, B, ucv="0.9.0"),
       "ucan.unsupported_version")
verify("ucv-leading-zero", "ucv 0.010.0 is not semver", ucan(A, B, ucv="0.010.0"), "ucan.incorrect_type")
verify("ability-without-namespace", "an ability needs a namespace (§2.3)",
       ucan(A, B, cap={"mailto:a@b.c": {"send": [{}]}}), "ucan.incorrect_type")
verify("resource-not-a-uri", "a resource must be a URI", ucan(A, B, cap={"alice": {"msg/send": [{}]}}),
       "ucan.incorrect_type")
verify("abilities-equal-ignoring-case", "msg/send and MSG/SEND are one ability (§2.3)",
       ucan(A, B, cap={"mailto:a@b.c": {"msg/send": [{}], "MSG/SEND": [{}]}}), "ucan.incorrect_type")
verify("negative-exp", "exp must be a non-negative integer", ucan(A, B, exp=-1), "ucan.incorrect_type")

# Proofs (§3.2.7, §6.5)
verify("chain-of-two", "alice → bob → carol", child, proofs=[root])
verify("prf-dag-json-cid", "a dag-json (0x0129) CID is not the canonical raw CID",
       ucan(B, C, prf=[cid(root, codec=0x0129)]), "ucan.invalid_proof")
verify("proof-not-found", "the store lacks the proof", child, "ucan.proof_not_found")
other = ucan(A, B, exp=1999)
cases.append({"id": "store-returns-other-bytes", "description": "the store files another token under the CID",
              "now": NOW, "input": {"token": child, "proofs": {cid(root): other}},
              "expected": {"result": "invalid", "error": "ucan.invalid_proof"}})
forged = root[:-2] + ("BA" if root.endswith("AA") else "AA")
verify("forged-inner-signature", "the proof's signature was changed", ucan(B, C, prf=[cid(forged)]),
       "crypto.signature_invalid", proofs=[forged])
verify("signed-by-another-key", "iss is alice, signed by bob", ucan(A, B, signer=B), "crypto.signature_invalid")
verify("fragment-in-iss-is-aligned", "alignment ignores DID fragments (§6.2)",
       ucan(did(B) + "#" + did(B)[8:], C, prf=[cid(root)], signer=B), proofs=[root])
verify("proof-to-someone-else", "the proof is addressed to carol, the token issued by bob",
       ucan(B, D, prf=[cid(ucan(A, C))]), "ucan.principal_misaligned", proofs=[ucan(A, C)])
verify("audience-is-the-verifier", "aud equals the verifier's DID", root, audience=did(B))
verify("audience-mismatch", "the verifier is carol (§6.2.1)", root, "ucan.audience_mismatch", audience=did(C))

# Attenuation (§2.3, §3.2.6.3, §5.2)
def delegation(proof_cap, child_cap):
    r = ucan(A, B, cap=proof_cap)
    return ucan(B, C, cap=child_cap, prf=[cid(r)]), [r]


for name, pc, cc, err, desc in [
    ("top-ability-delegates-any", {"mailto:x:y": {"*": [{}]}}, {"mailto:x:y": {"msg/send": [{}]}}, None,
     "a proof's * enables every ability (§5.2)"),
    ("namespace-wildcard", {"mailto:x:y": {"msg/*": [{}]}}, {"mailto:x:y": {"msg/send": [{}]}}, None,
     "msg/* enables msg/send"),
    ("namespace-wildcard-other-namespace", {"mailto:x:y": {"msg/*": [{}]}}, {"mailto:x:y": {"crud/read": [{}]}},
     "ucan.capability_escalation", "msg/* does not enable crud/read"),
    ("wildcard-does-not-give-top", {"mailto:x:y": {"msg/*": [{}]}}, {"mailto:x:y": {"*": [{}]}},
     "ucan.capability_escalation", "msg/* does not enable *"),
    ("ability-case-insensitive", {"mailto:x:y": {"MSG/Send": [{}]}}, {"mailto:x:y": {"msg/send": [{}]}}, None,
     "abilities compare ignoring case (§2.3)"),
    ("other-resource", {"mailto:x:y": {"*": [{}]}}, {"mailto:x:z": {"msg/send": [{}]}},
     "ucan.capability_escalation", "resources must be equal"),
    ("caveat-adds-a-field", {"mailto:x:y": {"msg/send": [{"a": 1}]}},
     {"mailto:x:y": {"msg/send": [{"a": 1, "b": 2}]}}, None, "[x] → [x + z] attenuates (§3.2.6.3)"),
    ("caveat-changes-a-value", {"mailto:x:y": {"msg/send": [{"a": 1}]}}, {"mailto:x:y": {"msg/send": [{"a": 2}]}},
     "ucan.capability_escalation", "[x] → [y] escalates (§3.2.6.3)"),
    ("list-caveat-without-narrowing-rule", {"mailto:x:y": {"msg/send": [{"t": ["a", "b"]}]}},
     {"mailto:x:y": {"msg/send": [{"t": ["a"]}]}}, "ucan.capability_escalation",
     "lists narrow only where a narrowing rule says so; syntactically ['a'] is not ['a', 'b']"),
]:
    tok, prf = delegation(pc, cc)
    verify(name, desc, tok, err, proofs=prf)
tok, prf = delegation({"mailto:x:y": {"msg/send": [{"t": ["a", "b"]}]}}, {"mailto:x:y": {"msg/send": [{"t": ["a"]}]}})
verify("list-caveat-with-narrowing-rule", "narrowing_lists makes t a subset rule for msg/send", tok, proofs=prf,
       narrowing_lists={"msg/send": ["t"]})


# Revocation (§6.6)
def revocation(k, target, signer=None):
    c = cid(target)
    sig = (signer or k).sign(f"REVOKE:{c}".encode())
    return json.dumps({"challenge": b64u(sig), "iss": did(k), "revoke": c}, sort_keys=True, separators=(",", ":"))


cases.append({"id": "revocation-create", "operation": "ucan.revocation.create",
              "description": "§6.6 record: challenge = base64url(sign('REVOKE:' + cid))",
              "input": {"seed": (bytes([1]) * 32).hex(), "token": root},
              "expected": {"result": "valid", "output": {"revocation": revocation(A, root)}}})
verify("revoked-proof", "alice revokes the root: the chain through it breaks", child, "ucan.revoked", proofs=[root],
       revocations=[revocation(A, root)])
verify("revoked-by-the-token-issuer", "bob revokes his own token", child, "ucan.revoked", proofs=[root],
       revocations=[revocation(B, child)])
verify("revocation-by-an-outsider", "dan is not in the chain: the record has no effect", child, proofs=[root],
       revocations=[revocation(D, root)])
verify("revocation-by-a-later-issuer", "carol (the audience) cannot revoke the root she depends on", child,
       proofs=[root], revocations=[revocation(C, root)])
verify("forged-revocation", "the challenge is signed by another key", child, "ucan.invalid_revocation",
       proofs=[root], revocations=[revocation(A, root, signer=D)])

# Limits (Spec/limits.md)
keys = [key(10 + i) for i in range(18)]
chain = [ucan(keys[0], keys[1])]
for i in range(1, 17):
    chain.append(ucan(keys[i], keys[i + 1], prf=[cid(chain[-1])]))
verify("chain-of-16", "16 tokens deep: the limit", chain[15], proofs=chain[:15])
verify("chain-of-17", "17 tokens deep", chain[16], "ucan.chain_too_deep", proofs=chain[:16])
verify("seventeen-proofs", "17 prf entries in one token",
       ucan(B, C, prf=[cid(ucan(A, B, nnc=str(i))) for i in range(17)]), "ucan.too_many_proofs")
big = ucan(A, B, fct={"pad": "x" * 16_400})
verify("token-over-16-kib", f"{len(big)} bytes", big, "ucan.too_large")

doc = {
    "suite": "ucan.v0-10", "version": "1",
    "description": "UCAN 0.10 time boundaries, algorithm confusion, strict form, proof resolution, attenuation, "
                   "revocation and limits (beyond the ucan-wg fixtures)",
    "source": f"Tokens built independently in Python (cryptography {version('cryptography')}, hashlib) by "
              "TestVectors/generators/ucan_vectors.py per ucan-wg spec v0.10.0; verdicts and codes from the rules "
              "of Spec/ucan.md named in each case",
    "operation": "ucan.verify", "profile": "native", "cases": cases,
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ucan", "ucan-0.10.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{len(cases)} cases -> {out}")
