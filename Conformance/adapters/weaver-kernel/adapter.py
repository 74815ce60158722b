#!/usr/bin/env python3
"""Conformance adapter for weaver-kernel 0.12 (PyPI `weaver-kernel`, weaver_kernel.tokens.HMACTokenProvider).
Run through ./run after ./setup.

  token.weaver.mint    the signature and signable payload HMACTokenProvider.issue() would produce for these fields
                       (CapabilityToken.from_dict, then the provider's own _sign over _signable_payload)
  token.weaver.verify  CapabilityToken.from_dict + HMACTokenProvider.verify, its clock set to the case's `now`, the
                       case's `revoked` ids revoked first; a case with a `request` is unsupported (weaver-kernel's
                       verify takes none: its policy engine applies constraints elsewhere)
Every other operation is unsupported. weaver-kernel raises exception classes, not error codes; the two that mean
exactly one of this suite's codes are reported as that code (TokenExpired = token.expired, TokenRevoked =
token.revoked), the others (TokenInvalid, TokenScopeError, a malformed token) as `invalid` without a code, so the
hello says error_codes: false: a code-less rejection is judged by its verdict, a named code is compared.
"""
import json
import logging
import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fedsec_adapter import Invalid, Unsupported, frozen_clock, serve  # noqa: E402
import weaver_kernel.tokens as wt  # noqa: E402
from weaver_kernel.errors import TokenExpired, TokenRevoked  # noqa: E402

logging.getLogger("weaver_kernel").setLevel(logging.CRITICAL)  # its verify-failure warnings are not protocol output


def mint(input, now):
    fields = json.loads(input["token"])
    token = wt.CapabilityToken.from_dict(dict(fields, signature=""))
    provider = wt.HMACTokenProvider(secret=input["secret"])
    signable = token._signable_payload()
    return {"signature": provider._sign(signable), "signable": signable}


def verify(input, now):
    if "request" in input:
        raise Unsupported()
    token = wt.CapabilityToken.from_dict(json.loads(input["token"]))
    provider = wt.HMACTokenProvider(secret=input["secret"])
    for token_id in input.get("revoked", []):
        provider.revoke(token_id)
    try:
        with frozen_clock(wt, now):
            provider.verify(token, expected_principal_id=input["expected_principal"],
                            expected_capability_id=input["expected_capability"])
    except TokenExpired:
        raise Invalid("token.expired")
    except TokenRevoked:
        raise Invalid("token.revoked")


serve("weaver-kernel", version("weaver-kernel"), {"token.weaver.mint": mint, "token.weaver.verify": verify},
      profiles=["weaver-kernel-0.12"], error_codes=False)
