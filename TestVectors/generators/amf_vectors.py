#!/usr/bin/env python3
"""Writes TestVectors/federation/{advertisements,delegation,pins}.json: the Agent Mesh Framework rules as chosen in
Spec/amf.md (AMF: advertisements validated first, <= 512 bytes, required fields, tags [a-z0-9-]+; delegation chains
with mandatory cycle detection, at most 5 links, scopes a subset of the delegator's; TOFU pins sha256:<hex>).
Expected values are computed here from those rules by an independent Python implementation; SemVer validity is
cross-checked with the `semver` package (python-semver), fingerprints with pyca/cryptography's
Certificate.fingerprint over a certificate built here. No Swift output is used.
Run: python3 -m venv v && v/bin/pip install cryptography semver && v/bin/python amf_vectors.py
"""
import datetime, hashlib, itertools, json, os, re, sys
from importlib.metadata import version

import semver
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

OUT = os.path.join(os.path.dirname(__file__), "..", "federation")
PY = f"CPython {sys.version.split()[0]}"


def write(name, suite, description, source, operation, cases):
    doc = {"suite": suite, "version": "1", "profile": "native", "description": description, "source": source,
           "operation": operation, "cases": cases}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(name, len(cases), "cases")


# ---------------------------------------------------------------- advertisements
TAG = re.compile(r"^[a-z0-9-]{1,64}$")
PROTOCOLS = {"a2a", "mcp", "https", "grpc"}
REQUIRED = ["agent_id", "version", "protocol", "endpoint", "capabilities"]
MEMBERS = set(REQUIRED) | {"name"}


def validate(text):
    """Returns (None, output) or (error, None), following the check order of Spec/amf.md."""
    raw = text.encode()
    if len(raw) > 512:
        return "advertisement.too_large", None
    try:
        obj = json.loads(text, object_pairs_hook=lambda p: dict(p) if len({k for k, _ in p}) == len(p) else 1 / 0)
    except ZeroDivisionError:
        return "json.duplicate_key", None
    except json.JSONDecodeError:
        return "json.unexpected_end", None  # the only unparseable text below is a truncated object
    if not isinstance(obj, dict):
        return "advertisement.malformed", None
    if set(obj) - MEMBERS:
        return "advertisement.unknown_field", None
    if any(k not in obj for k in REQUIRED):
        return "advertisement.missing_field", None

    def s(k, mx):
        v = obj[k]
        return isinstance(v, str) and 1 <= len(v.encode()) <= mx

    if not s("agent_id", 128) or ("name" in obj and not s("name", 128)) or not s("version", 64):
        return "advertisement.malformed", None
    if not semver.Version.is_valid(obj["version"]):
        return "advertisement.invalid_version", None
    if not s("protocol", 16):
        return "advertisement.malformed", None
    if obj["protocol"] not in PROTOCOLS:
        return "advertisement.invalid_protocol", None
    if not s("endpoint", 256) or not obj["endpoint"].startswith(("https://", "wss://")):
        return "advertisement.malformed", None
    tags = obj["capabilities"]
    if not isinstance(tags, list) or not 1 <= len(tags) <= 32:
        return "advertisement.malformed", None
    if not all(isinstance(t, str) and TAG.match(t) for t in tags) or len(set(tags)) != len(tags):
        return "advertisement.invalid_tag", None
    return None, {"agent_id": obj["agent_id"], "protocol": obj["protocol"], "capabilities": tags}


def ad(**over):
    a = {"agent_id": "agent-7", "name": "Invoice agent", "version": "1.4.2", "protocol": "a2a",
         "endpoint": "https://agents.example.com/a2a", "capabilities": ["billing", "invoice-read", "pdf-2"]}
    a.update(over)
    return json.dumps({k: v for k, v in a.items() if v is not ...}, separators=(",", ":"), ensure_ascii=False)


