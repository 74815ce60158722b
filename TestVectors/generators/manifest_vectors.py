#!/usr/bin/env python3
"""Writes TestVectors/federation/manifests.json: capability manifests advertised, signed and imported
(Spec/manifests.md). Expected values are computed here from the spec's rules with independent primitives:
pyca/cryptography Ed25519 for the detached JWS, rfc8785 for canonical JSON, a base58btc written here for did:key.
No Swift output is used. weaver-kernel 0.12.0 (federation.import_manifest over CapabilityManifest.from_dict) is run
on every import case: its verdict is in the description, and the case is flagged PeerAccepts where it imports what
we reject (it has no signatures, ignores unknown members and never sees internal-field or size rules).
Run: python3 -m venv v && v/bin/pip install weaver-kernel==0.12.0 cryptography rfc8785 && v/bin/python manifest_vectors.py
"""
import base64, copy, json, os, sys
from importlib.metadata import version

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization
from weaver_kernel import federation as wkf
from weaver_kernel.models import CapabilityManifest as WKManifest, Capability as WKCapability, ImplementationRef
from weaver_kernel.enums import SafetyClass as WKSafety
from weaver_kernel.registry import CapabilityRegistry as WKRegistry

OUT = os.path.join(os.path.dirname(__file__), "..", "federation")
NOW = 1_800_000_000
WK = f"weaver-kernel {version('weaver-kernel')}"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58(data):
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


class Kernel:
    def __init__(self, seed):
        self.seed = seed
        self.key = Ed25519PrivateKey.from_private_bytes(seed)
        pub = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        mb = "z" + b58(b"\xed\x01" + pub)
        self.did, self.kid = "did:key:" + mb, "did:key:" + mb + "#" + mb

    def sign(self, payload, kid=None):
        header = b64u(rfc8785.dumps({"alg": "EdDSA", "kid": kid or self.kid}))
        sig = self.key.sign((header + "." + b64u(payload)).encode())
        return header + ".." + b64u(sig)


A, B = Kernel(bytes(range(32))), Kernel(bytes(range(32, 64)))


def desc(cid, sensitivity="NONE", **over):
    d = {"capability_id": cid, "name": cid.split(".")[-1], "description": f"{cid} (é ✓)", "safety_class": "READ",
         "sensitivity": sensitivity, "tags": ["billing", "read-only"],
         "parameters_schema": {"type": "object", "properties": {"limit": {"type": "integer"}}}}
    d.update(over)
    return {k: v for k, v in d.items() if v is not ...}


def manifest(caps, **over):
    m = {"kernel_id": "kernel-a", "version": "1", "endpoint": "https://kernel-a.example/kernel",
         "trust_level": "verified", "capabilities": caps}
    m.update(over)
    return {k: v for k, v in m.items() if v is not ...}


def text(m):
    return rfc8785.dumps(m).decode()


def weaver(mtext, registered, policy="most_restrictive"):
    try:
        reg = WKRegistry()
        for cid in registered:
            reg.register(WKCapability(capability_id=cid, name=cid, description="", safety_class=WKSafety.READ,
                                      impl=ImplementationRef(driver_id="local", operation=cid)))
        m = WKManifest.from_dict(json.loads(mtext))
        caps = wkf.import_manifest(manifest=m, registry=reg, driver_id="remote", trust_policy=policy)
        return [c.capability_id for c in caps], {c.capability_id: c.sensitivity.value for c in caps}
    except Exception as e:
        return e.__class__.__name__


cases = []
# ---- advertise: internal members stripped, unknown rejected; output is RFC 8785 text of the manifest
records = [dict(desc("billing.invoices.list", "PII"), impl={"driver_id": "pg", "operation": "SELECT_INVOICES"},
                driver_config={"dsn": "postgres://secret@db/billing"}, tool_hints={"x": 1}),
           dict(desc("billing.invoices.void", safety_class="DESTRUCTIVE"), driver_id="pg", operation="void_invoice",
                parameters_model="billing.models.VoidArgs")]
stripped = [desc("billing.invoices.list", "PII"), desc("billing.invoices.void", safety_class="DESTRUCTIVE")]
cases.append({"id": "advertise-strips-internal", "operation": "manifest.advertise",
              "description": "driver ids, operations, driver config, tool hints and parameter models never leave the kernel",
              "input": {"kernel_id": "kernel-a", "endpoint": "https://kernel-a.example/kernel", "trust_level": "verified",
                        "records": json.dumps(records, ensure_ascii=False)},
              "expected": {"result": "valid", "output": {"manifest": text(manifest(stripped))}}})
