import FederationCrypto

/// Fuzz body for the two Ed25519 backends: libsodium and OpenSSL must give the same verdict under the policy of
/// `Spec/ed25519.md` on every input.
///
/// The input is read twice. As given: `key (32) ‖ signature (64) ‖ message`, so that arbitrary keys and signatures
/// (and the seeds made from the Ed25519 vectors, laid out the same way) reach both backends. As a recipe: its first
/// 32 bytes (zero-padded) are a seed and the rest the message; both backends sign (RFC 8032 signing is deterministic,
/// so the signatures must be equal) and verify; then the signature is mutated — byte XORs chosen by the input, or
/// S + L (the malleable twin, which rule 7 rejects) — and both verdicts must again agree, and be `false` whenever the
/// signature changed.
///
/// Invariants: key import succeeds on both or fails on both with the same code; every verdict is the same on both.
public func fuzzEd25519Differential(_ data: [UInt8]) {
    let key = Array(data.prefix(32))
    let signature = Array(data.dropFirst(32).prefix(64))
    let message = Array(data.dropFirst(96))
    _ = sameVerdict(key: key, signature: signature, message: message)

    var seed = Array(data.prefix(32))
    seed += [UInt8](repeating: 0, count: 32 - seed.count)
    let signed = Array(data.dropFirst(32))
    guard let sodium = try? Ed25519.PrivateKey(seed: SecretBytes(seed), backend: .sodium),
        let openssl = try? Ed25519.PrivateKey(seed: SecretBytes(seed), backend: .openssl)
    else { preconditionFailure("a 32-byte seed was refused") }
    precondition(sodium.publicKey == openssl.publicKey, "the backends derive different public keys from one seed")
    guard let good = try? sodium.signature(for: signed), let twin = try? openssl.signature(for: signed) else {
        preconditionFailure("signing failed")
    }
    precondition(good == twin, "the backends sign differently (RFC 8032 signing is deterministic)")
    let publicKey = sodium.publicKey.rawRepresentation
    precondition(sameVerdict(key: publicKey, signature: good, message: signed) == true, "a fresh signature failed")

    var mutated = good
    if data.first.map({ $0 & 0x80 != 0 }) ?? false {
        addL(toS: &mutated)
    } else {
        // Pairs (offset, mask) from the message bytes; a zero mask leaves the byte alone.
        var pairs = signed.makeIterator()
        while let offset = pairs.next(), let mask = pairs.next() { mutated[Int(offset) % 64] ^= mask }
    }
    let verdict = sameVerdict(key: publicKey, signature: mutated, message: signed)
    precondition(verdict == (mutated == good), "a mutated signature verified, or an unchanged one failed")
    // The valid signature under the input's own key bytes, and for a changed message.
    if let other = sameVerdict(key: key, signature: good, message: signed) {
        precondition(!other || key == publicKey, "a signature verified under another key")
    }
    if !signed.isEmpty {
        var changed = signed
        changed[0] ^= 1
        precondition(
            sameVerdict(key: publicKey, signature: good, message: changed) == false, "changed message verified")
    }
}

/// The verdict both backends give, or `nil` when both refuse the key (with the same code); traps when they differ.
private func sameVerdict(key: [UInt8], signature: [UInt8], message: [UInt8]) -> Bool? {
    let sodium = Result { () throws(FederationError) in try Ed25519.PublicKey(rawRepresentation: key, backend: .sodium)
    }
    let openssl = Result { () throws(FederationError) in
        try Ed25519.PublicKey(rawRepresentation: key, backend: .openssl)
    }
    switch (sodium, openssl) {
    case (.success(let a), .success(let b)):
        let verdict = a.isValidSignature(signature, for: message)
        precondition(verdict == b.isValidSignature(signature, for: message), "the backends' verdicts differ")
        return verdict
    case (.failure(let a), .failure(let b)):
        precondition(a.code == b.code, "the backends refuse a key with different codes")
        return nil
    default:
        preconditionFailure("one backend accepts a key the other refuses")
    }
}

/// Adds the group order L = 2^252 + 27742317777372353535851937790883648493 to S (the last 32 bytes, little-endian).
/// S < L for a signature from the signer, so S + L < 2^254 does not overflow: it is the malleable twin of S.
private func addL(toS signature: inout [UInt8]) {
    let l: [UInt8] = [
        0xED, 0xD3, 0xF5, 0x5C, 0x1A, 0x63, 0x12, 0x58, 0xD6, 0x9C, 0xF7, 0xA2, 0xDE, 0xF9, 0xDE, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ]
    var carry = 0
    for i in 0..<32 {
        let sum = Int(signature[32 + i]) + Int(l[i]) + carry
        signature[32 + i] = UInt8(sum & 0xFF)
        carry = sum >> 8
    }
}
