#!/usr/bin/env python3
"""Checks this adapter against RFC 9421 itself, before the suite's request-signing vectors exist: Appendix B.2.5
(HMAC-SHA256, key test-shared-secret of B.1.5) must be signed to the RFC's signature and verify, a copy checked 1000 s later must
not, and the Content-Digest of B.2's body `{"hello": "world"}` must be RFC 9421's sha-512 value.
Run: ./selftest.py (after ./setup); exit status 0 when every check passes.
"""
import base64, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
SECRET = base64.b64decode("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==").hex()
KEY = {"keyid": "test-shared-secret", "alg": "hmac-sha256", "secret": SECRET}
URI = "https://example.com/foo?param=Value&Pet=dog"
DIGEST = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"
HEADERS = [["Host", "example.com"], ["Date", "Tue, 20 Apr 2021 02:07:55 GMT"], ["Content-Type", "application/json"],
           ["Content-Digest", DIGEST], ["Content-Length", "18"]]
INPUT = 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"'
SIGNATURE = "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:"
signed = HEADERS + [["Signature-Input", INPUT], ["Signature", SIGNATURE]]

requests = [
    ({"op": "request.rfc9421.sign", "input": {"method": "POST", "target_uri": URI, "headers": HEADERS, "key": KEY,
      "label": "sig-b25", "components": ['"date"', '"@authority"', '"content-type"'], "created": 1618884473}},
     lambda r: r.get("output", {}).get("signature") == SIGNATURE and r["output"]["signature_input"] == INPUT),
    ({"op": "request.rfc9421.verify", "now": 1618884473,
      "input": {"method": "POST", "target_uri": URI, "headers": signed, "keys": [KEY]}},
     lambda r: r == {"id": r["id"], "result": "valid", "output": {"label": "sig-b25", "keyid": "test-shared-secret"}}),
    ({"op": "request.rfc9421.verify", "now": 1618884473 + 1000,
      "input": {"method": "POST", "target_uri": URI, "headers": signed, "keys": [KEY]}},
     lambda r: r.get("result") == "invalid"),
    ({"op": "request.content_digest.compute", "input": {"body": b'{"hello": "world"}'.hex(), "algorithm": "sha-512"}},
     lambda r: r.get("output") == {"content_digest": DIGEST}),
]
lines = [json.dumps({"id": 0, "op": "hello", "protocol": 1})]
lines += [json.dumps(dict(req, id=i + 1)) for i, (req, _) in enumerate(requests)]
out = subprocess.run([os.path.join(here, "run")], input="\n".join(lines) + "\n", capture_output=True, text=True,
                     timeout=60).stdout.splitlines()
answers = [json.loads(line) for line in out[1:]]
failed = [f'{requests[i][0]["op"]} (id {i + 1}: {answers[i] if i < len(answers) else "no answer"})'
          for i, check in enumerate(c for _, c in requests) if i >= len(answers) or not check(answers[i])]
print(f"{len(requests) - len(failed)} passed, {len(failed)} failed" + (": " + ", ".join(failed) if failed else ""))
sys.exit(1 if failed else 0)
