#!/usr/bin/env python3
"""Times openintent 0.17's verify_envelope_signature on a 1 KiB envelope, and the raw pyca/cryptography Ed25519
verify of the same bytes, for comparison with `fedsec bench` (envelope.jws.verify) on the same machine.
Run: python3 -m venv v && v/bin/pip install "openintent==0.17.0" cryptography && v/bin/python openintent_envelope_verify.py
"""
import json, os, tempfile, timeit, sys
from openintent.federation import security as oi
seed = bytes(range(32)); p = tempfile.mktemp(); open(p, "wb").write(seed)
ident = oi.ServerIdentity.from_key_file("https://k.example.com", p); os.unlink(p)
env = {"id": "env", "payload": {"data": "x" * 1000}}
sig = oi.sign_envelope(ident, env)
assert len(json.dumps(env)) > 1000
n = 3000
t = timeit.timeit(lambda: oi.verify_envelope_signature(ident.public_key_b64, env, sig), number=n)
print(f"openintent verify_envelope_signature (1 KiB envelope): {n / t:.0f} ops/s")
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
import base64
pk = Ed25519PublicKey.from_public_bytes(ident.public_key_bytes); data = oi._canonical_bytes(env); s = base64.b64decode(sig)
t2 = timeit.timeit(lambda: pk.verify(s, data), number=n)
print(f"pyca/cryptography raw Ed25519 verify of the same bytes: {n / t2:.0f} ops/s")
