#!/usr/bin/env python3
"""Writes TestVectors/ucan/openintent-0.17.json by running openintent 0.17's own UCANToken (encode, attenuate,
decode) from openintent.federation.security, with pyca/cryptography installed so that it signs with Ed25519.

- mint / attenuate / decode cases: the expected token bytes and decoded dicts are openintent's output.
  Attenuation is recorded as openintent does it, `parent.attenuate(aud, scope, identity)` then `encode`, with the
  parent issuer's identity passed in (openintent re-encodes and re-signs the parent with the identity it is given;
  only the parent's issuer reproduces the parent's bytes). `nbf` and `nonce` of the child are fixed after
  `attenuate` (openintent fills them from the clock and os.urandom).
- verify cases: openintent never verifies signatures or chains, so expected verdicts and codes come from the rules
  of Spec/ucan.md ("openintent profile"), named in each description. Negatives are built here (forgeries,
  escalations, swapped proofs, ...). Each negative records openintent's own verdict: `PeerAccepts` when
  `UCANToken.decode` returns without error (it is the only check openintent has).
Run: python3 -m venv v && v/bin/pip install "openintent==0.17.0" cryptography && v/bin/python openintent_ucan.py
"""
import base64, hashlib, hmac, json, os, tempfile
from importlib.metadata import version
from openintent.federation import security as oi
from openintent.federation.models import DelegationScope

NOW = 1_700_000_200
NBF, EXP = 1_700_000_000, 1_700_003_600


def identity(url, n, did=None):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(bytes([n]) * 32)
    ident = oi.ServerIdentity.from_key_file(url, f.name)
    os.unlink(f.name)
    if did:
        ident.did = did
    return ident


A = identity("https://a.example.com", 0xA1)
B = identity("https://b.example.com", 0xB2)
C = identity("https://c.example.com", 0xC3)
D = identity("https://d.example.com", 0xD4)
SEED = {A.did: 0xA1, B.did: 0xB2, C.did: 0xC3, D.did: 0xD4}
DOCS = {i.did: json.dumps(i.did_document()) for i in (A, B, C, D)}
ROOT_SCOPE = DelegationScope(permissions=["state.patch", "events.log", "intents.read", "résumé.read"],
                             denied_operations=["intents.delete"], max_delegation_depth=3)


def token(iss, aud, scope, nbf=NBF, exp=EXP, nonce="n-root", prf=()):
    return oi.UCANToken(issuer=iss.did, audience=aud.did, scope=scope, not_before=nbf, expires_at=exp, nonce=nonce,
                        proof_chain=list(prf))


def attenuate(parent_obj, parent_issuer, aud, scope, nbf, nonce):
    child = parent_obj.attenuate(aud.did, scope, parent_issuer)
    child.not_before, child.nonce = nbf, nonce
    return child


def peer_accepts(text):
    try:
        oi.UCANToken.decode(text)
        return True
    except Exception:
        return False


