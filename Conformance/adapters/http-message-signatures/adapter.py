#!/usr/bin/env python3
"""Conformance adapter for PyPI `http-message-signatures` 3.0 (RFC 9421 HTTP Message Signatures), with its
ContentDigest for RFC 9530. Run through ./run after ./setup. Operations as defined in Spec/request-signing.md:

  request.rfc9421.signature_base   HTTPSignatureHandler._build_signature_base over the given @signature-params
  request.rfc9421.sign             HTTPMessageSigner.prepare + the algorithm's sign + apply (key from `key`)
  request.rfc9421.verify           HTTPMessageVerifier.verify, its clock set to the case's `now`, max_age = window,
                                   max_clock_skew = skew, the label selected explicitly (default: the first member of
                                   Signature-Input), require_components = required_components, then verify_body (the
                                   body against Content-Digest) when the signature covers content-digest
  request.content_digest.compute   ContentDigest.create with the asked algorithm
The AgentVault scheme and replay sequences are not part of this library: unsupported. It raises exceptions, not this
suite's error codes, so every rejection is a code-less `invalid` (error_codes: false).
"""
import datetime
import os
import sys
import warnings
from importlib.metadata import version

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fedsec_adapter import Invalid, InvalidInput, frozen_clock, serve  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey  # noqa: E402
import http_message_signatures as hms  # noqa: E402
from http_message_signatures import algorithms, signatures  # noqa: E402
from http_message_signatures.structures import get_header_fields  # noqa: E402

warnings.simplefilter("ignore")  # label-only selection warns; warnings are not protocol output
UTC = datetime.timezone.utc
ALGORITHMS = {"hmac-sha256": algorithms.HMAC_SHA256, "ed25519": algorithms.ED25519}


class Headers:
    """Field lines in order, repeated names kept as separate lines (what the library's resolver reads)."""

    def __init__(self, pairs):
        self.lines = [(str(n), str(v)) for n, v in pairs]

    def items(self):
        return list(self.lines)

    def __iter__(self):
        return iter([n for n, _ in self.lines])

    def __contains__(self, name):
        return any(n == name for n, _ in self.lines)

    def __getitem__(self, name):
        values = [v for n, v in self.lines if n.lower() == name.lower()]
        if not values:
            raise KeyError(name)
        return ", ".join(values)

    def __setitem__(self, name, value):
        self.lines.append((name, value))

    def __delitem__(self, name):
        self.lines = [(n, v) for n, v in self.lines if n != name]


class Request:
    def __init__(self, method, url, headers):
        self.method, self.url, self.headers = method, url, headers


class Response:
    def __init__(self, status, headers):
        self.status_code, self.headers, self.request = status, headers, None


def message(input):
    headers = Headers(input.get("headers", []))
    if "status" in input:
        return Response(input["status"], headers)
    return Request(input["method"], input["target_uri"], headers)


def signing_key(key):
    if key["alg"] == "hmac-sha256":
        return bytes.fromhex(key["secret"])
    if key["alg"] == "ed25519":
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key["seed"]))
    raise Invalid()


def verifying_key(key):
    if key["alg"] == "hmac-sha256":
        return bytes.fromhex(key["secret"])
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(key["public_key"]))


def digest_class(name):
    if name not in ("sha-256", "sha-512"):
        raise InvalidInput(f"content digest algorithm {name!r}")
    return type("Digest", (hms.ContentDigest,), {"algorithm": name})


def signature_base(input, now):
    handler = hms.HTTPMessageSigner(signature_algorithm=algorithms.HMAC_SHA256)
    node = handler._parse_signature_dictionary("sig=" + input["signature_params"])["sig"]
    base, _, _ = handler._build_signature_base(message(input), covered_component_ids=list(node),
                                               signature_params=node.params)
    return {"signature_base": base}


def sign(input, now):
    key = input["key"]
    if key["alg"] not in ALGORITHMS:
        raise Invalid()
    msg = message(input)
    output = {}
    if "content_digest" in input:
        field = digest_class(input["content_digest"]).create(bytes.fromhex(input.get("body", "")))
        msg.headers["Content-Digest"] = field
        output["content_digest"] = field
    signer = hms.HTTPMessageSigner(signature_algorithm=ALGORITHMS[key["alg"]],
                                   key_resolver=hms.MappingKeyResolver(public_keys={}, private_keys={}))
    at = lambda t: datetime.datetime.fromtimestamp(t, UTC) if t is not None else None  # noqa: E731
    prepared = signer.prepare(msg, key_id=key["keyid"], created=at(input["created"]), expires=at(input.get("expires")),
                              nonce=input.get("nonce"), label=input["label"], tag=input.get("tag"),
                              include_alg=input.get("include_alg", False),
                              covered_component_ids=tuple(input["components"]),
                              use_existing_digest=has_digest(msg))  # a Content-Digest among the headers is kept
    raw = ALGORITHMS[key["alg"]](private_key=signing_key(key)).sign(prepared.signature_base)
    signer.apply(msg, prepared, raw)
    headers = get_header_fields(msg.headers)
    output.update(signature_input=headers["Signature-Input"], signature=headers["Signature"],
                  signature_base=prepared.signature_base.decode())
    return output


def has_digest(msg):
    return any(name.lower() == "content-digest" for name, _ in msg.headers.items())


def verify(input, now):
    msg = message(input)
    body = bytes.fromhex(input["body"]) if "body" in input else None
    headers = get_header_fields(msg.headers)
    label = input.get("label")
    if label is None:
        parsed = hms.HTTPMessageVerifier._parse_signature_dictionary(headers.get("Signature-Input", ""))
        if not parsed:
            raise Invalid()
        label = next(iter(parsed))
    failures = []
    for alg, cls in ALGORITHMS.items():
        keys = {k["keyid"]: verifying_key(k) for k in input["keys"] if k["alg"] == alg}
        if not keys:
            continue
        verifier = hms.HTTPMessageVerifier(signature_algorithm=cls,
                                           key_resolver=hms.MappingKeyResolver(public_keys=keys, private_keys={}))
        verifier.allow_label_only_selection = True
        verifier.max_clock_skew = datetime.timedelta(seconds=input.get("skew", 30))
        try:
            with frozen_clock(signatures, now):
                results = verifier.verify(msg, max_age=datetime.timedelta(seconds=input.get("window", 300)),
                                          expect_label=label,
                                          require_components=tuple(input.get("required_components", ())))
                # The library's second step checks the body against a signed Content-Digest. It also demands a
                # signed digest for any non-empty body, which this suite's profile does not: it runs only when the
                # signature covers content-digest.
                if body is not None and any(k.startswith('"content-digest"') for k in results[0].covered_components):
                    results = verifier.verify_body(msg, results, body)
        except Exception as e:  # this algorithm's keys do not verify it; another algorithm's may
            failures.append(f"{alg}: {type(e).__name__}: {e}")
            continue
        return {"label": results[0].label, "keyid": results[0].parameters["keyid"]}
    print("request.rfc9421.verify: " + "; ".join(failures), file=sys.stderr)
    raise Invalid()


def content_digest(input, now):
    return {"content_digest": digest_class(input["algorithm"]).create(bytes.fromhex(input["body"]))}


serve("http-message-signatures", version("http-message-signatures"), {
    "request.rfc9421.signature_base": signature_base,
    "request.rfc9421.sign": sign,
    "request.rfc9421.verify": verify,
    "request.content_digest.compute": content_digest,
}, profiles=["rfc9421"], error_codes=False)
