#!/usr/bin/env python3
"""Writes TestVectors/request-signing/rfc9421-appendix-b.json: RFC 9421 Appendix B.2 (signature bases of B.2.1-B.2.6,
the deterministic signatures of B.2.5 hmac-sha256 and B.2.6 ed25519) and RFC 9530 Content-Digest values.

Every expected value below is transcribed from the RFC text (RFC 8792 line wrapping undone: a wrapped line continues
after the leading whitespace of the next). The keys are RFC 9421 B.1.4 (test-key-ed25519, as PKCS#8/SPKI PEM) and
B.1.5 (test-shared-secret). Nothing here is computed except hex encodings of the RFC's inputs.
Run: python3 rfc9421_appendix_b.py
"""
import base64, json, os

# B.1.5 test-shared-secret (base64 in the RFC).
SHARED = base64.b64decode("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==")
# B.1.4 test-key-ed25519: the 32-byte seed and public key are the last 32 bytes of the PKCS#8 and SPKI DER.
ED_PRIVATE = base64.b64decode("MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF")[-32:]
ED_PUBLIC = base64.b64decode("MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=")[-32:]

DIGEST_512 = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"
# B.2 test-request: POST /foo?param=Value&Pet=dog HTTP/1.1 to https://example.com
REQUEST = {
    "method": "POST",
    "target_uri": "https://example.com/foo?param=Value&Pet=dog",
    "headers": [
        ["Host", "example.com"],
        ["Date", "Tue, 20 Apr 2021 02:07:55 GMT"],
        ["Content-Type", "application/json"],
        ["Content-Digest", DIGEST_512],
        ["Content-Length", "18"],
    ],
}
BODY = b'{"hello": "world"}'
# B.2 test-response: HTTP/1.1 200 OK
RESPONSE = {
    "status": 200,
    "headers": [
        ["Date", "Tue, 20 Apr 2021 02:07:56 GMT"],
        ["Content-Type", "application/json"],
        ["Content-Digest", "sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:"],
        ["Content-Length", "23"],
    ],
}

BASES = {
    "b21": (REQUEST, '();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"', [
    ]),
    "b22": (REQUEST, '("@authority" "content-digest" "@query-param";name="Pet");created=1618884473;keyid="test-key-rsa-pss";tag="header-example"', [
        '"@authority": example.com',
        '"content-digest": ' + DIGEST_512,
        '"@query-param";name="Pet": dog',
    ]),
    "b23": (REQUEST, '("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"', [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@query": ?param=Value&Pet=dog',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-digest": ' + DIGEST_512,
        '"content-length": 18',
    ]),
    "b24": (RESPONSE, '("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256"', [
        '"@status": 200',
        '"content-type": application/json',
        '"content-digest": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:',
        '"content-length": 23',
    ]),
    "b25": (REQUEST, '("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"', [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@authority": example.com',
        '"content-type": application/json',
    ]),
    "b26": (REQUEST, '("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"', [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
    ]),
}
SIGNATURES = {
    "b25": ("sig-b25", ["date", "@authority", "content-type"], "test-shared-secret",
            {"keyid": "test-shared-secret", "alg": "hmac-sha256", "secret": SHARED.hex()},
            {"keyid": "test-shared-secret", "alg": "hmac-sha256", "secret": SHARED.hex()},
            "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:"),
    "b26": ("sig-b26", ["date", "@method", "@path", "@authority", "content-type", "content-length"], "test-key-ed25519",
            {"keyid": "test-key-ed25519", "alg": "ed25519", "seed": ED_PRIVATE.hex()},
            {"keyid": "test-key-ed25519", "alg": "ed25519", "public_key": ED_PUBLIC.hex()},
            "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:"),
}
CREATED = 1618884473

cases = []
for name, (message, params, lines) in BASES.items():
    base = "\n".join(lines + ['"@signature-params": ' + params])
    cases.append({
        "id": f"{name}-signature-base",
        "operation": "request.rfc9421.signature_base",
        "description": f"RFC 9421 Appendix B.2.{name[-1]}: the signature base",
        "input": dict(message, signature_params=params),
        "expected": {"result": "valid", "output": {"signature_base": base}},
    })
for name, (label, components, keyid, sign_key, verify_key, signature) in SIGNATURES.items():
    params = BASES[name][1]
    base = "\n".join(BASES[name][2] + ['"@signature-params": ' + params])
    cases.append({
        "id": f"{name}-sign",
        "operation": "request.rfc9421.sign",
        "description": f"RFC 9421 Appendix B.2.{name[-1]}: the signature ({sign_key['alg']} is deterministic)",
        "input": dict(REQUEST, body=BODY.hex(), key=sign_key, label=label,
                      components=[json.dumps(c) for c in components], created=CREATED),
        "expected": {"result": "valid", "output": {
            "signature_input": f"{label}={params}", "signature": signature, "signature_base": base}},
    })
    cases.append({
        "id": f"{name}-verify",
        "operation": "request.rfc9421.verify",
        "description": f"RFC 9421 Appendix B.2.{name[-1]}: the RFC's signature verifies (now = created + 10 s)",
        "now": CREATED + 10,
        "input": dict(REQUEST, headers=REQUEST["headers"] + [["Signature-Input", f"{label}={params}"],
                                                             ["Signature", signature]],
                      body=BODY.hex(), keys=[verify_key]),
        "expected": {"result": "valid", "output": {"label": label, "keyid": keyid}},
    })
# RFC 9530 §2 example, and the Content-Digest fields of RFC 9421 B.2's test-request and test-response.
for cid, body, alg, field in [
    ("rfc9530-sha-256", BODY, "sha-256", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"),
    ("rfc9421-request-sha-512", BODY, "sha-512", DIGEST_512),
    ("rfc9421-response-sha-512", b'{"message": "good dog"}', "sha-512", RESPONSE["headers"][2][1]),
]:
    cases.append({
        "id": f"content-digest-{cid}",
        "operation": "request.content_digest.compute",
        "description": "RFC 9530 Content-Digest of the RFC's example content",
        "input": {"body": body.hex(), "algorithm": alg},
        "expected": {"result": "valid", "output": {"content_digest": field}},
    })

doc = {
    "suite": "request-signing.rfc9421-appendix-b",
    "version": "1",
    "profile": "rfc9421",
    "description": "RFC 9421 Appendix B.2: signature bases B.2.1-B.2.6, signatures of B.2.5 (hmac-sha256) and B.2.6 (ed25519); RFC 9530 digests",
    "source": "Transcribed from the text of RFC 9421 Appendix B (B.1.4, B.1.5 keys; B.2 test-request/test-response; B.2.1-B.2.6) and RFC 9530 section 2 by TestVectors/generators/rfc9421_appendix_b.py",
    "operation": "request.rfc9421.signature_base",
    "cases": cases,
}
out = os.path.join(os.path.dirname(__file__), "..", "request-signing", "rfc9421-appendix-b.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(out, len(cases), "cases")
