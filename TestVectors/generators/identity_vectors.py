#!/usr/bin/env python3
"""Writes TestVectors/identity/{did-key,key-formats,did-web,did-documents}.json.

Independent sources only:
- did:key: the W3C CCG vectors (TestVectors/external/did-key/ed25519-x25519.json) for positives; negatives built by
  changing one thing in a W3C DID, with the did:key spec's error for that change (mapped to our codes in
  Spec/identity.md); key validity from libsodium via PyNaCl.
- key formats: pyca/cryptography (PKCS#8 and SubjectPublicKeyInfo PEM) and joserfc (OKP JWK), RFC 8410 §10 examples.
- did:web: the did:web spec's own examples (§3.2), openintent 0.17's ServerIdentity for its port form.
- documents: the W3C vectors' DID documents and openintent 0.17's ServerIdentity.did_document().
Run: python3 -m venv v && v/bin/pip install cryptography joserfc PyNaCl "openintent==0.17.0" && v/bin/python identity_vectors.py
"""
import base64, json, os, sys
from importlib.metadata import version
import base58
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc.jwk import OKPKey
import nacl.bindings as sodium
from openintent.federation import security as oi

HERE = os.path.dirname(__file__)
OUT = os.path.join(HERE, "..", "identity")
W3C = json.load(open(os.path.join(HERE, "..", "external", "did-key", "ed25519-x25519.json")))
PY = f"CPython {sys.version.split()[0]}"


def write(name, suite, description, source, operation, cases):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"suite": suite, "version": "1", "description": description, "source": source,
                   "operation": operation, "cases": cases}, f, indent=2, ensure_ascii=False)
        f.write("\n")


def ok(cid, desc, inp, out=None, op=None):
    c = {"id": cid, "description": desc, "input": inp, "expected": {"result": "valid"}}
    if out is not None:
        c["expected"]["output"] = out
    if op:
        c["operation"] = op
    return c


def bad(cid, desc, inp, code, op=None):
    c = {"id": cid, "description": desc, "input": inp, "expected": {"result": "invalid", "error": code}}
    if op:
        c["operation"] = op
    return c


# ---------- did:key ----------
cases = []
w3c_keys = []
for did, entry in W3C.items():
    vk = entry["verificationKeyPair"]
    pub = base58.b58decode(vk["publicKeyBase58"]) if "publicKeyBase58" in vk else \
        base64.urlsafe_b64decode(vk["publicKeyJwk"]["x"] + "==")
    n = len(w3c_keys)
    w3c_keys.append((did, pub, entry))
    cases.append(ok(f"w3c-{n}-parse", f"W3C vector {did[:20]}…: the DID names this key", {"did": did},
                    {"public_key": pub.hex()}))
    cases.append(ok(f"w3c-{n}-parse-key-id", "The DID URL of its verification method", {"did": did + vk["id"] if vk["id"].startswith("#") else vk["id"]},
                    {"public_key": pub.hex()}))
    cases.append(ok(f"w3c-{n}-format", "Formatting the key gives the W3C DID", {"public_key": pub.hex()},
                    {"did": did}, op="did.key.format"))
