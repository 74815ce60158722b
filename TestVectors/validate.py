#!/usr/bin/env python3
"""Validates every project-format vector file under TestVectors/ against schema/vector-file.schema.json and checks
what the schema cannot: case ids unique within a file. Files in external/ (native formats), schema/ and generators/
are skipped. Exits 1 on any problem. Needs the `jsonschema` package."""
import glob, json, os, sys
import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
schema = json.load(open(os.path.join(HERE, "schema", "vector-file.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
problems, checked = [], 0
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
    ids = [c.get("id") for c in doc.get("cases", []) if isinstance(c, dict)]
    problems += [f"{rel}: duplicate case id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
for p in problems:
    print(p)
print(f"{checked} vector files checked, {len(problems)} problems")
sys.exit(1 if problems or checked == 0 else 0)