minimal = [{"capability_id": "x.y", "name": "y", "description": "", "safety_class": "WRITE"}]
cases.append({"id": "advertise-defaults", "operation": "manifest.advertise",
              "description": "absent sensitivity, tags, parameters_schema are written as NONE, [], null",
              "input": {"kernel_id": "k", "endpoint": "mcp://stdio", "records": json.dumps(minimal)},
              "expected": {"result": "valid", "output": {"manifest": text(manifest(
                  [dict(minimal[0], sensitivity="NONE", tags=[], parameters_schema=None)], kernel_id="k",
                  endpoint="mcp://stdio", trust_level="unverified"))}}})
cases.append({"id": "advertise-rejects-unknown", "operation": "manifest.advertise",
              "description": "a member nobody declared safe to publish is rejected, not copied",
              "input": {"kernel_id": "k", "endpoint": "e", "records": json.dumps([dict(minimal[0], secret_sauce=1)])},
              "expected": {"result": "invalid", "error": "manifest.malformed"}})

# ---- sign: Ed25519 is deterministic, so the JWS is fixed
M1 = text(manifest([desc("billing.invoices.list", "PII"), desc("billing.invoices.void", "SECRETS",
                                                                safety_class="DESTRUCTIVE")]))
cases.append({"id": "sign", "operation": "manifest.sign", "description": "detached JWS over the exact bytes, kid = did:key",
              "input": {"seed": A.seed.hex(), "manifest": M1}, "expected": {"result": "valid", "output": {"jws": A.sign(M1.encode())}}})
cases.append({"id": "sign-key-id", "operation": "manifest.sign", "input": {
    "seed": A.seed.hex(), "manifest": M1, "key_id": "did:web:kernel-a.example#key-1"},
    "expected": {"result": "valid", "output": {"jws": A.sign(M1.encode(), "did:web:kernel-a.example#key-1")}}})


def imp(cid, mtext, error=None, signature=..., signer=A.did, allow_unsigned=None, registered=(), policy=None,
        max_bytes=None, max_caps=None, imported=None, sens=None, desc_text=""):
    sig = A.sign(mtext.encode()) if signature is ... else signature
    inp = {"manifest": mtext}
    if sig is not None:
        inp["signature"] = sig
    if signer is not None:
        inp["expected_signer"] = signer
    for k, v in [("allow_unsigned", allow_unsigned), ("trust_policy", policy), ("max_bytes", max_bytes),
                 ("max_capabilities", max_caps)]:
        if v is not None:
            inp[k] = v
    if registered:
        inp["registered"] = list(registered)
    peer = weaver(mtext, registered, policy or "most_restrictive")
    peer_text = f"{WK} import_manifest: " + (("imports " + ", ".join(peer[0])) if isinstance(peer, tuple) else f"raises {peer}")
    case = {"id": cid, "now": NOW, "description": (desc_text + "; " if desc_text else "") + peer_text, "input": inp}
    if error:
        case["expected"] = {"result": "invalid", "error": error}
        if isinstance(peer, tuple):
            case["flags"] = ["PeerAccepts"]
    else:
        m = json.loads(mtext)
        ids = [c["capability_id"] for c in m["capabilities"]]
        out = {"imported": ids, "sensitivities": sens or {c["capability_id"]: c.get("sensitivity", "NONE")
                                                          for c in m["capabilities"]}}
        if sig is not None:
            out["signed_by"] = A.kid
        case["expected"] = {"result": "valid", "output": out}
        assert peer == (ids, out["sensitivities"]), (cid, peer)  # weaver agrees on ids and sensitivities
    cases.append(case)


imp("import-signed", M1, desc_text="signed by the expected kernel")
imp("import-local-only-drops-remote-sensitivity", M1, policy="local_only",
    sens={"billing.invoices.list": "NONE", "billing.invoices.void": "NONE"})
imp("import-remote-deferred-keeps-remote-sensitivity", M1, policy="remote_deferred")
imp("import-unsigned-allowed", M1, signature=None, signer=None, allow_unsigned=True)
imp("import-unsigned-refused", M1, "manifest.unsigned", signature=None)
imp("import-unsigned-refused-by-default-without-signer", M1, "manifest.unsigned", signature=None, signer=None)
imp("import-bad-signature-even-if-unsigned-allowed", M1, "crypto.signature_invalid", allow_unsigned=True,
    signature=A.sign((M1 + " ").encode()))
