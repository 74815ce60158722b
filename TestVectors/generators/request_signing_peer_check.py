#!/usr/bin/env python3
"""Checks that requests signed by `fedsec request sign` verify with PyPI http-message-signatures (ours verify there).

Signs a request with the Swift CLI (hmac-sha256 and ed25519, with Content-Digest and a nonce), parses the printed
HTTP/1.1 text, and runs the peer's HTTPMessageVerifier over it (clock set to the signing time, body digest checked).
Writes nothing; exits non-zero on the first signature the peer rejects.
Run from the repository root: swift build --product fedsec &&
  v/bin/python TestVectors/generators/request_signing_peer_check.py .build/debug/fedsec
"""
import datetime, os, subprocess, sys, tempfile
from importlib.metadata import version
from unittest.mock import patch

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from http_message_signatures import HTTPMessageVerifier, HTTPSignatureKeyResolver, algorithms

FEDSEC = sys.argv[1]
NOW = 1_700_000_000
SECRET = bytes(range(40))
ED = Ed25519PrivateKey.from_private_bytes(bytes(range(7, 39)))
REQUEST = (b"POST /v1/invoke?agent=a%20b&Pet=dog HTTP/1.1\r\nHost: kernel.example.com\r\n"
           b"Date: Tue, 14 Nov 2023 22:13:20 GMT\r\nContent-Type: application/json\r\n\r\n" + b'{"op": "invoke"}')


class Resolver(HTTPSignatureKeyResolver):
    def resolve_public_key(self, key_id):
        return SECRET if key_id == "k-hmac" else ED.public_key()


def parse(text):
    head, body = text.split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")
    method, target, _ = lines[0].split(" ")
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:]]
    host = dict(headers)["Host"]
    return requests.Request(method, f"https://{host}{target}", data=body, headers=dict(headers)).prepare()


class Clock(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        t = datetime.datetime.fromtimestamp(NOW + 1, datetime.timezone.utc)
        return t.astimezone(tz) if tz else t.replace(tzinfo=None)


with tempfile.TemporaryDirectory() as tmp:
    secret_file, ed_file = os.path.join(tmp, "s"), os.path.join(tmp, "e.pem")
    open(secret_file, "wb").write(SECRET)
    open(ed_file, "wb").write(ED.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    for alg, keyid, key_file, peer_alg in [("hmac-sha256", "k-hmac", secret_file, algorithms.HMAC_SHA256),
                                           ("ed25519", "k-ed", ed_file, algorithms.ED25519)]:
        for digest in ["sha-256", "sha-512"]:
            signed = subprocess.run([FEDSEC, "request", "sign", "--alg", alg, "--keyid", keyid, "--key-file", key_file,
                                     "--now", str(NOW), "--digest", digest, "--components",
                                     '"@method" "@target-uri" "@authority" "@path" "@query" "@query-param";name="Pet" '
                                     '"content-type" "content-digest" "date"'],
                                    input=REQUEST, capture_output=True, check=True).stdout
            req = parse(signed)
            with patch("http_message_signatures.signatures.datetime.datetime", Clock):
                HTTPMessageVerifier(signature_algorithm=peer_alg, key_resolver=Resolver()).verify(
                    req, max_age=datetime.timedelta(seconds=300), body=req.body)
            print(f"ok: fedsec {alg} with {digest} Content-Digest verifies in http-message-signatures "
                  f"{version('http-message-signatures')}")
