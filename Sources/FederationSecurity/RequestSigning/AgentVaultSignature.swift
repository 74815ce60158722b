/// The AgentVault registry-federation legacy scheme: a header `<unix-ts>.<hex HMAC-SHA256>` whose MAC covers
/// `METHOD \n path \n body \n ts`.
///
/// Unlike the documented verifier, this one recomputes the MAC with the **received** timestamp (the documented one
/// uses the current time, so it only works within one second), rejects timestamps beyond the allowed future skew,
/// and applies the same replay window and store as RFC 9421 (the replay key is the MAC).
public enum AgentVaultSignature {
    /// Longest header value read: 19 digits (the longest decimal `Int64`), a dot and 64 hex digits. Longer values
    /// are rejected before any of their bytes are copied or parsed.
    public static let maxHeaderLength = 84

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
        let (timestamp, mac) = try authenticate(header, method: method, path: path, body: body, key: key)
        try window.check(created: timestamp, expires: nil, now: now)
        guard
            try await replayStore.insertIfAbsent(
                .agentVault(mac: mac), expiresAt: window.retainUntil(created: timestamp, expires: nil), now: now)
        else { throw FederationError(.replayDetected, "AgentVault signature was already accepted") }
    }

    /// The first half of ``verify(_:method:path:body:key:window:replayStore:now:)``: parses the header and checks
    /// its MAC, without the time window or the replay store.
    /// - Returns: the header's timestamp and MAC.
    /// - Throws: `request.malformed_header`, `request.signature_invalid`.
    @_spi(Fuzzing)
    public static func authenticate(
        _ header: String, method: String, path: String, body: [UInt8], key: HMACSHA256.Key
    ) throws(FederationError) -> (timestamp: Int64, mac: [UInt8]) {
        let (timestamp, mac) = try parse(header)
        guard
            key.isValidAuthenticationCode(
                mac, for: message(method: method, path: path, body: body, timestamp: timestamp))
        else { throw FederationError(.requestSignatureInvalid, "AgentVault MAC does not verify") }
        return (timestamp, mac)
    }

    /// Reads `<ts>.<64 lowercase hex>`; the length is checked before the value's bytes are copied.
    @_spi(Fuzzing)
    public static func parse(_ header: String) throws(FederationError) -> (timestamp: Int64, mac: [UInt8]) {
        func bad(_ why: String) -> FederationError { FederationError(.requestMalformedHeader, "AgentVault: \(why)") }
        guard header.utf8.count <= maxHeaderLength else { throw bad("longer than \(maxHeaderLength) bytes") }
        let bytes = Array(header.utf8)
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else {
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