did0, pub0, entry0 = w3c_keys[0]
mb0 = did0[len("did:key:"):]
x25519 = "did:key:" + entry0["keyAgreementKeyPair"]["id"].lstrip("#")  # the W3C file gives relative ids
raw0 = base58.b58decode(mb0[1:])
assert raw0[:2] == b"\xed\x01"
small = bytes(32)
assert not sodium.crypto_core_ed25519_is_valid_point(small)
negatives = [
    ("x25519-key", "An X25519 did:key (multicodec 0xec): unsupportedPublicKeyType", x25519, "did.unsupported_key_type"),
    ("short-key", "ed25519-pub with 31 key bytes: invalidPublicKeyLength",
     "did:key:z" + base58.b58encode(raw0[:-1]).decode(), "did.invalid_key_length"),
    ("long-key", "ed25519-pub with 33 key bytes: invalidPublicKeyLength",
     "did:key:z" + base58.b58encode(raw0 + b"\x00").decode(), "did.invalid_key_length"),
    ("small-order-key", "ed25519-pub of the all-zero (small-order) point: invalidPublicKey",
     "did:key:z" + base58.b58encode(b"\xed\x01" + small).decode(), "did.invalid_public_key"),
    ("base64url-multibase", "Multibase prefix 'u' instead of 'z': invalidDid",
     "did:key:u" + base64.urlsafe_b64encode(raw0).decode().rstrip("="), "did.invalid_did"),
    ("bad-base58-character", "A '0' (not in the base58 alphabet): invalidDid", did0[:-1] + "0", "did.invalid_did"),
    ("non-minimal-varint", "Multicodec written as a non-minimal varint (ed 81 00): invalidDid",
     "did:key:z" + base58.b58encode(b"\xed\x81\x00" + pub0).decode(), "did.invalid_did"),
    ("upper-case-scheme", "DID: in upper case is not the did scheme", "DID:key:" + mb0, "did.invalid_did"),
    ("empty-value", "did:key: with nothing after it", "did:key:", "did.invalid_did"),
    ("wrong-method", "did:web is not did:key", "did:web:example.com", "did.unsupported_method"),
    ("fragment-mismatch", "The only verification method of a did:key is #<its own value>", did0 + "#key-1",
     "did.key_not_found"),
    ("empty-fragment", "An empty fragment", did0 + "#", "did.invalid_did"),
    ("version-prefix", "A version segment is not supported", "did:key:1:" + mb0, "did.invalid_did"),
]
for cid, desc, did, code in negatives:
    cases.append(bad(cid, desc, {"did": did}, code))
write("did-key.json", "identity.did-key", "did:key for Ed25519: parse and format, with the did:key spec's errors",
      "W3C CCG did-method-key test vectors (commit f5abee84) for positives; negatives derived from them per the "
      f"did:key spec §4 error conditions; key validity confirmed with libsodium via PyNaCl; base58 {version('base58')}",
      "did.key.parse", cases)

# ---------- key formats ----------
cases = []
for seed_byte in (0, 1, 2, 3):
    seed = bytes(31) + bytes([seed_byte])  # the W3C vectors' seeds: 0x00..00, 0x00..01, …
    sk = Ed25519PrivateKey.from_private_bytes(seed)
    pub = sk.public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    pkcs8 = sk.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode()
    spki = sk.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo).decode()
    jwk_priv = OKPKey.import_key(pkcs8).as_dict(private=True)
    jwk_pub = OKPKey.import_key(spki).as_dict(private=False)
    jwk_priv = {k: jwk_priv[k] for k in ("kty", "crv", "x", "d")}
    jwk_pub = {k: jwk_pub[k] for k in ("kty", "crv", "x")}
    s = f"seed-{seed_byte}"
    cases.append(ok(f"{s}-pkcs8-import", "PKCS#8 PEM written by pyca/cryptography", {"format": "pkcs8_pem", "data": pkcs8},
                    {"public_key": pub.hex()}))
    cases.append(ok(f"{s}-spki-import", "SubjectPublicKeyInfo PEM written by pyca/cryptography",
                    {"format": "spki_pem", "data": spki}, {"public_key": pub.hex()}))
    cases.append(ok(f"{s}-jwk-private-import", "Private OKP JWK written by joserfc",
                    {"format": "jwk", "data": json.dumps(jwk_priv)}, {"public_key": pub.hex()}))
    cases.append(ok(f"{s}-jwk-public-import", "Public OKP JWK written by joserfc",
                    {"format": "jwk", "data": json.dumps(jwk_pub)}, {"public_key": pub.hex()}))
    cases.append(ok(f"{s}-raw-seed-import", "openintent's key file: the raw 32-byte seed",
                    {"format": "raw_seed", "data": seed.hex()}, {"public_key": pub.hex()}))
    cases.append(ok(f"{s}-pkcs8-export", "Exported PKCS#8 PEM equals pyca/cryptography's", {"seed": seed.hex(),
                    "format": "pkcs8_pem"}, {"data": pkcs8}, op="key.export"))
    cases.append(ok(f"{s}-spki-export", "Exported SPKI PEM equals pyca/cryptography's", {"seed": seed.hex(),
                    "format": "spki_pem"}, {"data": spki}, op="key.export"))
