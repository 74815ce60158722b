#!/usr/bin/env python3
"""Writes TestVectors/trust/*.json: peer names, trust enforcers, policy expressions and import-policy composition
(Spec/trust.md). Expected values are computed here from the rule text of Spec/trust.md (the issue's rules), with an
independent Python implementation (urllib.parse for URLs); no Swift output is used. Peers, run on every case:
- openintent 0.17.0 TrustEnforcer (exact string matching): its verdict is written into each enforcer case's
  description and the case is flagged PeerDiffers where it decides otherwise;
- weaver-kernel 0.12.0 federation.merge_sensitivity / _resolve_sensitivity: the composed sensitivity is checked
  against it, flagged PeerDiffers where weaver differs (local_only: weaver drops to NONE, having no local tag).
Run: python3 -m venv v && v/bin/pip install openintent==0.17.0 weaver-kernel==0.12.0 cryptography && v/bin/python trust_vectors.py
"""
import itertools, json, os, re, sys
from importlib.metadata import version
from urllib.parse import urlsplit

from openintent.federation.security import TrustEnforcer as OITrustEnforcer, TrustPolicy as OITrustPolicy
from weaver_kernel import federation as wk_federation
from weaver_kernel.enums import SensitivityTag

OUT = os.path.join(os.path.dirname(__file__), "..", "trust")
OI = f"openintent {version('openintent')}"
WK = f"weaver-kernel {version('weaver-kernel')}"
LEVELS = ["NONE", "MEMORY", "PII", "PCI", "SECRETS"]
NOW = 1_800_000_000

# ---------------------------------------------------------------- peer names (Spec/trust.md §Peer names)
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
SEGMENT = re.compile(r"^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$")


class Invalid(Exception):
    pass


def ascii_lower(text):
    """Lower-cases A-Z only: str.lower() would also fold U+212A KELVIN SIGN to 'k' (a homograph)."""
    return "".join(chr(ord(c) | 0x20) if "A" <= c <= "Z" else c for c in text)


def check_host(host):
    if not host or len(host) > 253 or not all(LABEL.match(l) for l in host.split(".")):
        raise Invalid(host)
    # did:web §3.1: no IP addresses; a numeric last label is never a DNS name (RFC 3696 §2).
    if host.split(".")[-1].isdigit():
        raise Invalid("ip " + host)


def is_ipv4(host):
    """Four decimal octets 0-255, no leading zeros (other spellings of an address are not names)."""
    octets = host.split(".")
    return len(octets) == 4 and all(
        1 <= len(o) <= 3 and o.isdigit() and o.isascii() and (len(o) == 1 or o[0] != "0") and int(o) <= 255
        for o in octets)


UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def encodes_unreserved(segment):
    return any(chr(int(m, 16)) in UNRESERVED for m in re.findall(r"%([0-9A-Fa-f]{2})", segment))


def check_segments(segments):
    for i, s in enumerate(segments):
        low = s.lower()
        dec = low.replace("%2e", ".")
        if (not s or not SEGMENT.match(s) or dec in (".", "..") or "%2f" in low or (i == 0 and dec == ".well-known")
                or encodes_unreserved(s)):
            raise Invalid(s)


def check_port(port):
    if not (1 <= len(port) <= 5 and port.isdigit() and port[0] != "0" and 1 <= int(port) <= 65535):
        raise Invalid(port)


