/// The AgentVault registry-federation legacy scheme: a header `<unix-ts>.<hex HMAC-SHA256>` whose MAC covers
/// `METHOD \n path \n body \n ts`.
///
/// Unlike the documented verifier, this one recomputes the MAC with the **received** timestamp (the documented one
/// uses the current time, so it only works within one second), rejects timestamps beyond the allowed future skew,
/// and applies the same replay window and store as RFC 9421 (the replay key is the MAC).
public enum AgentVaultSignature {
    /// Longest header value read: 20 digits, a dot and 64 hex digits.
    public static let maxHeaderLength = 85

    /// The MAC input: `METHOD` ‖ LF ‖ `path` ‖ LF ‖ body ‖ LF ‖ decimal `timestamp`.
    public static func message(method: String, path: String, body: [UInt8], timestamp: Int64) -> [UInt8] {
        var bytes = Array(method.utf8)
        bytes.append(0x0A)
        bytes += path.utf8
        bytes.append(0x0A)
        bytes += body
        bytes.append(0x0A)
        bytes += String(timestamp).utf8
        return bytes
    }

    /// The header value for a request signed at `timestamp`.
    public static func sign(
        method: String, path: String, body: [UInt8], timestamp: Int64, key: HMACSHA256.Key
    ) -> String {
        let mac = key.authenticationCode(for: message(method: method, path: path, body: body, timestamp: timestamp))
        return "\(timestamp).\(Hex.encode(mac))"
    }

    /// Verifies a header value and records it in `replayStore`.
    /// - Throws: `request.malformed_header` unless the value is `<ts>.<64 lowercase hex>` with `ts` a decimal
    ///   integer without sign or leading zero; `request.signature_invalid`; `request.future`; `request.stale`;
    ///   `replay.detected`, `replay.store_full`.
    public static func verify(
        _ header: String, method: String, path: String, body: [UInt8], key: HMACSHA256.Key,
        window: ReplayWindow = ReplayWindow(), replayStore: any ReplayStore, now: Int64
    ) async throws(FederationError) {
        let (timestamp, mac) = try parse(header)
        guard
            key.isValidAuthenticationCode(
                mac, for: message(method: method, path: path, body: body, timestamp: timestamp))
        else { throw FederationError(.requestSignatureInvalid, "AgentVault MAC does not verify") }
        try window.check(created: timestamp, expires: nil, now: now)
        guard
            try await replayStore.insertIfAbsent(
                .agentVault(mac: mac), expiresAt: window.retainUntil(created: timestamp, expires: nil), now: now)
        else { throw FederationError(.replayDetected, "AgentVault signature was already accepted") }
    }

    static func parse(_ header: String) throws(FederationError) -> (Int64, [UInt8]) {
        func bad(_ why: String) -> FederationError { FederationError(.requestMalformedHeader, "AgentVault: \(why)") }
        let bytes = Array(header.utf8)
        guard bytes.count <= maxHeaderLength, let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else {
            throw bad("not <timestamp>.<hex>")
        }
        let digits = bytes[..<dot]
        guard (1...19).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
            digits.first != UInt8(ascii: "0") || digits.count == 1,
            let timestamp = Int64(String(decoding: digits, as: UTF8.self))
        else { throw bad("timestamp is not a decimal integer") }
        let hex = bytes[(dot + 1)...]
        guard hex.count == 64, hex.allSatisfy({ $0.isASCIIDigit || (0x61...0x66).contains($0) }),
            let mac = try? Hex.decode(String(decoding: hex, as: UTF8.self))
        else { throw bad("MAC is not 64 lower-case hex digits") }
        return (timestamp, mac)
    }
}
