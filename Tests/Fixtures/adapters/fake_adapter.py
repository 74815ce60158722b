#!/usr/bin/env python3
"""A misbehaving adapter for AdapterTests: it speaks the adapter protocol for sha256.hash only, and what it does with
a case depends on the case's input.message (hex):

  00..: answers correctly (hashlib)          c1: exits with status 3 (a crash)
  c2:   hangs (sleeps 60 s)                  c3: writes a line that is not JSON
  c4:   answers {"unsupported": true}        c5: writes a line of 100,000 bytes
  c6:   answers with the wrong id            c7: answers "invalid" without an error code
  c8:   closes stdout and stays alive        c9: answers "valid" with a wrong digest
  ca:   answers "invalid" with the code token.expired

argv[1] chooses the hello: ok (default), protocol2, garbage, silent, exit, no-codes, crash-after-hello (exits on the
first case of every process), second-hello-fails (the first process is fine; every later one exits before hello;
argv[2] is a file used as the counter).
Any operation other than sha256.hash crashes it: the runner must never send one (the hello lists only sha256.hash).
"""
import hashlib, json, os, sys, time

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"


def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


hello = json.loads(sys.stdin.readline())
if mode == "second-hello-fails":
    counter = sys.argv[2]
    starts = int(open(counter).read()) if os.path.exists(counter) else 0
    open(counter, "w").write(str(starts + 1))
    if starts > 0:
        sys.exit(4)
if mode == "silent":
    time.sleep(60)
if mode == "exit":
    sys.exit(2)
if mode == "garbage":
    sys.stdout.write("hello yourself\n")
    sys.stdout.flush()
    time.sleep(60)
send({"id": hello["id"], "protocol": 2 if mode == "protocol2" else 1, "implementation": "fake", "version": "9.9",
      "operations": ["sha256.hash"], "profiles": ["native"], "error_codes": mode != "no-codes"})

for line in sys.stdin:
    req = json.loads(line)
    if req["op"] != "sha256.hash" or mode == "crash-after-hello":
        sys.exit(5)
    msg = req["input"]["message"]
    rid = req["id"]
    if msg == "c1":
        sys.exit(3)
    elif msg == "c2":
        time.sleep(60)
    elif msg == "c3":
        sys.stdout.write("Traceback (most recent call last): oops\n")
        sys.stdout.flush()
    elif msg == "c4":
        send({"id": rid, "unsupported": True})
    elif msg == "c5":
        sys.stdout.write("x" * 100_000 + "\n")
        sys.stdout.flush()
    elif msg == "c6":
        send({"id": rid + 1, "result": "valid"})
    elif msg == "c7":
        send({"id": rid, "result": "invalid"})
    elif msg == "c8":
        os.close(1)
        time.sleep(60)
    elif msg == "ca":
        send({"id": rid, "result": "invalid", "error": "token.expired"})
    elif msg == "c9":
        send({"id": rid, "result": "valid", "output": {"digest": "00" * 32}})
    else:
        send({"id": rid, "result": "valid", "output": {"digest": hashlib.sha256(bytes.fromhex(msg)).hexdigest()}})