# RFC 8410 §10.1 / §10.3 examples
cases.append(ok("rfc8410-10.1-public", "RFC 8410 §10.1 example public key",
                {"format": "spki_pem", "data": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"},
                {"public_key": "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1"}))
rfc_priv = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n"
rfc_pub = ser.load_pem_private_key(rfc_priv.encode(), None).public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
cases.append(ok("rfc8410-10.3-private", "RFC 8410 §10.3 example private key (public key from pyca/cryptography)",
                {"format": "pkcs8_pem", "data": rfc_priv}, {"public_key": rfc_pub.hex()}))
sk0 = Ed25519PrivateKey.from_private_bytes(bytes(32))
pkcs8_0 = sk0.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode()
spki_0 = sk0.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo).decode()
x0 = json.loads(json.dumps(OKPKey.import_key(spki_0).as_dict()))["x"]
d0 = OKPKey.import_key(pkcs8_0).as_dict(private=True)["d"]
other_x = OKPKey.import_key(Ed25519PrivateKey.from_private_bytes(bytes(31) + b"\x01").public_key().public_bytes(
    ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)).as_dict()["x"]
# RFC 7468 §2 allows CRLF line ends: pyca/cryptography reads this block, and its public key is the expected value.
pkcs8_0_crlf = pkcs8_0.replace("\n", "\r\n")
crlf_pub = ser.load_pem_private_key(pkcs8_0_crlf.encode(), None).public_key().public_bytes(
    ser.Encoding.Raw, ser.PublicFormat.Raw)
cases.append(ok("pem-crlf-lines", "PKCS#8 PEM with CRLF line ends (RFC 7468 §2; read by pyca/cryptography)",
                {"format": "pkcs8_pem", "data": pkcs8_0_crlf}, {"public_key": crlf_pub.hex()}))
# Look-alike text: compared by code points, U+212A KELVIN SIGN is not "K" (Swift's String == says it is).
kelvin_pem = pkcs8_0.replace("PRIVATE KEY", "PRIVATE \u212aEY")
kelvin_jwk = {"kty": "O\u212aP", "crv": "Ed25519", "x": x0}
try:
    ser.load_pem_private_key(kelvin_pem.encode(), None)
    raise SystemExit("pyca/cryptography read a KELVIN SIGN label")
except ValueError:
    pass
for cid, desc, fmt, data, code in [
    ("pem-label-kelvin-sign", "BEGIN PRIVATE \u212aEY: a look-alike label (pyca/cryptography rejects it)", "pkcs8_pem",
     kelvin_pem, "key.invalid_pem"),
    ("jwk-kty-kelvin-sign", "kty O\u212aP: not OKP (RFC 7517 §4.1 kty is a case-sensitive string, RFC 8037 §2 "
     "OKP; joserfc's OKPKey.import_key does not check kty and reads it)", "jwk", json.dumps(kelvin_jwk),
     "key.invalid_jwk"),
    ("pem-wrong-label", "A PUBLIC KEY block where a PRIVATE KEY is expected", "pkcs8_pem", spki_0, "key.invalid_pem"),
    ("pem-no-footer", "PEM without its END line", "pkcs8_pem", pkcs8_0.split("-----END")[0], "key.invalid_pem"),
    ("pem-junk-in-body", "A '!' in the base64 body", "spki_pem", spki_0.replace("MCow", "MC!w"), "key.invalid_pem"),
    ("pem-text-before", "Text before the BEGIN line", "spki_pem", "hello\n" + spki_0, "key.invalid_pem"),
    ("pkcs8-rsa-oid", "DER of another algorithm (X25519 OID 1.3.101.110)", "pkcs8_pem",
     pkcs8_0.replace("MC4CAQAwBQYDK2VwBCIEI", "MC4CAQAwBQYDK2VuBCIEI"), "key.invalid_der"),
    ("spki-x25519-oid", "SPKI of X25519 (OID 1.3.101.110)", "spki_pem", spki_0.replace("MCowBQYDK2VwAyEA", "MCowBQYDK2VuAyEA"),
     "key.invalid_der"),
    ("jwk-wrong-kty", "kty EC", "jwk", json.dumps({"kty": "EC", "crv": "Ed25519", "x": x0}), "key.invalid_jwk"),
    ("jwk-wrong-crv", "crv X25519", "jwk", json.dumps({"kty": "OKP", "crv": "X25519", "x": x0}), "key.invalid_jwk"),
    ("jwk-alg-hs256", "alg HS256 on an Ed25519 key: the algorithm comes from the key", "jwk",
     json.dumps({"kty": "OKP", "crv": "Ed25519", "x": x0, "alg": "HS256"}), "key.invalid_jwk"),
    ("jwk-padded-x", "x with base64 padding", "jwk", json.dumps({"kty": "OKP", "crv": "Ed25519", "x": x0 + "="}),
     "key.invalid_jwk"),
    ("jwk-short-x", "x of 31 bytes", "jwk", json.dumps({"kty": "OKP", "crv": "Ed25519",
     "x": base64.urlsafe_b64encode(bytes(31)).decode().rstrip("=")}), "key.invalid_jwk"),
    ("jwk-d-x-mismatch", "d of one key, x of another", "jwk", json.dumps({"kty": "OKP", "crv": "Ed25519", "x": other_x,
     "d": d0}), "key.public_key_mismatch"),
    ("jwk-small-order-x", "x is a small-order point", "jwk", json.dumps({"kty": "OKP", "crv": "Ed25519",
     "x": base64.urlsafe_b64encode(bytes(32)).decode().rstrip("=")}), "crypto.invalid_public_key"),
    ("raw-seed-31-bytes", "A 31-byte key file", "raw_seed", bytes(31).hex(), "crypto.invalid_length"),
    ("pem-too-large", "PEM text over 16 KiB is refused before it is read", "spki_pem", spki_0 + "\n" * 16384, "key.too_large"),
]:
    cases.append(bad(cid, desc, {"format": fmt, "data": data}, code))