texts = [("minimal-valid", ad()), ("no-name", ad(name=...)), ("wss-endpoint", ad(endpoint="wss://mesh.example/ws")),
         ("every-protocol-mcp", ad(protocol="mcp")), ("protocol-grpc", ad(protocol="grpc")),
         ("protocol-https", ad(protocol="https"))]
for v in ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0+20130313144700",
          "1.0.0-beta+exp.sha.5114f85", "0.0.0", "10.20.30"]:
    texts.append((f"semver-{v}".replace("+", "-build-"), ad(version=v)))
for v in ["1.0", "1", "v1.0.0", "01.0.0", "1.0.0-01", "1.0.0-", "1.0.0+", "1.0.0-alpha..1", "1.0.0 ", "1.0.0-al_pha",
          "1.0.0+build+2", "1.2.3.4", "-1.0.0"]:
    texts.append((f"semver-bad-{v.strip()}".replace("+", "-build-").replace("..", "-dots-").replace(" ", "") + ("-space" if " " in v else ""), ad(version=v)))
for t in ["Billing", "bill_ing", "bill ing", "", "caf\u00e9", "a" * 65, "a.b"]:
    label = {"bill ing": "space", "caf\u00e9": "non-ascii", "a.b": "dot", "": "empty"}.get(t, t[:10])
    texts.append((f"tag-bad-{label}", ad(capabilities=["billing", t])))
texts += [
    ("tag-at-64", ad(capabilities=["a" * 64])), ("tags-duplicate", ad(capabilities=["billing", "billing"])),
    ("tags-empty-list", ad(capabilities=[])), ("tags-33", ad(capabilities=[f"t{i}" for i in range(33)], name=...)),
    ("tag-not-string", ad(capabilities=[1])), ("capabilities-not-array", ad(capabilities="billing")),
    ("protocol-upper", ad(protocol="A2A")), ("protocol-http", ad(protocol="http")), ("protocol-number", ad(protocol=2)),
    ("missing-agent-id", ad(agent_id=...)), ("missing-version", ad(version=...)), ("missing-protocol", ad(protocol=...)),
    ("missing-endpoint", ad(endpoint=...)), ("missing-capabilities", ad(capabilities=...)),
    ("unknown-field", ad(ttl=60)), ("unknown-before-missing", ad(ttl=60, version=...)),
    ("http-endpoint", ad(endpoint="http://agents.example.com")), ("empty-agent-id", ad(agent_id="")),
    ("version-number", ad(version=1)), ("not-object", "[1,2]"), ("not-json", "{\"agent_id\":"),
    ("duplicate-key", ad()[:-1] + ',"agent_id":"x"}'),
]


def sized(n):
    """An otherwise valid advertisement of exactly n bytes, padded with 64-byte tags and one shorter tag."""
    tags = []
    while len(ad(capabilities=tags + ["t" * 64]).encode()) <= n - 3:
        tags.append(f"{len(tags):02d}" + "t" * 62)
    rest = n - len(ad(capabilities=tags + [""]).encode())
    return ad(capabilities=tags + ["z" * rest])


texts.append(("size-512", sized(512)))
texts.append(("size-513", sized(513)))
texts.append(("size-over-before-json", "{" * 600))
cases = []
for cid, text in texts:
    err, out = validate(text)
    if cid == "not-json":
        err = "json.unexpected_end"
    if cid.startswith("size-51"):
        assert len(text.encode()) == int(cid[5:]) and (err is None) == (cid == "size-512"), (cid, err)
    case = {"id": cid, "input": {"text": text}}
    case["expected"] = {"result": "valid", "output": out} if err is None else {"result": "invalid", "error": err}
    cases.append(case)
write("advertisements.json", "federation.advertisements",
      "AMF capability advertisements: size first, then JSON, members, SemVer version, protocol, tags",
      f"Computed from the rules of Spec/amf.md by an independent Python validator ({PY}); SemVer 2.0.0 validity "
      f"from python-semver {version('semver')} (semver.Version.is_valid)", "advertisement.validate", cases)