def b64u(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


cases = []


def verify(cid, desc, text, error=None, now=NOW, **extra):
    c = {"id": cid, "description": desc, "now": now,
         "input": {"token": text, "documents": DOCS, **extra}}
    if error:
        peer = peer_accepts(text)
        c["flags"] = ["PeerAccepts"] if peer else []
        c["description"] += f" (openintent 0.17 UCANToken.decode: {'accepts' if peer else 'raises'})"
        c["expected"] = {"result": "invalid", "error": error}
    else:
        t = oi.UCANToken.decode(text)
        c["expected"] = {"result": "valid", "output": {"scope": t.scope.to_dict(), "chain_length": len(t.proof_chain) + 1}}
    cases.append(c)


# A chain recorded from openintent: A → B → C → D
root_obj = token(A, B, ROOT_SCOPE)
root = root_obj.encode(A)
child_obj = attenuate(root_obj, A, C, DelegationScope(["state.patch", "intents.read", "admin", "résumé.read"],
                                                      ["state.delete"], 5), NBF + 100, "n-child")
child = child_obj.encode(B)
grand_obj = attenuate(child_obj, B, D, DelegationScope(["intents.read", "résumé.read"], [], 1), NBF + 200, "n-grand")
grand = grand_obj.encode(C)

# mint / attenuate / decode: openintent's bytes and dicts
cases.append({"id": "mint-root", "operation": "ucan.openintent.mint",
              "description": "UCANToken.encode: header {\"alg\": \"EdDSA\", \"typ\": \"UCAN\"}, payload json.dumps(sort_keys=True), non-ASCII escaped",
              "input": {"seed": (bytes([0xA1]) * 32).hex(), "issuer": A.did, "audience": B.did,
                        "scope": ROOT_SCOPE.to_dict(), "nbf": NBF, "exp": EXP, "nonce": "n-root"},
              "expected": {"result": "valid", "output": {"token": root}}})
cases.append({"id": "attenuate-once", "operation": "ucan.openintent.attenuate",
              "description": "UCANToken.attenuate: permissions intersect (sorted), denied unite (sorted), depth min(parent-1, child), exp and expires_at inherited, prf = parent prf + parent",
              "input": {"seed": (bytes([0xB2]) * 32).hex(), "parent": root, "audience": C.did,
                        "scope": DelegationScope(["state.patch", "intents.read", "admin", "résumé.read"],
                                                 ["state.delete"], 5).to_dict(), "nbf": NBF + 100, "nonce": "n-child"},
              "expected": {"result": "valid", "output": {"token": child}}})
cases.append({"id": "attenuate-twice", "operation": "ucan.openintent.attenuate",
              "description": "second hop: the whole chain is inlined, root first",
              "input": {"seed": (bytes([0xC3]) * 32).hex(), "parent": child, "audience": D.did,
                        "scope": DelegationScope(["intents.read", "résumé.read"], [], 1).to_dict(), "nbf": NBF + 200,
                        "nonce": "n-grand"},
              "expected": {"result": "valid", "output": {"token": grand}}})
leaf_obj = token(A, B, DelegationScope(["intents.read"], [], 0), nonce="n-leaf")
leaf = leaf_obj.encode(A)
try:
    leaf_obj.attenuate(C.did, DelegationScope(["intents.read"], [], 0), A)
    raise SystemExit("openintent allowed a delegation below depth 0")
except ValueError as e:
    assert "depth" in str(e)
cases.append({"id": "attenuate-below-depth-zero", "operation": "ucan.openintent.attenuate",
              "description": "the parent has max_delegation_depth 0: openintent raises 'Delegation depth exceeded'",
              "input": {"seed": (bytes([0xB2]) * 32).hex(), "parent": leaf, "audience": C.did,
                        "scope": DelegationScope(["intents.read"], [], 0).to_dict(), "nbf": NBF + 100,
                        "nonce": "n-x"},
              "expected": {"result": "invalid", "error": "ucan.delegation_depth_exceeded"}})
for cid, text in [("decode-root", root), ("decode-child", child), ("decode-grandchild", grand)]:
    cases.append({"id": cid, "operation": "ucan.openintent.decode", "description": "UCANToken.decode(token).to_dict()",
                  "input": {"token": text},
                  "expected": {"result": "valid", "output": oi.UCANToken.decode(text).to_dict()}})

# verify: valid chains
verify("root", "a root token, issuer key from its did:web document", root)
verify("chain-of-two", "A → B → C", child)
verify("chain-of-three", "A → B → C → D", grand)
verify("audience-is-the-verifier", "aud equals the verifier's DID", grand, audience=D.did)
K = identity("https://k.example.com", 0xE5)
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
n = int.from_bytes(b"\xed\x01" + K.public_key_bytes, "big")
z = ""
while n:
    n, r = divmod(n, 58)
    z = B58[r] + z
K.did = "did:key:z" + z
verify("did-key-issuer", "an issuer named by did:key needs no document", token(K, B, ROOT_SCOPE).encode(K))

# verify: negatives
verify("exp-equals-now", "now == exp: expired (Spec/ucan.md; openintent's is_active still says active)", root,
       "ucan.expired", now=EXP)
verify("before-nbf", "now < nbf", root, "ucan.not_yet_valid", now=NBF - 1)
esc = token(B, C, DelegationScope(["state.patch", "admin"], ["intents.delete"], 2), nonce="n-esc", prf=[root])
verify("scope-escalation", "the child adds 'admin', which the parent does not grant", esc.encode(B),
       "ucan.capability_escalation")
undeny = token(B, C, DelegationScope(["state.patch"], [], 2), nonce="n-undeny", prf=[root])
verify("denied-operation-dropped", "the child drops the parent's denied 'intents.delete'", undeny.encode(B),
       "ucan.capability_escalation")
mis = token(C, D, DelegationScope(["state.patch"], ["intents.delete"], 2), nonce="n-mis", prf=[root])
verify("broken-alignment", "the root is addressed to B, the child issued by C", mis.encode(C),
       "ucan.principal_misaligned")
deep = token(B, C, DelegationScope(["state.patch"], ["intents.delete"], 3), nonce="n-deep", prf=[root])
verify("depth-not-reduced", "max_delegation_depth 3 under a parent of 3 (must be at most 2)", deep.encode(B),
       "ucan.delegation_depth_exceeded")
neg = token(B, C, DelegationScope(["state.patch"], ["intents.delete"], -1), nonce="n-neg", prf=[root])
verify("depth-negative", "max_delegation_depth -1", neg.encode(B), "ucan.delegation_depth_exceeded")
short_obj = token(A, B, ROOT_SCOPE, exp=NBF + 500, nonce="n-short")
short_child = attenuate(short_obj, A, C, DelegationScope(["state.patch"], [], 1), NBF + 100, "n-sc")
verify("expired-parent", "the parent (and so the child, which inherits its exp) expired at nbf + 500",
       short_child.encode(B), "ucan.expired", now=NBF + 600)
late = token(B, C, DelegationScope(["state.patch"], ["intents.delete"], 1), exp=EXP + 1, nonce="n-late", prf=[root])
verify("outlives-parent", "the child's exp is after the parent's", late.encode(B), "ucan.time_bounds_violation")
h, p, s = root.split(".")
forged_root = f"{h}.{p}.{s[:-2]}{'BA' if s.endswith('AA') else 'AA'}"
forged = token(B, C, DelegationScope(["state.patch"], ["intents.delete"], 1), nonce="n-forged", prf=[forged_root])
verify("forged-inner-signature", "the root's signature was altered; the child is signed correctly",
       forged.encode(B), "crypto.signature_invalid")
resigned = root_obj.attenuate(C.did, DelegationScope(["state.patch"], [], 1), B)
resigned.not_before, resigned.nonce = NBF + 100, "n-resigned"
verify("openintent-attenuate-with-own-identity",
       "openintent's attenuate called with the delegator's own identity (B) re-signs the root with B's key under A's name",
       resigned.encode(B), "crypto.signature_invalid")
payload = b64u(json.dumps(root_obj.to_dict(), sort_keys=True).encode())
h_none = b64u(json.dumps({"alg": "none", "typ": "UCAN"}).encode())
verify("alg-none", "alg none, signature copied from the real token", f"{h_none}.{payload}.{s}",
       "ucan.unsupported_algorithm")
h_hs = b64u(json.dumps({"alg": "HS256", "typ": "UCAN"}).encode())
mac = hmac.new(A.public_key_bytes, f"{h_hs}.{payload}".encode(), hashlib.sha256).digest()
verify("hs256-public-key-as-secret", "HS256 keyed with A's public key: the key decides the algorithm",
       f"{h_hs}.{payload}.{b64u(mac)}", "ucan.unsupported_algorithm")
swapped = token(C, D, DelegationScope(["intents.read"], ["intents.delete", "state.delete"], 1), nonce="n-swap",
                prf=[child, root])
verify("swapped-proof-order", "prf lists the child before the root", swapped.encode(C), "ucan.invalid_proof")
cycle = token(B, C, DelegationScope(["state.patch"], ["intents.delete"], 1), nonce="n-cycle", prf=[root, root])
verify("proof-cycle", "the root appears twice in the chain", cycle.encode(B), "ucan.proof_cycle")
verify("trailing-part", "a fourth part after the signature", child + ".e30", "ucan.malformed")
verify("trailing-signature-bytes", "bytes appended to the signature", child + "AAAA", "ucan.malformed")
verify("audience-mismatch", "the verifier is A, the token is addressed to D", grand, "ucan.audience_mismatch",
       audience=A.did)
cases.append({"id": "no-document-for-issuer", "description": "no did:web document for the issuer", "now": NOW,
              "flags": ["PeerAccepts"], "input": {"token": root, "documents": {}},
              "expected": {"result": "invalid", "error": "did.not_resolved"}})

doc = {
    "suite": "ucan.openintent-0-17", "version": "1", "profile": "openintent-0.17",
    "description": "openintent 0.17 UCANToken: byte-identical mint and attenuate, identical decode, and verification "
                   "of the whole inline chain (signatures, alignment, scope narrowing, depth, time)",
    "source": f"Tokens and decoded dicts from running openintent {version('openintent')} (cryptography "
              f"{version('cryptography')}) by TestVectors/generators/openintent_ucan.py; verify verdicts and codes "
              "from the rules of Spec/ucan.md (openintent never verifies); openintent's decode verdict in each "
              "negative's description",
    "operation": "ucan.openintent.verify", "cases": cases,
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ucan", "openintent-0.17.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{len(cases)} cases -> {out}")