def canon(text):
    if not text or len(text.encode()) > 2048:
        raise Invalid("size")
    if text.startswith("did:"):
        if "#" in text:
            raise Invalid("fragment")
        parts = text.split(":", 2)
        if len(parts) < 3 or not re.match(r"^[a-z0-9]+$", parts[1]) or not parts[2]:
            raise Invalid("did")
        if parts[1] != "web":
            if not re.match(r"^(?:[A-Za-z0-9._:-]|%[0-9A-Fa-f]{2})+$", parts[2]) or parts[2].endswith(":"):
                raise Invalid("did syntax")
            return text
        segs = parts[2].split(":")
        auth = segs[0]
        if "%3a" in auth:
            raise Invalid("lower-case %3a")
        host, _, port = auth.partition("%3A")
        host = ascii_lower(host)
        check_host(host)
        if "%3A" in auth:
            check_port(port)
        check_segments(segs[1:])
        return canon("https://" + host + (":" + port if "%3A" in auth else "") + "".join("/" + s for s in segs[1:]))
    if "://" not in text:
        raise Invalid("no scheme")
    scheme, rest = text.split("://", 1)
    scheme = ascii_lower(scheme)
    if scheme not in ("https", "http") or any(c in rest for c in "?#@\\"):
        raise Invalid("scheme or parts")
    if rest.endswith("/"):
        rest = rest[:-1]
    authority, slash, path = rest.partition("/")
    host, colon, port = authority.partition(":")
    host = ascii_lower(host)
    if is_ipv4(host):
        # An IPv4 address stays a URL in both schemes (did:web cannot name it); port and path as for any host.
        if colon:
            check_port(port)
        if port == ("443" if scheme == "https" else "80"):
            port = ""
        segments = path.split("/") if slash else []
        check_segments(segments)
        return scheme + "://" + host + (":" + port if port else "") + "".join("/" + s for s in segments)
    check_host(host)
    if colon:
        check_port(port)
    if port == ("443" if scheme == "https" else "80"):
        colon, port = "", ""
    segments = path.split("/") if slash else []
    check_segments(segments)
    # urllib.parse must agree on the host and port we read (a cross-check of the hand parser above).
    split = urlsplit(scheme + "://" + authority)
    assert split.hostname == host and (split.port is None or split.port in (443, 80) or str(split.port) == port)
    if scheme == "http":
        return "http://" + host + (":" + port if port else "") + "".join("/" + s for s in segments)
    did = "did:web:" + host + ("%3A" + port if port else "") + "".join(":" + s for s in segments)
    if len(did.encode()) > 2048:  # the DID URL limit (a port's ':' is '%3A' in the DID)
        raise Invalid("did too long")
    return did


def try_canon(text):
    try:
        return canon(text)
    except Invalid:
        return None


def write(name, suite, description, source, operation, cases, profile="native"):
    doc = {"suite": suite, "version": "1", "profile": profile, "description": description, "source": source,
           "operation": operation, "cases": cases}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(name, len(cases), "cases")


DIDKEY = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
valid_names = [
    ("https-upper-default-port-slash", "HTTPS://Partner.example.com:443/"),
    ("https-plain", "https://partner.example.com"),
    ("did-web", "did:web:partner.example.com"),
    ("did-web-upper-host", "did:web:Partner.Example.COM"),
    ("did-web-explicit-443", "did:web:partner.example.com%3A443"),
    ("https-port", "https://partner.example.com:8443"),
    ("did-web-port", "did:web:partner.example.com%3A8443"),
    ("https-path", "https://partner.example.com/teams/Blue/"),
    ("did-web-path", "did:web:partner.example.com:teams:Blue"),
    ("https-port-path", "https://Partner.example.com:8443/a"),
    ("http-default-port", "HTTP://Local.example:80/"),
    ("http-port", "http://localhost:8000"),
    ("http-path", "http://localhost:8000/kernel/"),
    ("did-key", DIDKEY),
    ("did-other-method", "did:example:123456"),
    ("ip-host", "https://127.0.0.1:9443"),
    ("http-ip-host", "http://10.0.0.5:8080/"),
    ("ip-host-default-port", "https://192.168.1.20:443/kernel"),
]
invalid_names = [
    ("empty", ""), ("no-scheme", "partner.example.com"), ("ftp", "ftp://partner.example.com"),
    ("user-info", "https://alice@partner.example.com"), ("query", "https://partner.example.com/?x=1"),
    ("fragment-url", "https://partner.example.com/#top"), ("port-zero", "https://partner.example.com:0"),
    ("port-too-big", "https://partner.example.com:65536"), ("port-leading-zero", "https://partner.example.com:0443"),
    ("underscore-host", "https://partner_x.example.com"), ("empty-host", "https://:443"),
    ("double-slash", "https://partner.example.com//a"), ("double-trailing-slash", "https://partner.example.com//"),
    ("http-double-trailing-slash", "http://0//"), ("path-double-trailing-slash", "https://partner.example.com/a//"), ("dot-segment", "https://partner.example.com/a/../b"),
    ("did-fragment", DIDKEY + "#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"),
    ("did-web-lower-percent", "did:web:partner.example.com%3a8443"),
    ("did-web-well-known", "did:web:partner.example.com:.well-known"),
    ("did-web-bad-port", "did:web:partner.example.com%3A99999"), ("did-upper-scheme", "DID:web:partner.example.com"),
    ("did-no-id", "did:web:"), ("ipv6", "https://[::1]:8443"), ("backslash", "https://partner.example.com\\a"),
    ("too-long", "https://partner.example.com/" + "a" * 2100),
    ("kelvin-sign-host", "https://partner.example.\u212aom"), ("kelvin-sign-did-web", "did:web:\u212aernel.example"),
    ("non-ascii-host", "https://partn\u00e9r.example.com"),
    ("ip-integer", "https://2130706433"), ("ip-short", "https://127.1"), ("ip-leading-zero", "https://0127.0.0.1"),
    ("ip-octet-too-big", "http://10.0.0.256"), ("did-web-ip", "did:web:169.254.169.254:latest:meta-data"),
    ("pct-unreserved-segment", "https://partner.example.com/%61"),
]
cases = []
for cid, text in valid_names:
    cases.append({"id": cid, "description": f"{text!r} normalises per Spec/trust.md", "input": {"peer": text},
                  "expected": {"result": "valid", "output": {"canonical": canon(text)}}})