# ---------------------------------------------------------------- delegation
def verify(chain, max_depth=5, strict=False):
    if not chain:
        return "delegation.malformed", None
    if len(chain) > max_depth:
        return "delegation.too_deep", None
    for a, b in zip(chain, chain[1:]):
        if a["delegate"] != b["delegator"]:
            return "delegation.broken_chain", None
    seen = [chain[0]["delegator"]]
    for link in chain:
        if link["delegate"] in seen:
            return "delegation.cycle", None
        seen.append(link["delegate"])
    held = set(chain[0]["scopes"])
    for link in chain[1:]:
        granted = set(link["scopes"])
        if not granted <= held or (strict and not granted < held):
            return "delegation.scope_escalation", None
        held = granted
    return None, {"scopes": sorted(held, key=lambda s: s.encode())}


def link(a, b, *scopes):
    return {"delegator": a, "delegate": b, "scopes": list(scopes)}


chains = [
    ("single", [link("root", "a", "read", "write")]),
    ("narrowing", [link("root", "a", "read", "write", "admin"), link("a", "b", "read", "write"), link("b", "c", "read")]),
    ("same-scopes", [link("root", "a", "read", "write"), link("a", "b", "write", "read")]),
    ("empty-scopes-last", [link("root", "a", "read"), link("a", "b")]),
    ("five-links", [link(f"p{i}", f"p{i+1}", *[f"s{j}" for j in range(6 - i)]) for i in range(5)]),
    ("six-links", [link(f"p{i}", f"p{i+1}", *[f"s{j}" for j in range(7 - i)]) for i in range(6)]),
    ("escalation", [link("root", "a", "read"), link("a", "b", "read", "write")]),
    ("escalation-later", [link("root", "a", "read", "write"), link("a", "b", "read"), link("b", "c", "write")]),
    ("cycle-back-to-root", [link("root", "a", "x"), link("a", "root", "x")]),
    ("cycle-middle", [link("root", "a", "x"), link("a", "b", "x"), link("b", "a", "x")]),
    ("self-delegation", [link("root", "root", "x")]),
    ("cycle-beats-escalation", [link("root", "a", "x"), link("a", "root", "x", "y")]),
    ("broken", [link("root", "a", "x"), link("b", "c", "x")]),
    ("empty", []),
    ("unicode-principals", [link("did:web:a.example", "did:web:b.example", "caf\u00e9"), link("did:web:b.example", "did:key:z6Mk", "caf\u00e9")]),
    ("normalisation-is-not-equality", [link("caf\u00e9", "cafe\u0301", "x")]),
]
cases = []
for cid, chain in chains:
    for strict in (False, True):
        for max_depth in ((5, 6) if cid in ("five-links", "six-links") else (5,)):
            err, out = verify(chain, max_depth, strict)
            inp = {"chain": json.dumps(chain, ensure_ascii=False)}
            if strict:
                inp["strict"] = True
            if max_depth != 5:
                inp["max_depth"] = max_depth
            sid = f"{cid}-{'strict' if strict else 'non-strict'}" + (f"-depth-{max_depth}" if max_depth != 5 else "")
            cases.append({"id": sid, "input": inp, "expected": {"result": "valid", "output": out} if err is None
                          else {"result": "invalid", "error": err}})
for cid, text in [("link-missing-scopes", '[{"delegator":"a","delegate":"b"}]'),
                  ("link-extra-member", '[{"delegator":"a","delegate":"b","scopes":[],"exp":1}]'),
                  ("scope-not-string", '[{"delegator":"a","delegate":"b","scopes":[1]}]'),
                  ("chain-not-array", '{"delegator":"a"}')]:
    cases.append({"id": cid, "input": {"chain": text}, "expected": {"result": "invalid", "error": "delegation.malformed"}})