write("key-formats.json", "identity.key-formats", "Ed25519 key import and export: raw seed, PKCS#8 PEM, SPKI PEM, JWK",
      f"pyca/cryptography {version('cryptography')} (PEM) and joserfc {version('joserfc')} (JWK) run on the seeds "
      "of the W3C did:key vectors; RFC 8410 §10.1/§10.3 examples; negatives from RFC 8410 §7, RFC 7468 §3, "
      "RFC 8037 §2 and Spec/identity.md", "key.import", cases)

# ---------- did:web ----------
cases = []
spec_examples = [  # did:web spec §3.2 examples (DID → URL), and the URL → DID direction
    ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
    ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
    ("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"),
]
for i, (did, url) in enumerate(spec_examples):
    cases.append(ok(f"spec-example-{i}-to-url", "did:web spec §3.2 example", {"did": did}, {"url": url}))
    server = url.replace("/.well-known/did.json", "").replace("/did.json", "")
    cases.append(ok(f"spec-example-{i}-from-url", "The server URL maps back to the DID", {"url": server}, {"did": did},
                    op="did.web.from_url"))
for cid, desc, url, did in [
    ("upper-case-host", "The host is lower-cased (did:web spec §3.2)", "https://Partner.Example.COM", "did:web:partner.example.com"),
    ("trailing-slash", "A trailing slash is dropped", "https://example.com/", "did:web:example.com"),
    ("port-and-path", "Port as %3A, path segments as ':'", "https://example.com:8443/a/b/", "did:web:example.com%3A8443:a:b"),
    ("default-port", "Port 443 is HTTPS's default: the same server, one DID (RFC 3986 §6.2.3)",
     "https://example.com:443/a", "did:web:example.com:a"),
]:
    cases.append(ok(cid, desc, {"url": url}, {"did": did}, op="did.web.from_url"))
# Length: the port separator ':' becomes '%3A', so the DID is 2 bytes longer than the URL; a DID URL is at most
# 2,048 bytes (Spec/limits.md), so a URL with a port is accepted up to 2,046 bytes (found by fuzz-did).
long_prefix = "https://example.com:8443/"
at_limit = long_prefix + "a" * (2046 - len(long_prefix))
at_limit_did = "did:web:example.com%3A8443:" + "a" * (2046 - len(long_prefix))
assert len(at_limit_did) == 2048
cases.append(ok("did-at-length-limit", "A URL with a port whose DID is exactly 2,048 bytes (Spec/limits.md)",
                {"url": at_limit}, {"did": at_limit_did}, op="did.web.from_url"))