for cid, text in invalid_names:
    assert try_canon(text) is None, cid
    cases.append({"id": "invalid-" + cid, "description": f"{text[:80]!r} is not a peer name",
                  "input": {"peer": text}, "expected": {"result": "invalid", "error": "trust.invalid_peer"}})
write("peer-names.json", "trust.peer-names", "Peer names: origins and DIDs normalised to one canonical form",
      "Computed from the normalisation rules of Spec/trust.md by an independent Python implementation "
      f"(CPython {sys.version.split()[0]}, urllib.parse cross-check); no peer normalises names "
      f"({OI} compares exact strings, see trust/enforcer.json)", "trust.peer.normalize", cases)

# ---------------------------------------------------------------- enforcers
def ours(mode, peers, origin, did):
    if mode == "open":
        return True, "open_mode", None
    if mode == "trustless":
        return False, "trustless_mode", None
    if origin is None and did is None:
        return False, "no_peer", None
    allowed = {canon(p) for p in peers}
    readable = False
    for name in (origin, did):
        c = try_canon(name) if name is not None else None
        if c is None:
            continue
        readable = True
        if c in allowed:
            return True, "allowlisted", c
    return False, "not_allowlisted" if readable else "invalid_peer", None


def openintent(mode, peers, origin, did):
    enforcer = OITrustEnforcer({"open": OITrustPolicy.OPEN, "allowlist": OITrustPolicy.ALLOWLIST,
                                "trustless": OITrustPolicy.TRUSTLESS}[mode], allowed_peers=list(peers))
    return enforcer.is_trusted(origin if origin is not None else "", did)


ALLOW = ["https://partner.example.com", "did:web:other.example.org%3A8443:kernel", "http://localhost:8000",
         DIDKEY]
enforcer_cases = [
    ("open-anyone", "open", [], "https://stranger.example", None),
    ("open-unreadable", "open", [], "not a url", None),
    ("trustless-allowlisted-name", "trustless", ALLOW, "https://partner.example.com", None),
    ("exact-origin", "allowlist", ALLOW, "https://partner.example.com", None),
    ("upper-default-port-slash", "allowlist", ALLOW, "HTTPS://Partner.example.com:443/", None),
    ("did-web-of-allowlisted-origin", "allowlist", ALLOW, None, "did:web:partner.example.com"),
    ("did-web-upper", "allowlist", ALLOW, None, "did:web:PARTNER.example.com"),
    ("origin-of-allowlisted-did-web", "allowlist", ALLOW, "https://other.example.org:8443/kernel/", None),
    ("did-web-allowlisted-exact", "allowlist", ALLOW, None, "did:web:other.example.org%3A8443:kernel"),
    ("did-web-other-path", "allowlist", ALLOW, None, "did:web:other.example.org%3A8443:kernel2"),
    ("http-allowlisted", "allowlist", ALLOW, "http://localhost:8000/", None),
    ("http-is-not-https", "allowlist", ALLOW, "http://partner.example.com", None),
    ("https-is-not-http", "allowlist", ALLOW, "https://localhost:8000", None),
    ("did-key-exact", "allowlist", ALLOW, "https://stranger.example", DIDKEY),
    ("did-key-other", "allowlist", ALLOW, None, "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"),
    ("stranger", "allowlist", ALLOW, "https://stranger.example", "did:web:stranger.example"),
    ("subdomain-is-not-peer", "allowlist", ALLOW, "https://evil.partner.example.com", None),
    ("suffix-is-not-peer", "allowlist", ALLOW, "https://partner.example.com.evil.example", None),
    ("path-is-another-peer", "allowlist", ALLOW, "https://partner.example.com/other", None),
    ("port-is-another-peer", "allowlist", ALLOW, "https://partner.example.com:8443", None),
    ("unreadable-origin-did-matches", "allowlist", ALLOW, "partner.example.com", "did:web:partner.example.com"),
    ("unreadable-only", "allowlist", ALLOW, "https://partner.example.com?x", None),
    ("query-smuggling", "allowlist", ["https://partner.example.com"], "https://partner.example.com?", None),
    ("nothing-given", "allowlist", ALLOW, None, None),
    ("empty-allowlist", "allowlist", [], "https://partner.example.com", None),
]
cases = []
for cid, mode, peers, origin, did in enforcer_cases:
    trusted, reason, matched = ours(mode, peers, origin, did)
    peer = openintent(mode, peers, origin, did)
    inp = {"mode": mode, "peers": peers}
    if origin is not None:
        inp["origin"] = origin
    if did is not None:
        inp["did"] = did
    out = {"trusted": trusted, "reason": reason}
    if matched:
        out["matched_peer"] = matched
    case = {"id": cid, "description": f"{mode}: origin {origin!r}, did {did!r} ({OI} TrustEnforcer.is_trusted: "
                                      f"{'trusted' if peer else 'untrusted'})",
            "input": inp, "expected": {"result": "valid", "output": out}}
    if peer != trusted:
        case["flags"] = ["PeerDiffers"]
    cases.append(case)