deep = [link(f"p{i}", f"p{i+1}", "x") for i in range(64)]
cases.append({"id": "hard-max-depth", "input": {"chain": json.dumps(deep), "max_depth": 64},
              "expected": {"result": "valid", "output": {"scopes": ["x"]}}})
write("delegation.json", "federation.delegation",
      "AMF delegation chains: depth (default 5, configurable), continuity, cycle detection, scope subsets "
      "(non-strict: subset or equal, the default; strict: proper subset)",
      f"Computed from the rules of Spec/amf.md by an independent Python implementation ({PY})", "delegation.verify", cases)

# ---------------------------------------------------------------- pins
key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "partner.example.com")])
t0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(t0).not_valid_after(t0 + datetime.timedelta(days=365)).sign(key, None))
der = cert.public_bytes(serialization.Encoding.DER)
fp = "sha256:" + cert.fingerprint(hashes.SHA256()).hex()
assert fp == "sha256:" + hashlib.sha256(der).hexdigest()
other = "sha256:" + hashlib.sha256(b"another certificate").hexdigest()
cases = [{"id": "fingerprint-of-certificate", "operation": "pin.fingerprint",
          "description": "pyca/cryptography Certificate.fingerprint(SHA256) of a self-signed Ed25519 certificate",
          "input": {"certificate": der.hex()}, "expected": {"result": "valid", "output": {"fingerprint": fp}}}]
P = "did:web:partner.example.com"
for cid, pins, peer, f, err, outcome in [
    ("first-use-pins", {}, "https://partner.example.com", fp, None, "pinned"),
    ("same-fingerprint-matches", {"https://partner.example.com": fp}, "https://partner.example.com", fp, None, "matched"),
    ("other-spelling-same-pin", {"https://partner.example.com": fp}, "did:web:PARTNER.example.com", fp, None, "matched"),
    ("mismatch", {"https://partner.example.com": fp}, "HTTPS://partner.example.com:443/", other, "pin.mismatch", None),
    ("other-peer-pins-separately", {"https://partner.example.com": fp}, "https://other.example.com", other, None, "pinned"),
    ("uppercase-hex", {}, P, fp.upper().replace("SHA256", "sha256"), "pin.invalid_fingerprint", None),
    ("no-prefix", {}, P, fp[7:], "pin.invalid_fingerprint", None),
    ("sha1-prefix", {}, P, "sha1:" + hashlib.sha1(der).hexdigest(), "pin.invalid_fingerprint", None),
    ("short", {}, P, fp[:-2], "pin.invalid_fingerprint", None),
    ("colons", {}, P, "sha256:" + ":".join(fp[7:][i:i + 2] for i in range(0, 64, 2)), "pin.invalid_fingerprint", None),
    ("invalid-peer", {}, "partner.example.com", fp, "trust.invalid_peer", None),
]:
    inp = {"peer": peer, "fingerprint": f}
    if pins:
        inp["pins"] = pins
    exp = {"result": "valid", "output": {"outcome": outcome, "peer": P if "partner" in peer.lower() else "did:web:other.example.com"}} \
        if err is None else {"result": "invalid", "error": err}
    cases.append({"id": cid, "input": inp, "expected": exp})
cases.append({"id": "store-full", "input": {"pins": {"https://a.example": fp}, "capacity": 1, "peer": P, "fingerprint": fp},
              "expected": {"result": "invalid", "error": "pin.store_full"}})
cases.append({"id": "store-full-still-matches-known", "input": {"pins": {P: fp}, "capacity": 1, "peer": P, "fingerprint": fp},
              "expected": {"result": "valid", "output": {"outcome": "matched", "peer": P}}})
write("pins.json", "federation.pins", "TOFU pins of peers' certificate fingerprints (sha256:<hex>)",
      f"Computed from Spec/amf.md §Pinning ({PY} hashlib); the fingerprint from pyca/cryptography "
      f"{version('cryptography')} Certificate.fingerprint", "pin.check", cases)