for cid, desc, url in [
    ("did-over-length-limit", "A 2,047-byte URL with a port: its DID would be 2,049 bytes, over the DID URL limit "
     "(found by fuzz-did)", at_limit + "a"),
    ("http-scheme", "did:web names HTTPS servers only", "http://example.com"),
    ("query", "A query cannot be part of a did:web", "https://example.com/?a=1"),
    ("user-info", "User info cannot be part of a did:web", "https://user@example.com"),
    ("empty-segment", "An empty path segment", "https://example.com/a//b"),
    ("port-zero", "Port 0", "https://example.com:0"),
    ("port-too-big", "Port 65536", "https://example.com:65536"),
    ("underscore-host", "A host label with '_' is not a DNS host name", "https://my_host.example.com"),
    ("non-ascii-host", "U+212A KELVIN SIGN lower-cases to 'k' under Unicode rules: a homograph of kernel.example; "
     "hosts are ASCII (IDNs as punycode)", "https://\u212aernel.example"),
    ("well-known-segment", "A first segment .well-known would fetch the host's own did.json (found by fuzz-did)",
     "https://example.com/.well-known"),
    ("dot-dot-segment", "A '..' segment is removed by URL normalisation (RFC 3986 §5.2.4)", "https://example.com/a/../b"),
    ("dot-segment", "A '.' segment is removed by URL normalisation", "https://example.com/./a"),
    ("ip-host", "did:web §3.1: the identifier MUST NOT include an IP address", "https://127.0.0.1"),
    ("integer-ip-host", "2130706433 is 127.0.0.1 to many resolvers; a numeric last label is never a DNS name "
     "(RFC 3696 §2)", "https://2130706433/x"),
    ("pct-unreserved-segment", "%61 is 'a' to a server (RFC 3986 §6.2.2.2): a second DID for /a",
     "https://example.com/%61"),
]:
    cases.append(bad(cid, desc, {"url": url}, "did.invalid_web_url", op="did.web.from_url"))
for cid, desc, did, code in [
    ("upper-case-host-in-did", "A did:web DID must carry the host in lower case", "did:web:Example.com", "did.invalid_web_url"),
    ("lower-case-pct", "The port separator is written %3A", "did:web:example.com%3a3000", "did.invalid_web_url"),
    ("not-web", "did:key is not did:web", "did:key:" + mb0, "did.unsupported_method"),
    ("bad-syntax", "A space is not allowed in a DID", "did:web:exa mple.com", "did.invalid_did"),
    ("alias-well-known", "did:web:h:.well-known names the same document as did:web:h", "did:web:example.com:.well-known",
     "did.invalid_web_url"),
    ("alias-dot-dot", "did:web:h:..:x names the same document as did:web:h:x after normalisation",
     "did:web:example.com:..:x", "did.invalid_web_url"),
    ("alias-encoded-dot-dot", "Percent-encoded dots are decoded by servers", "did:web:example.com:%2E%2E:x",
     "did.invalid_web_url"),
    ("alias-encoded-slash", "A percent-encoded slash splits a segment on many servers", "did:web:example.com:a%2Fb",
     "did.invalid_web_url"),
    ("ip-host-did", "did:web §3.1: no IP addresses (this one is a cloud metadata endpoint)",
     "did:web:169.254.169.254:latest:meta-data", "did.invalid_web_url"),
    ("alias-empty-segment", "An empty segment: https://h//.well-known/did.json is the root document on servers that "
     "merge slashes", "did:web:example.com::.well-known", "did.invalid_web_url"),
    ("alias-pct-unreserved", "%61 names the same path as 'a' (RFC 3986 §6.2.2.2)", "did:web:example.com:%61",
     "did.invalid_web_url"),
    ("explicit-default-port", "%3A443 names the same server as no port: that DID is written without it",
     "did:web:example.com%3A443", "did.invalid_web_url"),
]:
    cases.append(bad(cid, desc, {"did": did}, code))
# openintent's port form
oi_did = oi.ServerIdentity(server_url="http://localhost:8000").did
assert oi_did == "did:web:localhost:8000", oi_did
cases.append(ok("openintent-port-strict", "openintent 0.17's DID for http://localhost:8000, read by the spec: port 8000 is a "
                "path segment", {"did": oi_did}, {"url": "https://localhost/8000/did.json"}))
cases.append(ok("openintent-port-compat", "The same DID in the openintent compatibility mode: 8000 is the port",
                {"did": oi_did, "compatibility": "openintent"}, {"url": "https://localhost:8000/.well-known/did.json"}))