cases.append({"id": "unknown-mode", "input": {"mode": "permissive", "peers": [], "origin": "https://a.example"},
              "expected": {"result": "invalid", "error": "trust.unknown_policy"}})
cases.append({"id": "invalid-allowlisted-name", "description": "a typo in the allowlist is an error, not an empty allowlist",
              "input": {"mode": "allowlist", "peers": ["partner.example.com"], "origin": "https://partner.example.com"},
              "expected": {"result": "invalid", "error": "trust.invalid_peer"}})
write("enforcer.json", "trust.enforcer", "Trust enforcers: open, allowlist (normalised names), trustless; reasons",
      f"Expected values from the rules of Spec/trust.md (independent Python implementation, CPython "
      f"{sys.version.split()[0]}); {OI} TrustEnforcer run on every case, its verdict in the description, "
      "flagged PeerDiffers where its exact-string matching decides otherwise", "trust.enforcer.decide", cases,
      profile="openintent-0.17")

# ---------------------------------------------------------------- composition (Spec/trust.md §Composition)
def rank(s):
    return LEVELS.index(s)


def intersect(a, b):
    out = dict(a)
    for k, v in b.items():
        if k not in a:
            out[k] = v
        elif k == "max_rows":
            out[k] = min(a[k], v)
        elif k == "allowed_fields":
            out[k] = sorted({f for f in a[k] if f in v}, key=lambda s: s.encode())
        elif k == "args":
            rules = dict(a[k])
            for arg, rule in v.items():
                rules[arg] = merge_rule(rules[arg], rule) if arg in rules else rule
            out[k] = rules
    return out


class Conflict(Exception):
    pass


def satisfies(value, rule):
    (kind, p), = rule.items()
    if kind == "prefix":
        return isinstance(value, str) and value.startswith(p) and ".." not in value.split("/")
    if kind == "allowed_keys":
        return isinstance(value, dict) and all(k in p for k in value)
    return False


def merge_rule(x, y):
    if x == y:
        return x
    (kx, vx), = x.items()
    (ky, vy), = y.items()
    if kx == ky == "allowed_keys":
        return {"allowed_keys": sorted({k for k in vx if k in vy}, key=lambda s: s.encode())}
    if kx == ky == "prefix":
        if vx.startswith(vy):
            return x
        if vy.startswith(vx):
            return y
    if kx == "pinned" and satisfies(vx, y):
        return x
    if ky == "pinned" and satisfies(vy, x):
        return y
    raise Conflict()


