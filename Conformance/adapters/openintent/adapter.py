#!/usr/bin/env python3
"""Conformance adapter for openintent 0.17 (PyPI `openintent`, openintent.federation.security), with pyca/cryptography
installed so that it really signs with Ed25519. Run through ./run after ./setup.

It performs what openintent itself can do, by calling openintent and nothing else:
  envelope.openintent.sign / .verify   sign_envelope, verify_envelope_signature (ServerIdentity from the seed)
  did.web.from_url                     ServerIdentity(server_url=url).did
  did.web.to_url                       resolve_did_web(did) (openintent has one behaviour; `compatibility` is ignored)
  ucan.openintent.decode               UCANToken.decode(token).to_dict()
  ucan.openintent.mint                 UCANToken(...).encode(identity from the seed)
  ucan.openintent.attenuate            UCANToken.decode(parent).attenuate(audience, scope, identity from the seed),
                                       nbf and nonce set as given, then encode with that identity: the delegator's
                                       key is all a delegator has, and openintent re-signs the parent with it
Every other operation is unsupported: openintent has no did:key, no JWS envelopes, and never verifies a UCAN
signature or chain (ucan.openintent.verify). openintent
raises plain exceptions or returns False, never error codes, so the hello says error_codes: false and the runner
compares verdicts and outputs only.
"""
import json
import os
import sys
import tempfile
from importlib.metadata import version

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fedsec_adapter import Invalid, serve  # noqa: E402
from openintent.federation import security as oi  # noqa: E402
from openintent.federation.models import DelegationScope  # noqa: E402

if not oi.HAS_CRYPTO:
    sys.exit("openintent adapter: pyca/cryptography is missing, openintent would sign with HMAC (run ./setup)")


def identity(seed_hex, url="https://adapter.invalid"):
    """openintent's only way to load a key: a key file holding the seed."""
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(bytes.fromhex(seed_hex))
    try:
        return oi.ServerIdentity.from_key_file(url, f.name)
    finally:
        os.unlink(f.name)


def envelope_sign(input, now):
    envelope = json.loads(input["envelope"])
    signature = oi.sign_envelope(identity(input["seed"]), envelope)
    return {"signature": signature, "signed_bytes": oi._canonical_bytes(envelope).decode("ascii")}


def envelope_verify(input, now):
    envelope = json.loads(input["envelope"])
    if not oi.verify_envelope_signature(input["public_key"], envelope, input["signature"]):
        raise Invalid()


def did_web_from_url(input, now):
    return {"did": oi.ServerIdentity(server_url=input["url"]).did}


def did_web_to_url(input, now):
    return {"url": oi.resolve_did_web(input["did"])}


def ucan_decode(input, now):
    return oi.UCANToken.decode(input["token"]).to_dict()


def ucan_mint(input, now):
    token = oi.UCANToken(issuer=input["issuer"], audience=input["audience"],
                         scope=DelegationScope.from_dict(input["scope"]), not_before=input["nbf"],
                         expires_at=input["exp"], nonce=input["nonce"], proof_chain=list(input.get("proofs", [])))
    return {"token": token.encode(identity(input["seed"]))}


def ucan_attenuate(input, now):
    signer = identity(input["seed"])
    parent = oi.UCANToken.decode(input["parent"])
    try:
        child = parent.attenuate(input["audience"], DelegationScope.from_dict(input["scope"]), signer)
    except ValueError as e:
        if "depth" in str(e):
            raise Invalid("ucan.delegation_depth_exceeded")  # openintent: "Delegation depth exceeded"
        raise
    child.not_before, child.nonce = input["nbf"], input["nonce"]
    return {"token": child.encode(signer)}


serve("openintent", version("openintent"), {
    "envelope.openintent.sign": envelope_sign,
    "envelope.openintent.verify": envelope_verify,
    "did.web.from_url": did_web_from_url,
    "did.web.to_url": did_web_to_url,
    "ucan.openintent.decode": ucan_decode,
    "ucan.openintent.mint": ucan_mint,
    "ucan.openintent.attenuate": ucan_attenuate,
}, profiles=["openintent-0.17"], error_codes=False)
