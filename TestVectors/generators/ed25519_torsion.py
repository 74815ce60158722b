#!/usr/bin/env python3
"""Derives the Ed25519 points of order 1, 2, 4 and 8 by curve arithmetic and prints their encodings with their order.
Source of Ed25519Policy.smallOrderY (FederationCrypto) and of ed25519_policy.py."""
# Independent derivation of the Ed25519 small-order (8-torsion) points, by curve arithmetic.
p = 2**255 - 19
d = (-121665 * pow(121666, -1, p)) % p
L = 2**252 + 27742317777372353535851937790883648493
def add(P, Q):
    (x1, y1), (x2, y2) = P, Q
    t = d * x1 * x2 * y1 * y2 % p
    x3 = (x1 * y2 + y1 * x2) * pow(1 + t, -1, p) % p
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, -1, p) % p
    return (x3, y3)
def mul(k, P):
    R = (0, 1)
    while k:
        if k & 1: R = add(R, P)
        P = add(P, P); k >>= 1
    return R
def recover_x(y, sign):
    x2 = (y*y - 1) * pow(d*y*y + 1, -1, p) % p
    x = pow(x2, (p + 3) // 8, p)
    if (x*x - x2) % p: x = x * pow(2, (p - 1) // 4, p) % p
    if (x*x - x2) % p: return None
    if x & 1 != sign: x = p - x
    return x
def enc(P):
    x, y = P
    return (y | ((x & 1) << 255)).to_bytes(32, 'little')
pts = set()
y = 2
while len(pts) < 8:
    x = recover_x(y, 0)
    if x is not None:
        pts.add(mul(L, (x, y)))
    y += 1
for P in sorted(pts, key=lambda P: enc(P)):
    n = 1; Q = P
    while Q != (0, 1): Q = add(Q, P); n += 1
    print(n, enc(P).hex())
