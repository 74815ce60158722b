"""The adapter protocol of the FederationSecurity conformance suite (Spec/conformance.md, "Adapter protocol"),
for adapters written in Python. Standard library only; copy it into your project or import it from here.

    from fedsec_adapter import serve, Invalid, InvalidInput, Unsupported

    def sha256_hash(input, now):
        return {"digest": hashlib.sha256(bytes.fromhex(input["message"])).hexdigest()}

    serve("my-impl", "1.2.3", {"sha256.hash": sha256_hash}, profiles=["native"])

An operation is a function (input: dict, now: int | None) -> dict | None. Returning means `valid` with that output
(None: no output); raising Invalid(code) means `invalid` with that error code (or none: Invalid()); Unsupported means
this implementation cannot do this case; InvalidInput(reason) means the vector does not fit the operation. Any other
exception becomes `invalid` with no code and is named on standard error, so that a crash in the peer is visible
but the run goes on. Standard output belongs to the protocol: nothing else may be printed there.
"""
import datetime
import json
import sys
from unittest import mock

PROTOCOL = 1


class Invalid(Exception):
    """The implementation rejects the input (with this suite's error code, if it has one)."""

    def __init__(self, code=None):
        super().__init__(code)
        self.code = code


class Unsupported(Exception):
    """The implementation cannot perform this case (the case is skipped)."""


class InvalidInput(Exception):
    """The case's input does not fit the operation (the vector is broken)."""


def frozen_clock(module, now):
    """Makes `module`'s datetime.datetime.now() return unix time `now` while the returned context is active (for
    peers that read the clock themselves: time is an input of the suite). `module` is the peer module that did
    `import datetime`."""

    class Frozen(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.fromtimestamp(now, tz or datetime.timezone.utc)

    return mock.patch.object(module.datetime, "datetime", Frozen)


class Input(dict):
    """A case's input: a missing member is the vector's problem (InvalidInput), so that an adapter reading a wrong
    field name shows up as an error instead of a code-less rejection that could pass a negative case."""

    def __missing__(self, key):
        raise InvalidInput(f"input.{key} is missing")


def answer(rid, operations, request):
    op = operations.get(request.get("op"))
    if op is None:
        return {"id": rid, "unsupported": True}
    try:
        output = op(Input(request["input"]), request.get("now"))
    except Unsupported:
        return {"id": rid, "unsupported": True}
    except InvalidInput as e:
        return {"id": rid, "result": "invalid", "error": "conformance.invalid_input", "reason": str(e)}
    except Invalid as e:
        return {"id": rid, "result": "invalid", **({"error": e.code} if e.code else {})}
    except Exception as e:  # the peer raised: a rejection without a code, and one line for people
        print(f"{request.get('op')}: {type(e).__name__}: {e}", file=sys.stderr)
        return {"id": rid, "result": "invalid"}
    return {"id": rid, "result": "valid", **({"output": output} if output is not None else {})}


def serve(implementation, version, operations, profiles=(), error_codes=True, stdin=None, stdout=None):
    """Answers requests until end of input."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for line in stdin:
        request = json.loads(line)
        rid = request["id"]
        if request.get("op") == "hello":
            reply = {"id": rid, "protocol": PROTOCOL, "implementation": implementation, "version": version,
                     "operations": sorted(operations), "profiles": list(profiles), "error_codes": error_codes}
        else:
            reply = answer(rid, operations, request)
        stdout.write(json.dumps(reply, ensure_ascii=False, separators=(",", ":")) + "\n")
        stdout.flush()
