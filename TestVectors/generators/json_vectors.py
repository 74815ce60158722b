#!/usr/bin/env python3
"""Writes TestVectors/encoding/json-{canonical,python,reader}.json.

Expected values come from peers run here, never from the Swift code:
  - RFC 8785 canonical text: PyPI `rfc8785` (Trail of Bits) over CPython's `json.loads`, cross-checked against
    Node.js (`JSON.parse`, keys sorted by UTF-16 code units, `JSON.stringify`); RFC 8785's own examples are checked
    against both before they are written.
  - Python text: CPython's `json.dumps(json.loads(text), ...)`.
  - Reader error codes: the rules of Spec/json.md (RFC 8259, RFC 7493); CPython's `json.loads` is run on every
    negative to flag the ones it accepts (`PeerAccepts`).

Run: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install rfc8785==0.1.4 && /tmp/venv/bin/python json_vectors.py
(needs `node` on PATH for the cross-check).
"""
import json
import os
import platform
import subprocess
import sys
from importlib.metadata import version

import rfc8785

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "encoding")
PY = f"CPython {platform.python_version()}"
RFC8785_PKG = f"rfc8785 {version('rfc8785')} (PyPI, Trail of Bits)"
NODE = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()

NODE_JCS = r"""
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys(v[k]);  // default sort: UTF-16 code units
    return o;
  }
  return v;
}
process.stdout.write(JSON.stringify(texts.map(t => JSON.stringify(sortKeys(JSON.parse(t))))));
"""


def node_canonical(texts):
    """JCS by Node.js. Caveat: JS objects put integer-like keys first, so callers skip objects with such keys."""
    run = subprocess.run(["node", "-e", NODE_JCS], input=json.dumps(texts), capture_output=True, text=True,
                         check=True)
    return json.loads(run.stdout)


def has_index_key(value):
    if isinstance(value, list):
        return any(has_index_key(v) for v in value)
    if isinstance(value, dict):
        return any(k.isdigit() and str(int(k)) == k for k in value) or any(has_index_key(v) for v in value.values())
    return False


def canonical(text):
    return rfc8785.dumps(json.loads(text)).decode("utf-8")


def cross_check(texts):
    """rfc8785 and Node must agree on every text (where Node's key ordering is not distorted)."""
    ours = [canonical(t) for t in texts]
    theirs = node_canonical(texts)
    for t, a, b in zip(texts, ours, theirs):
        if has_index_key(json.loads(t)):
            continue
        if a != b:
            raise SystemExit(f"peers disagree on {t!r}: rfc8785 {a!r}, node {b!r}")
    return ours


def write(name, suite, description, source, operation, cases):
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"
    doc = {"suite": suite, "version": "1", "description": description, "source": source, "operation": operation,
           "cases": cases}
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


# ---------------------------------------------------------------------------------------------------------------
# Shared corpus: texts our reader accepts (no duplicate keys, integers within ±(2^53-1), no NaN, no lone surrogates).

NUMBER_TEXTS = [
    "0", "-0", "1", "-1", "42", "9007199254740991", "-9007199254740991", "0.0", "-0.0", "1.0", "-1.5", "0.1",
    "0.5", "100.0", "1e2", "1E2", "1e+2", "1e-2", "123.456", "1e20", "1e21", "1e22", "123456789012345678901.0",
    "1e-6", "1e-7", "0.000001", "0.0000001", "1.5e-7", "0.0001", "0.00001", "1e15", "1e16", "1e17",
    "9007199254740993.0", "5e-324", "-5e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
    "-1.7976931348623157e308", "1e-400", "333333333.33333329", "4.50", "2e-3", "0.000000000000000000000000001",
    "1e30", "1.5e300", "0.30000000000000004", "2.5e-5", "12345.678e10", "9.999999999999997e22", "1e23",
    "1.0000000000000001e23", "999999999999999700000.0", "999999999999999900000.0", "9.999999999999997e-7",
    "295147905179352830000.0", "1424953923781206.2", "-0.0000033333333333333333", "4.35", "0.1e1", "10e-1",
]