def compose(policy, local, remote):
    lc, rc = local.get("constraints", {}), remote.get("constraints", {})
    if policy == "local_only":
        if local["allowed"]:
            return {"allowed": True, "sensitivity": local["sensitivity"], "constraints": lc}
        return {"allowed": False, "sensitivity": local["sensitivity"], "constraints": {}, "denied_by": "local"}
    if policy == "most_restrictive":
        sens = max(local["sensitivity"], remote["sensitivity"], key=rank)
        order = [("local", local), ("remote", remote)]
        first, second = lc, rc
    else:
        sens = remote["sensitivity"]
        order = [("remote", remote), ("local", local)]
        first, second = rc, lc
    for name, side in order:
        if not side["allowed"]:
            return {"allowed": False, "sensitivity": sens, "constraints": {}, "denied_by": name}
    return {"allowed": True, "sensitivity": sens, "constraints": intersect(first, second)}


def weaver_sensitivity(policy, local, remote):
    """What weaver-kernel 0.12 gives the imported capability (it has no local allow/deny or constraints)."""
    l, r = SensitivityTag(local), SensitivityTag(remote)
    if policy == "most_restrictive":
        return wk_federation.merge_sensitivity(l, r).value
    return wk_federation._resolve_sensitivity(r, policy).value


cases = []
for policy in ["most_restrictive", "local_only", "remote_deferred"]:
    for la, ra in itertools.product([True, False], repeat=2):
        for ls, rs in itertools.product(LEVELS, repeat=2):
            local, remote = {"allowed": la, "sensitivity": ls}, {"allowed": ra, "sensitivity": rs}
            out = compose(policy, local, remote)
            peer = weaver_sensitivity(policy, ls, rs)
            case = {"id": f"{policy}-{'allow' if la else 'deny'}-{'allow' if ra else 'deny'}-{ls}-{rs}".lower(),
                    "description": f"{policy}: local {'allows' if la else 'denies'} ({ls}), remote "
                                   f"{'allows' if ra else 'denies'} ({rs}); {WK} sensitivity: {peer}",
                    "input": {"policy": policy, "local": local, "remote": remote},
                    "expected": {"result": "valid", "output": out}}
            if peer != out["sensitivity"]:
                case["flags"] = ["PeerDiffers"]
            cases.append(case)

L_CNS = {"max_rows": 100, "allowed_fields": ["id", "name", "email"],
         "args": {"path": {"prefix": "/srv/"}, "mode": {"allowed_keys": ["a", "b"]}, "table": {"pinned": "orders"}}}
R_CNS = {"max_rows": 10, "allowed_fields": ["name", "id", "phone"],
         "args": {"path": {"prefix": "/srv/data/"}, "mode": {"allowed_keys": ["b", "c"]}, "region": {"pinned": "eu"}}}
constraint_cases = [
    ("intersect-all-kinds", L_CNS, R_CNS),
    ("one-side-only", {"max_rows": 5}, {}),
    ("pinned-meets-prefix", {"args": {"p": {"pinned": "/srv/x"}}}, {"args": {"p": {"prefix": "/srv/"}}}),
    ("pinned-meets-keys", {"args": {"o": {"allowed_keys": ["k"]}}}, {"args": {"o": {"pinned": {"k": 1}}}}),
    ("empty-field-intersection", {"allowed_fields": ["a"]}, {"allowed_fields": ["b"]}),
]
for cid, lc, rc in constraint_cases:
    for policy in ["most_restrictive", "remote_deferred", "local_only"]:
        local = {"allowed": True, "sensitivity": "PII", "constraints": lc}
        remote = {"allowed": True, "sensitivity": "NONE", "constraints": rc}
        cases.append({"id": f"constraints-{cid}-{policy}", "description": f"{policy}: constraints intersect per Spec/trust.md",
                      "input": {"policy": policy, "local": local, "remote": remote},
                      "expected": {"result": "valid", "output": compose(policy, local, remote)}})
conflicts = [
    ("two-pins", {"args": {"t": {"pinned": "a"}}}, {"args": {"t": {"pinned": "b"}}}),
    ("disjoint-prefixes", {"args": {"p": {"prefix": "/a/"}}}, {"args": {"p": {"prefix": "/b/"}}}),
    ("prefix-and-keys", {"args": {"p": {"prefix": "/a/"}}}, {"args": {"p": {"allowed_keys": ["x"]}}}),
    ("pin-outside-prefix", {"args": {"p": {"pinned": "/b/x"}}}, {"args": {"p": {"prefix": "/a/"}}}),
    ("pin-climbs", {"args": {"p": {"pinned": "/a/../etc"}}}, {"args": {"p": {"prefix": "/a/"}}}),
]
for cid, lc, rc in conflicts:
    for policy in ["most_restrictive", "remote_deferred"]:
        try:
            compose(policy, {"allowed": True, "sensitivity": "NONE", "constraints": lc},
                    {"allowed": True, "sensitivity": "NONE", "constraints": rc})
            raise SystemExit(cid)
        except Conflict:
            pass
        cases.append({"id": f"conflict-{cid}-{policy}", "input": {
            "policy": policy, "local": {"allowed": True, "sensitivity": "NONE", "constraints": lc},
            "remote": {"allowed": True, "sensitivity": "NONE", "constraints": rc}},
            "expected": {"result": "invalid", "error": "trust.constraint_conflict"}})