write("did-web.json", "identity.did-web", "did:web ↔ URL mapping, strict, with openintent's port form as an opt-in mode",
      f"did:web method spec §3.2 examples; openintent {version('openintent')} ServerIdentity for its port form; "
      "other cases hand-derived from the did:web spec and RFC 3986", "did.web.to_url", cases)

# ---------- DID documents ----------
cases = []
for n, (did, pub, entry) in enumerate(w3c_keys):
    doc = entry["didDocument"]
    vm = doc["verificationMethod"][0]["id"]
    cases.append(ok(f"w3c-{n}-document", f"W3C vector document ({doc['verificationMethod'][0]['type']})",
                    {"document": json.dumps(doc), "did_url": vm}, {"public_key": pub.hex()}))
seed = bytes(range(32))
path = os.path.join(HERE, "_seed.tmp")
with open(path, "wb") as f:
    f.write(seed)
ident = oi.ServerIdentity.from_key_file("https://kernel.example.com", path)
os.unlink(path)
oi_doc = ident.did_document()
cases.append(ok("openintent-document", "openintent 0.17 ServerIdentity.did_document() (publicKeyBase64)",
                {"document": json.dumps(oi_doc), "did_url": oi_doc["verificationMethod"][0]["id"]},
                {"public_key": ident.public_key_bytes.hex()}))
cases.append(ok("openintent-document-no-fragment", "Without a fragment, the only Ed25519 key",
                {"document": json.dumps(oi_doc), "did_url": oi_doc["id"]}, {"public_key": ident.public_key_bytes.hex()}))
mk = "z" + base58.b58encode(b"\xed\x01" + ident.public_key_bytes).decode()
multikey_doc = {"@context": ["https://www.w3.org/ns/did/v1"], "id": "did:web:example.com",
                "verificationMethod": [{"id": "#k1", "type": "Multikey", "controller": "did:web:example.com",
                                        "publicKeyMultibase": mk}],
                "assertionMethod": ["#k1"]}
cases.append(ok("multikey-relative-id", "Multikey with a relative id (#k1), listed by a relative reference in assertionMethod",
                {"document": json.dumps(multikey_doc), "did_url": "did:web:example.com#k1"},
                {"public_key": ident.public_key_bytes.hex()}))
two = dict(multikey_doc, verificationMethod=multikey_doc["verificationMethod"] + [dict(multikey_doc["verificationMethod"][0], id="#k2")],
           assertionMethod=["#k1", "#k2"])
# Verification relationships (DID Core §5.3): a key verifies a signature only when the document lists it under
# authentication or assertionMethod; the expected key bytes are openintent's, as above.
method = multikey_doc["verificationMethod"][0]
no_relationships = {k: v for k, v in multikey_doc.items() if k != "assertionMethod"}
cases.append(ok("relationship-authentication-absolute", "Listed in authentication by its absolute DID URL",
                {"document": json.dumps(dict(no_relationships, authentication=["did:web:example.com#k1"])),
                 "did_url": "did:web:example.com#k1"}, {"public_key": ident.public_key_bytes.hex()}))
cases.append(ok("relationship-embedded", "A method embedded in assertionMethod (DID Core §5.3) is a method of the document",
                {"document": json.dumps({k: v for k, v in no_relationships.items() if k != "verificationMethod"}
                                        | {"assertionMethod": [method]}),
                 "did_url": "did:web:example.com#k1"}, {"public_key": ident.public_key_bytes.hex()}))
cases.append(ok("relationship-picks-the-signing-key", "Without a fragment: the only key listed for signing, though "
                "another key is listed for keyAgreement",
                {"document": json.dumps(dict(two, assertionMethod=["#k1"], keyAgreement=["#k2"])),
                 "did_url": "did:web:example.com"}, {"public_key": ident.public_key_bytes.hex()}))
cases.append(ok("relationship-foreign-reference-ignored", "A reference to another DID's method authorizes nothing and "
                "is not an error",
                {"document": json.dumps(dict(multikey_doc, authentication=["did:web:other.example#k1"])),
                 "did_url": "did:web:example.com#k1"}, {"public_key": ident.public_key_bytes.hex()}))