STRING_TEXTS = [
    '""', '"abc"', '"\\" \\\\ \\/ \\b \\f \\n \\r \\t"', '"\\u0000\\u0001\\u001f\\u0020"', '"\\u007f"',
    '"\u007f"', '"\\u0080\\u00ff"', '"é"', '"e\u0301"', '"\\u2028\\u2029"', '"\u2028"', '"\\ud83d\\ude00"',
    '"\U0001F600"', '"\\uD834\\uDD1E"', '"\\uE000\\uFFFF"', '"\\uFEFF"', '"</script>"', '"\\u20ac$\\u000F"',
    '"日本語"', '"a\\u0000b"', '"\\u0041\\u00e9\\u4e2d"',
]

STRUCTURE_TEXTS = [
    "null", "true", "false", "[]", "{}", "[[]]", '{"a":{}}', "[1,2,3]", '[1, "two", 3.0, true, null, [], {}]',
    '{"b": 1, "a": 2, "c": 3}', '{"a": [1, {"c": null, "b": false}], "": ""}',
    '{"\\u20ac": 1, "\\r": 2, "\\ufb33": 3, "1": 4, "\\ud83d\\ude00": 5, "\\u0080": 6, "\\u00f6": 7}',
    '{"\\ue000": "private use", "\\ud83d\\ude00": "astral", "\\uffff": "last BMP", "z": "ascii"}',
    '{"\\ud800\\udc00": 1, "\\uffee": 2, "\\ud7ff": 3}',
    '{"aa": 1, "a": 2, "ab": 3, "A": 4, "B": 5, "_": 6}',
    '{"\\u00e9": 1, "e\\u0301": 2}',
    '{"nested": {"z": [3, 2, 1], "y": {"b": 2, "a": 1}}, "list": [{"k": "v"}, {"j": "w"}]}',
    '{"num": [0, -0, 1.0, 1e-7, 1e21], "str": "\\u00e9\\n", "obj": {"\\u007f": true}}',
    ' \t\n\r[ 1 , 2 ]\r\n ', '{ "a" : 1 ,\n\t"b" : [ ] }',
]

# RFC 8785 §3.2.2 (example object), §3.2.3 (sorting example), and Appendix B (number samples: IEEE-754 bits →
# expected text), copied from the RFC; each is checked against both peers before it is written.
RFC8785_EXAMPLES = [
    ("rfc8785-3-2-2-example",
     '{\n  "numbers": [333333333.33333329, 1E30, 4.50,\n              2e-3, 0.000000000000000000000000001],\n'
     '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}',
     '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
     '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'),
    ("rfc8785-3-2-3-sorting",
     '{\n  "\\u20ac": "Euro Sign",\n  "\\r": "Carriage Return",\n  "\\ufb33": "Hebrew Letter Dalet With Dagesh",\n'
     '  "1": "One",\n  "\\ud83d\\ude00": "Emoji: Grinning Face",\n  "\\u0080": "Control",\n'
     '  "\\u00f6": "Latin Small Letter O With Diaeresis"\n}',
     '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",'
     '"\u20ac":"Euro Sign","\U0001F600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'),
]
RFC8785_APPENDIX_B = [
    ("0000000000000000", "0"), ("8000000000000000", "0"), ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"), ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"), ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"), ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"), ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"), ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"), ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"), ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


def random_double_texts():
    """Seeded random doubles as JSON arrays of repr() literals: uniform bit patterns, and short decimals."""
    import random
    import struct
    rng = random.Random(8785)
    arrays = []
    for _ in range(4):
        values = []
        while len(values) < 50:
            d = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
            if d == d and abs(d) != float("inf"):
                values.append(d)
        arrays.append("[" + ", ".join(repr(v) for v in values) + "]")
    for low, high in ((-30, 30), (-8, 23)):
        values = [float(f"{rng.randint(1, 99999)}e{rng.randint(low, high)}") * rng.choice((1, -1)) for _ in range(50)]
        arrays.append("[" + ", ".join(repr(v) for v in values) + "]")
    return arrays


def float_from_bits(bits):
    import struct
    return struct.unpack(">d", bytes.fromhex(bits))[0]