for cid, inp, err in [
    ("unknown-policy", {"policy": "most_permissive", "local": {"allowed": True, "sensitivity": "NONE"},
                        "remote": {"allowed": True, "sensitivity": "NONE"}}, "trust.unknown_policy"),
    ("unknown-sensitivity", {"policy": "most_restrictive", "local": {"allowed": True, "sensitivity": "pii"},
                             "remote": {"allowed": True, "sensitivity": "NONE"}}, "trust.unknown_sensitivity"),
    ("unknown-constraint", {"policy": "most_restrictive", "local": {"allowed": True, "sensitivity": "NONE"},
                            "remote": {"allowed": True, "sensitivity": "NONE", "constraints": {"max_calls": 3}}},
     "token.unknown_constraint"),
    ("ignored-side-still-checked", {"policy": "local_only", "local": {"allowed": True, "sensitivity": "NONE"},
                                    "remote": {"allowed": True, "sensitivity": "NONE", "constraints": {"max_rows": -1}}},
     "token.unknown_constraint"),
]:
    cases.append({"id": cid, "input": inp, "expected": {"result": "invalid", "error": err}})
write("compose.json", "trust.compose",
      "Import trust-policy composition: every policy x local/remote allow/deny x sensitivity pair, constraints",
      "Decision table computed from the rule text of Spec/trust.md (the issue's rules) by an independent Python "
      f"implementation (CPython {sys.version.split()[0]}); sensitivity cross-checked with {WK} "
      "federation.merge_sensitivity/_resolve_sensitivity, flagged PeerDiffers where it differs (weaver's local_only "
      "drops to NONE: it has no local tag). weaver has no allow/deny or constraint composition to compare",
      "trust.compose", cases, profile="weaver-kernel-0.12")

# ---------------------------------------------------------------- policy expressions
def evaluate(expr, req, now):
    """Returns None when met, else the failing policy's name (Spec/trust.md §Policies)."""
    (kind, body), = expr.items()
    if kind == "all_of":
        for e in body:
            r = evaluate(e, req, now)
            if r:
                return r
        return None
    if kind == "one_of":
        return None if any(evaluate(e, req, now) is None for e in body) else "OneOfPolicies"
    if kind == "peer":
        if body["mode"] == "open":
            return None
        if body["mode"] == "trustless" or "peer" not in req:
            return "PeerTrustPolicy"
        return None if canon(req["peer"]) in {canon(p) for p in body.get("peers", [])} else "PeerTrustPolicy"
    if kind == "capabilities":
        return None if req["capability"] in body else "CapabilityPolicy"
    if kind == "max_sensitivity":
        return None if rank(req.get("sensitivity", "NONE")) <= rank(body) else "MaxSensitivityPolicy"
    if kind == "max_rows":
        rows = req.get("fields", {}).get("rows")
        return None if rows is None or (type(rows) is int and 0 <= rows <= body) else "MaxRowsPolicy"
    if kind == "time_window":
        return None if body["not_before"] <= now < body["not_after"] else "TimeWindowPolicy"
    raise KeyError(kind)


def enforced(expr):
    (kind, body), = expr.items()
    if kind == "all_of":
        return set().union(*(enforced(e) for e in body)) if body else set()
    if kind == "one_of":
        return set.intersection(*(enforced(e) for e in body)) if body else set()
    return {"rows"} if kind == "max_rows" else set()


PEER = {"peer": {"mode": "allowlist", "peers": ["https://partner.example.com"]}}
STD = {"all_of": [PEER, {"capabilities": ["db.query", "db.count"]}, {"max_sensitivity": "PII"}, {"max_rows": 100},
                  {"time_window": {"not_before": NOW - 60, "not_after": NOW + 60}}]}
