#!/usr/bin/env python3
"""Writes TestVectors/tokens/weaver-kernel.json by running weaver-kernel 0.12.0's HMACTokenProvider.

Tokens are minted by weaver-kernel itself (its clock and uuid patched to fixed values so the file is reproducible);
expected signatures and signable payloads are weaver-kernel's output. Verification cases record weaver-kernel's own
verdict (`peer_verdict` in the description) beside ours; where they differ, the reason is in Spec/kernel-tokens.md
(we check the MAC first, so a forged token cannot choose its own error).
Run: python3 -m venv v && v/bin/pip install "weaver-kernel==0.12.0" && v/bin/python weaver_kernel_tokens.py
"""
import datetime, json, os, sys, uuid
from importlib.metadata import version
from unittest import mock
import weaver_kernel.tokens as wt
from weaver_kernel.errors import TokenExpired, TokenInvalid, TokenRevoked, TokenScopeError

SECRET = "kernel-a-secret-\u00e9"  # weaver-kernel encodes its secret as UTF-8
UTC = datetime.timezone.utc


class FixedClock(datetime.datetime):
    current = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):
        return cls.current


def mint(provider, ident, when, **kw):
    FixedClock.current = when
    with mock.patch.object(wt.datetime, "datetime", FixedClock), mock.patch.object(wt.uuid, "uuid4", lambda: uuid.UUID(ident)):
        return provider.issue(**kw)


def peer_verify(provider, token, principal, capability, when):
    FixedClock.current = when
    with mock.patch.object(wt.datetime, "datetime", FixedClock):
        try:
            provider.verify(token, expected_principal_id=principal, expected_capability_id=capability)
            return "accepts"
        except TokenRevoked:
            return "TokenRevoked"
        except TokenExpired:
            return "TokenExpired"
        except TokenInvalid:
            return "TokenInvalid"
        except TokenScopeError:
            return "TokenScopeError"


provider = wt.HMACTokenProvider(secret=SECRET)
t0 = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
t_frac = datetime.datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10)]
minted = {
    "simple": mint(provider, ids[0], t0, capability_id="db.query", principal_id="agent-7", ttl_seconds=3600),
    "constraints": mint(provider, ids[1], t0, capability_id="db.query", principal_id="agent-7", ttl_seconds=60,
                        constraints={"max_rows": 10, "allowed_fields": ["id", "name"],
                                     "args": {"table": {"pinned": "orders"}, "path": {"prefix": "/srv/"}}},
                        audit_id="audit-1"),
    "fractional-seconds": mint(provider, ids[2], t_frac, capability_id="mail.send", principal_id="agent-\u00e9",
                               ttl_seconds=90),
    "non-ascii-constraints": mint(provider, ids[3], t0, capability_id="search", principal_id="p",
                                  constraints={"note": "caf\u00e9 \U0001F680", "ratio": 0.5, "flag": None}),
}
now_ok = int((t0 + datetime.timedelta(seconds=30)).timestamp())


def token_text(token):
    return json.dumps(token.to_dict(), ensure_ascii=False)


cases = []
for name, token in minted.items():
    d = token.to_dict()
    cases.append({"id": f"mint-{name}", "operation": "token.weaver.mint",
                  "description": f"weaver-kernel issue(): {name}",
                  "input": {"secret": SECRET, "token": json.dumps({k: v for k, v in d.items() if k != "signature"}, ensure_ascii=False)},
                  "expected": {"result": "valid", "output": {"signature": token.signature,
                                                             "signable": token._signable_payload()}}})
    when = datetime.datetime.fromtimestamp(now_ok, UTC)
    verdict = peer_verify(provider, token, token.principal_id, token.capability_id, when)
    assert verdict == "accepts", (name, verdict)
    cases.append({"id": f"verify-{name}", "now": now_ok, "description": f"weaver-kernel's token verifies (peer_verdict: {verdict})",
                  "input": {"secret": SECRET, "token": token_text(token), "expected_principal": token.principal_id,
                            "expected_capability": token.capability_id},
                  "expected": {"result": "valid"}})

base = minted["constraints"]


def neg(cid, desc, token_dict, error, now=now_ok, principal=None, capability=None, revoked=None, peer_token=None):
    inp = {"secret": SECRET, "token": json.dumps(token_dict, ensure_ascii=False),
           "expected_principal": principal or base.principal_id, "expected_capability": capability or base.capability_id}
    if revoked:
        inp["revoked"] = revoked
    if peer_token is not None:
        p = wt.HMACTokenProvider(secret=SECRET)
        for r in revoked or []:
            p.revoke(r)
        verdict = peer_verify(p, peer_token, inp["expected_principal"], inp["expected_capability"],
                              datetime.datetime.fromtimestamp(now, UTC))
        desc += f" (peer_verdict: {verdict})"
    cases.append({"id": cid, "now": now, "description": desc, "input": inp, "expected": {"result": "invalid", "error": error}})