def canonical_file():
    cases = []
    for case_id, text, expected in RFC8785_EXAMPLES:
        [got] = cross_check([text])
        assert got == expected, (case_id, got, expected)
        cases.append({"id": case_id, "description": "RFC 8785 example, expected text from the RFC",
                      "flags": ["RFC8785"], "input": {"text": text},
                      "expected": {"result": "valid", "output": {"canonical": expected}}})
    for bits, expected in RFC8785_APPENDIX_B:
        text = repr(float_from_bits(bits))  # a literal that reads back as exactly these bits
        [got] = cross_check([text])
        assert got == expected, (bits, got, expected)
        cases.append({"id": f"rfc8785-appendix-b-{bits}", "description": f"RFC 8785 Appendix B: IEEE-754 {bits}",
                      "flags": ["RFC8785", "Number"], "input": {"text": text},
                      "expected": {"result": "valid", "output": {"canonical": expected}}})
    groups = [("number", NUMBER_TEXTS), ("string", STRING_TEXTS), ("structure", STRUCTURE_TEXTS),
              ("random-doubles", random_double_texts())]
    for group, texts in groups:
        outputs = cross_check(texts)
        for i, (text, out) in enumerate(zip(texts, outputs)):
            cases.append({"id": f"{group}-{i:02d}", "description": f"{group}: {text[:60]!r} (rfc8785 over json.loads)",
                          "input": {"text": text}, "expected": {"result": "valid", "output": {"canonical": out}}})
    write("json-canonical.json", "json.canonical", "RFC 8785 canonical JSON of texts the strict reader accepts.",
          f"RFC 8785 §3.2.2, §3.2.3, Appendix B (hand-copied, checked against the peers); all others: "
          f"{RFC8785_PKG} over {PY} json.loads, cross-checked with Node.js {NODE}", "json.canonicalize", cases)


def python_file():
    texts = NUMBER_TEXTS + STRING_TEXTS + STRUCTURE_TEXTS
    options = [(sk, ea, sep) for sk in (False, True) for ea in (True, False) for sep in ((", ", ": "), (",", ":"))]
    cases = []
    for i, text in enumerate(texts):
        value = json.loads(text)
        combos = options
        if not isinstance(value, (dict, list)):
            combos = [(False, True, (", ", ": ")), (False, False, (", ", ": "))]  # only ensure_ascii can matter
        for sk, ea, sep in combos:
            out = json.dumps(value, sort_keys=sk, ensure_ascii=ea, separators=sep)
            tag = f"{'sorted' if sk else 'insertion'}-{'ascii' if ea else 'utf8'}-{'compact' if sep[0] == ',' else 'default'}"
            cases.append({"id": f"text-{i:03d}-{tag}", "description": f"json.dumps of {text[:50]!r}",
                          "input": {"text": text, "sort_keys": sk, "ensure_ascii": ea, "separators": list(sep)},
                          "expected": {"result": "valid", "output": {"text": out}}})
    for i, text in enumerate(random_double_texts()):
        for sep in ((", ", ": "), (",", ":")):
            out = json.dumps(json.loads(text), separators=sep)
            cases.append({"id": f"random-doubles-{i}-{'compact' if sep[0] == ',' else 'default'}",
                          "description": "50 seeded random doubles (repr literals)",
                          "input": {"text": text, "sort_keys": False, "ensure_ascii": True, "separators": list(sep)},
                          "expected": {"result": "valid", "output": {"text": out}}})
    odd = '{"b": [1, 2], "a": {"y": null, "x": 1.5}}'
    for sep in (("  ,  ", " = "), ("", ""), (",\n", ": ")):
        out = json.dumps(json.loads(odd), sort_keys=True, ensure_ascii=True, separators=sep)
        cases.append({"id": f"odd-separators-{len(cases)}", "description": f"unusual separators {sep!r}",
                      "input": {"text": odd, "sort_keys": True, "ensure_ascii": True, "separators": list(sep)},
                      "expected": {"result": "valid", "output": {"text": out}}})
    write("json-python.json", "json.python", "CPython json.dumps output for texts the strict reader accepts.",
          f"{PY} json.dumps(json.loads(text), sort_keys, ensure_ascii, separators)", "json.python_dumps", cases)


if __name__ == "__main__":
    from json_reader_cases import reader_file  # noqa: E402  (kept in its own file: the negative list is long)
    canonical_file()
    python_file()
    reader_file(cross_check, PY, RFC8785_PKG, NODE, write)
