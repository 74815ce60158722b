#!/usr/bin/env python3
"""Times weaver-kernel 0.12's HMACTokenProvider.verify for comparison with `fedsec bench` (token.native.verify).
Run: python3 -m venv v && v/bin/pip install "weaver-kernel==0.12.0" && v/bin/python weaver_kernel_verify.py
"""
import logging, timeit
import weaver_kernel.tokens as wt

logging.disable(logging.CRITICAL)
provider = wt.HMACTokenProvider(secret="x" * 32)
token = provider.issue("db.query", "agent-7", constraints={"max_rows": 10}, ttl_seconds=3600)
n = 20000
t = timeit.timeit(lambda: provider.verify(token, expected_principal_id="agent-7", expected_capability_id="db.query"), number=n)
print(f"weaver-kernel HMACTokenProvider.verify: {n / t:.0f} ops/s ({t / n * 1e6:.1f} us)")