good = base.to_dict()
forged = dict(good, capability_id="db.write")
neg("forged-capability", "capability_id changed after signing", forged, "token.bad_mac",
    peer_token=wt.CapabilityToken.from_dict(forged))
forged_expired = dict(forged, expires_at="2000-01-01T00:00:00+00:00")
neg("forged-and-expired", "A forged token that also claims to be expired: ours says bad_mac, weaver-kernel says "
    "TokenExpired — the forger chose the error", forged_expired, "token.bad_mac",
    peer_token=wt.CapabilityToken.from_dict(forged_expired))
neg("expired", "Authentic token checked after its expiry", good, "token.expired", now=now_ok + 3600,
    peer_token=base)
neg("expires-exactly-now", "expires_at == now is expired (weaver-kernel: expires_at <= now)", good, "token.expired",
    now=int(base.expires_at.timestamp()), peer_token=base)
neg("revoked", "Authentic token whose id is revoked", good, "token.revoked", revoked=[base.token_id], peer_token=base)
neg("principal-mismatch", "Presented by another principal", good, "token.principal_mismatch", principal="agent-8",
    peer_token=base)
neg("capability-mismatch", "Presented for another capability", good, "token.capability_mismatch",
    capability="db.write", peer_token=base)
neg("wrong-secret", "MAC made with another kernel's secret",
    dict(good, signature=wt.HMACTokenProvider(secret="kernel-b").issue("x", "y").signature), "token.bad_mac")
neg("uppercase-signature", "Signature in upper-case hex (weaver-kernel writes lower case)",
    dict(good, signature=good["signature"].upper()), "token.malformed", peer_token=wt.CapabilityToken.from_dict(dict(good, signature=good["signature"].upper())))
neg("timestamp-not-canonical", "issued_at with a zero fraction written out: isoformat() would drop it, so the bytes "
    "MACed differ from the bytes received", dict(good, issued_at="2026-01-02T03:04:05.000000+00:00"), "token.malformed")
neg("timestamp-z-suffix", "issued_at with Z: isoformat() writes +00:00", dict(good, issued_at="2026-01-02T03:04:05Z"),
    "token.malformed")
neg("naive-timestamp", "expires_at without an offset", dict(good, expires_at="2026-01-02T03:05:05"), "token.malformed")
neg("missing-signature", "No signature member", {k: v for k, v in good.items() if k != "signature"}, "token.malformed")
neg("extra-member", "An unknown member (weaver-kernel ignores it; it is not MACed, so it is refused)",
    dict(good, kernel_id="kernel-b"), "token.malformed")
neg("constraints-not-object", "constraints is a list", dict(good, constraints=[]), "token.malformed")


# With the request being authorised, the constraints are evaluated under Spec/kernel-tokens.md's rules (weaver-kernel's
# verify never looks at them; its policy engine does). Expected verdicts from the Spec's constraint table.
def with_request(cid, desc, token, request, error=None):
    inp = {"secret": SECRET, "token": token_text(token), "expected_principal": token.principal_id,
           "expected_capability": token.capability_id, "request": json.dumps(request)}
    expected = {"result": "invalid", "error": error} if error else {"result": "valid"}
    cases.append({"id": cid, "now": now_ok, "description": desc, "input": inp, "expected": expected})


with_request("request-within-constraints", "rows ≤ max_rows, listed fields, the pinned table, a path under the prefix",
             base, {"rows": 5, "fields": ["id"], "args": {"table": "orders", "path": "/srv/data"}})
with_request("request-too-many-rows", "rows 11 > max_rows 10", base, {"rows": 11, "args": {"table": "orders", "path": "/srv/a"}},
             "token.constraint_violation")
with_request("request-other-table", "args.table is pinned to orders", base,
             {"args": {"table": "users", "path": "/srv/a"}}, "token.constraint_violation")
with_request("request-unknown-constraints", "constraints this library does not understand fail closed once a request "
             "is given (without one the same token verifies: verify-non-ascii-constraints)", minted["non-ascii-constraints"],
             {}, "token.unknown_constraint")

doc = {"suite": "tokens.weaver-kernel", "version": "1", "profile": "weaver-kernel-0.12",
       "description": "weaver-kernel 0.12 HMACTokenProvider tokens: mint byte-identically, verify with the MAC first",
       "source": f"Minted by weaver-kernel {version('weaver-kernel')} (CPython {sys.version.split()[0]}), clock and uuid "
                 "patched to fixed values; weaver-kernel's own verdict recorded as peer_verdict; our codes and check "
                 "order from Spec/kernel-tokens.md",
       "operation": "token.weaver.verify", "cases": cases}
with open(os.path.join(os.path.dirname(__file__), "..", "tokens", "weaver-kernel.json"), "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
for c in cases:
    if "peer_verdict" in c["description"] and c["expected"]["result"] == "invalid":
        print(c["id"], "->", c["description"].split("peer_verdict: ")[1])