OR = {"all_of": [PEER, {"one_of": [{"capabilities": ["db.count"]}, {"all_of": [{"capabilities": ["db.query"]},
                                                                                {"max_sensitivity": "MEMORY"}]}]}]}
OR_ROWS = {"one_of": [{"max_rows": 10}, {"capabilities": ["db.count"]}]}
OR_BOTH_ROWS = {"one_of": [{"max_rows": 10}, {"all_of": [{"max_rows": 50}, {"capabilities": ["db.count"]}]}]}
base = {"peer": "did:web:partner.example.com", "capability": "db.query", "sensitivity": "PII"}
policy_cases = [
    ("all-met", STD, base, NOW),
    ("peer-spelled-differently", STD, dict(base, peer="HTTPS://PARTNER.example.com:443/"), NOW),
    ("peer-not-allowlisted", STD, dict(base, peer="https://stranger.example"), NOW),
    ("no-peer", STD, {k: v for k, v in base.items() if k != "peer"}, NOW),
    ("capability-denied", STD, dict(base, capability="db.drop"), NOW),
    ("sensitivity-too-high", STD, dict(base, sensitivity="PCI"), NOW),
    ("rows-at-limit", STD, dict(base, fields={"rows": 100}), NOW),
    ("rows-over-limit", STD, dict(base, fields={"rows": 101}), NOW),
    ("rows-not-integer", STD, dict(base, fields={"rows": "5"}), NOW),
    ("time-before-window", STD, base, NOW - 61),
    ("time-at-end-of-window", STD, base, NOW + 60),
    ("first-failure-reported", STD, dict(base, peer="https://stranger.example", capability="db.drop"), NOW),
    ("or-first-branch", OR, dict(base, capability="db.count"), NOW),
    ("or-second-branch", OR, dict(base, sensitivity="MEMORY"), NOW),
    ("or-no-branch", OR, base, NOW),
    ("empty-all-of", {"all_of": []}, base, NOW),
    ("empty-one-of", {"one_of": []}, base, NOW),
    ("open-peer", {"peer": {"mode": "open"}}, {"capability": "x"}, NOW),
    ("trustless-peer", {"peer": {"mode": "trustless", "peers": ["https://partner.example.com"]}}, base, NOW),
    ("or-enforces-intersection", OR_BOTH_ROWS, dict(base, fields={"rows": 20}), NOW),
]
cases = []
for cid, expr, req, now in policy_cases:
    unenforced = set(req.get("fields", {})) - enforced(expr)
    assert not unenforced
    failed = evaluate(expr, req, now)
    out = {"allowed": True} if failed is None else {"allowed": False, "policy": failed}
    cases.append({"id": cid, "now": now, "description": "expected from Spec/trust.md §Policies",
                  "input": {"policy": json.dumps(expr), "request": json.dumps(req)},
                  "expected": {"result": "valid", "output": out}})
for cid, expr, req, err in [
    ("unenforced-field", STD, dict(base, fields={"rows": 1, "max_calls": 3}), "trust.unenforced_field"),
    ("or-does-not-enforce-one-branch-field", OR_ROWS, dict(base, fields={"rows": 1}), "trust.unenforced_field"),
    ("unknown-policy", {"all_of": [{"max_cost": 5}]}, base, "trust.unknown_policy"),
    ("two-members", {"max_rows": 5, "capabilities": []}, base, "trust.unknown_policy"),
    ("too-deep", json.loads('{"all_of":[' * 10 + '{"max_rows":1}' + ']}' * 10), base, "trust.unknown_policy"),
    ("unknown-sensitivity-in-policy", {"max_sensitivity": "TOP"}, base, "trust.unknown_sensitivity"),
    ("invalid-allowlisted-peer", {"peer": {"mode": "allowlist", "peers": ["partner"]}}, base, "trust.invalid_peer"),
    ("invalid-request-peer", STD, dict(base, peer="ftp://x"), "trust.invalid_peer"),
]:
    cases.append({"id": cid, "now": NOW, "input": {"policy": json.dumps(expr), "request": json.dumps(req)},
                  "expected": {"result": "invalid", "error": err}})
write("policies.json", "trust.policies", "Policy expressions: AND/OR composition, first failure named, fail closed",
      f"Computed from Spec/trust.md §Policies by an independent Python evaluator (CPython {sys.version.split()[0]}); "
      "no peer has composable policies", "trust.policy.evaluate", cases)