for cid, desc, document, url, code in [
    ("other-did", "The document describes another DID", dict(oi_doc, id="did:web:evil.example"), oi_doc["id"] + "#key-1", "did.invalid_document"),
    ("missing-fragment-target", "No verification method #key-9", oi_doc, oi_doc["id"] + "#key-9", "did.key_not_found"),
    ("ambiguous-no-fragment", "Two keys and no fragment", two, "did:web:example.com", "did.key_not_found"),
    ("two-key-members", "A method with publicKeyMultibase and publicKeyBase58",
     {**multikey_doc, "verificationMethod": [{**multikey_doc["verificationMethod"][0], "publicKeyBase58": "abc"}]},
     "did:web:example.com#k1", "did.invalid_document"),
    ("foreign-method-id", "A verification method id under another DID",
     {**multikey_doc, "verificationMethod": [{**multikey_doc["verificationMethod"][0], "id": "did:web:evil.example#k1"}]},
     "did:web:example.com#k1", "did.invalid_document"),
    ("bad-base64-key", "publicKeyBase64 that is not strict base64",
     {**oi_doc, "verificationMethod": [{**oi_doc["verificationMethod"][0], "publicKeyBase64": oi_doc["verificationMethod"][0]["publicKeyBase64"] + "AA"}]},
     oi_doc["id"] + "#key-1", "did.invalid_document"),
    ("duplicate-method", "The same method id twice", two | {"verificationMethod": [multikey_doc["verificationMethod"][0]] * 2},
     "did:web:example.com#k1", "did.invalid_document"),
    ("methods-not-array", "verificationMethod must be an array (DID Core §5.2), not read as none",
     {**multikey_doc, "verificationMethod": multikey_doc["verificationMethod"][0]},
     "did:web:example.com#k1", "did.invalid_document"),
    ("method-id-not-did-url", "A method id with a space is not a DID URL: the document is invalid",
     {**multikey_doc, "verificationMethod": [{**multikey_doc["verificationMethod"][0], "id": "#k 1"}]},
     "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-none", "A method listed under no verification relationship verifies nothing (DID Core §5.3)",
     no_relationships, "did:web:example.com#k1", "did.key_not_authorized"),
    ("relationship-key-agreement-only", "A method listed only for keyAgreement does not verify signatures",
     dict(no_relationships, keyAgreement=["#k1"]), "did:web:example.com#k1", "did.key_not_authorized"),
    ("relationship-capability-invocation-only", "capabilityInvocation is not a signing relationship by default",
     dict(no_relationships, capabilityInvocation=["#k1"]), "did:web:example.com#k1", "did.key_not_authorized"),
    ("relationship-no-fragment-none-listed", "Without a fragment and with no key listed for signing",
     dict(no_relationships, keyAgreement=["#k1"]), "did:web:example.com", "did.key_not_found"),
    ("relationship-not-array", "A relationship must be an array, not read as none",
     dict(multikey_doc, assertionMethod="#k1"), "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-dangling-reference", "A reference to a method the document does not have",
     dict(multikey_doc, assertionMethod=["#k1", "#k9"]), "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-reference-not-did-url", "A reference with a space is not a DID URL",
     dict(multikey_doc, assertionMethod=["#k 1"]), "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-reference-without-fragment", "A reference must name a method (a DID URL with a fragment)",
     dict(multikey_doc, assertionMethod=["did:web:example.com"]), "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-entry-not-string-or-object", "A relationship entry is a reference or an embedded method",
     dict(multikey_doc, assertionMethod=[1]), "did:web:example.com#k1", "did.invalid_document"),
    ("relationship-embedded-duplicate", "An embedded method may not reuse a listed method's id",
     dict(multikey_doc, assertionMethod=[method]), "did:web:example.com#k1", "did.invalid_document"),
]:
    cases.append(bad(cid, desc, {"document": json.dumps(document), "did_url": url}, code))
cases.append(bad("not-json", "The document is not JSON", {"document": "{", "did_url": "did:web:example.com"},
                 "json.unexpected_end"))
write("did-documents.json", "identity.did-documents", "Ed25519 keys from DID documents by DID URL",
      f"W3C CCG did:key vector documents; openintent {version('openintent')} ServerIdentity.did_document(); Multikey "
      "document built per the W3C Controlled Identifiers spec; verification relationships per W3C DID Core §5.3; "
      "negatives from Spec/identity.md", "did.document.resolve_key", cases)
print("ok")
