#!/usr/bin/env python3
"""Validates every project-format vector file under TestVectors/ against schema/vector-file.schema.json, and checks
what the schema cannot: case ids unique within a file, suite names unique across files, and every operation listed
in the operations table of Spec/conformance.md. Files in external/ (native formats), schema/ and generators/ are
skipped. Before that, it checks that the schema itself rejects a few known-bad files. Exits 1 on any problem.
Needs the `jsonschema` package (PyPI)."""
import copy, glob, json, os, re, sys
import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
schema = json.load(open(os.path.join(HERE, "schema", "vector-file.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
problems = []

# The operations table of Spec/conformance.md: back-quoted names in the first column under "## Operations".
spec = open(os.path.join(HERE, "..", "Spec", "conformance.md"), encoding="utf-8").read()
section = spec.split("\n## Operations\n", 1)[1].split("\n## ", 1)[0]
operations = {name for line in section.splitlines() if line.startswith("| `")
              for name in re.findall(r"`([a-z0-9-]+(?:\.[a-z0-9_-]+)+)`", line.split("|")[1])}
if len(operations) < 20:
    problems.append(f"Spec/conformance.md: only {len(operations)} operations found in the table")

# The schema must reject each of these (a schema that accepts everything would pass every file).
good = {"suite": "t.x", "version": "1", "description": "d", "source": "FIPS 180-4", "operation": "sha256.hash",
        "cases": [{"id": "a", "input": {"message": ""}, "expected": {"result": "valid"}}]}
def mutated(change):
    doc = copy.deepcopy(good)
    change(doc)
    return doc
must_reject = {
    "missing suite": mutated(lambda d: d.pop("suite")),
    "unknown top-level field": mutated(lambda d: d.update(sutie="x")),
    "empty cases": mutated(lambda d: d.update(cases=[])),
    "invalid without error": mutated(lambda d: d["cases"][0]["expected"].update(result="invalid")),
    "valid with error": mutated(lambda d: d["cases"][0]["expected"].update(error="x.y")),
    "invalid with output": mutated(lambda d: d["cases"][0]["expected"].update(result="invalid", error="x.y", output={})),
    "unknown case field": mutated(lambda d: d["cases"][0].update(expect={})),
    "result acceptable": mutated(lambda d: d["cases"][0]["expected"].update(result="acceptable")),
    "now not an integer": mutated(lambda d: d["cases"][0].update(now="5")),
    "id with a space": mutated(lambda d: d["cases"][0].update(id="a b")),
}
if not validator.is_valid(good):
    problems.append("schema self-check: the reference good file is rejected")
for name, doc in must_reject.items():
    if validator.is_valid(doc):
        problems.append(f"schema self-check: accepts a file with {name}")

checked, suites = 0, {}
for path in sorted(glob.glob(os.path.join(HERE, "**", "*.json"), recursive=True)):
    rel = os.path.relpath(path, HERE)
    if rel.split(os.sep)[0] in ("external", "schema", "generators"):
        continue
    checked += 1
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        problems.append(f"{rel}: not JSON: {e}")
        continue
    for error in validator.iter_errors(doc):
        problems.append(f"{rel}: {'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
    if not isinstance(doc, dict):
        continue
    cases = [c for c in doc.get("cases", []) if isinstance(c, dict)]
    ids = [c.get("id") for c in cases]
    problems += [f"{rel}: duplicate case id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for op in sorted({doc.get("operation")} | {c["operation"] for c in cases if "operation" in c}):
        if isinstance(op, str) and op not in operations:
            problems.append(f"{rel}: operation {op} is not in the operations table of Spec/conformance.md")
    name = doc.get("suite")
    if name in suites:
        problems.append(f"{rel}: suite {name} is also declared by {suites[name]}")
    suites[name] = rel
for p in problems:
    print(p)
print(f"{checked} vector files checked against the schema and {len(operations)} operations, {len(problems)} problems")
sys.exit(1 if problems or checked == 0 else 0)