imp("import-changed-bytes", M1.replace('"PII"', '"NONE"'), "crypto.signature_invalid", signature=A.sign(M1.encode()),
    desc_text="sensitivity downgraded in transit")
imp("import-reserialised-bytes", json.dumps(json.loads(M1)), "crypto.signature_invalid", signature=A.sign(M1.encode()),
    desc_text="same JSON value, other bytes: the signature covers the bytes")
imp("import-wrong-signer", M1, "manifest.wrong_signer", signature=B.sign(M1.encode()))
imp("import-signer-not-configured", M1, "manifest.wrong_signer", signer=None)
imp("import-kid-not-a-did", M1, "manifest.wrong_signer", signature=A.sign(M1.encode(), "key-1"))
imp("import-jws-malformed", M1, "envelope.malformed", signature="abc.def.ghi")
M_DUP = text(manifest([desc("a.b"), desc("a.b")]))
imp("import-duplicate", M_DUP, "manifest.duplicate_capability")
M_AB = text(manifest([desc("a.new"), desc("a.b")]))
imp("import-already-registered", M_AB, "manifest.capability_exists", registered=["a.b"],
    desc_text="all-or-nothing: a.new is not imported either")
imp("import-internal-field", text(manifest([dict(desc("a.b"), driver_config={"dsn": "x"})])), "manifest.internal_field")
imp("import-internal-operation", text(manifest([dict(desc("a.b"), operation="DROP")])), "manifest.internal_field")
imp("import-unknown-descriptor-member", text(manifest([dict(desc("a.b"), cost=3)])), "manifest.malformed")
imp("import-unknown-manifest-member", text(manifest([desc("a.b")], extra=1)), "manifest.malformed")
imp("import-version-2", text(manifest([desc("a.b")], version="2")), "manifest.unsupported_version")
imp("import-no-endpoint", text(manifest([desc("a.b")], endpoint="")), "manifest.malformed")
imp("import-missing-kernel", text(manifest([desc("a.b")], kernel_id=...)), "manifest.malformed")
imp("import-bad-safety", text(manifest([desc("a.b", safety_class="read")])), "manifest.malformed")
imp("import-bad-sensitivity", text(manifest([desc("a.b", "TOP")])), "manifest.malformed")
imp("import-bad-trust-level", text(manifest([desc("a.b")], trust_level="trusted")), "manifest.malformed")
imp("import-capabilities-not-array", text(manifest({"a.b": desc("a.b")})), "manifest.malformed")
imp("import-optional-members-absent", text(manifest([{"capability_id": "a.b", "name": "b", "description": "",
                                                       "safety_class": "READ"}], trust_level=...)),
    desc_text="sensitivity, tags, parameters_schema, trust_level may be absent (as weaver allows)")
imp("import-not-json", "{\"kernel_id\":", "json.unexpected_end")
imp("import-duplicate-json-key", '{"version":"1","version":"1"}', "json.duplicate_key")
M3 = text(manifest([desc(f"c.{i}") for i in range(3)]))
imp("import-count-at-limit", M3, max_caps=3)
imp("import-count-over-limit", M3, "manifest.too_many_capabilities", max_caps=2)
imp("import-size-at-limit", M3, max_bytes=len(M3.encode()))
imp("import-size-over-limit", M3, "manifest.too_large", max_bytes=len(M3.encode()) - 1,
    desc_text="checked before the signature and the JSON")

os.makedirs(OUT, exist_ok=True)
doc = {"suite": "federation.manifests", "version": "1", "profile": "native",
       "description": "Capability manifests: advertise (internal members stripped), sign over the exact bytes, "
                      "import all-or-nothing with signature, duplicates and limits",
       "source": f"Computed from Spec/manifests.md with pyca/cryptography {version('cryptography')} (Ed25519), rfc8785 "
                 f"{version('rfc8785')} and CPython {sys.version.split()[0]}; {WK} import_manifest run on every import "
                 "case (verdict in the description, PeerAccepts where it imports what we reject)",
       "operation": "manifest.import", "cases": cases}
with open(os.path.join(OUT, "manifests.json"), "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
