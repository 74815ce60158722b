import FederationSecurity
import Testing

/// Size limits of the RFC 4648 codecs and hex, tested at the boundary: the limit is accepted, limit + 1 rejected.
@Suite("RFC 4648 and hex limits")
struct RFC4648LimitTests {
    struct Codec: Sendable, CustomStringConvertible {
        let description: String
        let defaultLimit: Int
        /// A repeatable canonical unit: `String(repeating:count:)` of it stays valid at every multiple of its length.
        let unit: String
        let tooLarge: ErrorCode
        let decode: @Sendable (String) throws(FederationError) -> [UInt8]
        let decodeWithLimit: @Sendable (String, Int) throws(FederationError) -> [UInt8]
    }

    static let codecs: [Codec] = [
        Codec(
            description: "base64", defaultLimit: 1 << 20, unit: "AAAA", tooLarge: .base64TooLarge,
            decode: { (t: String) throws(FederationError) in try Base64.decode(t) },
            decodeWithLimit: { (t: String, n: Int) throws(FederationError) in try Base64.decode(t, maxTextLength: n) }),
        Codec(
            description: "base64url", defaultLimit: 1 << 20, unit: "AAAA", tooLarge: .base64urlTooLarge,
            decode: { (t: String) throws(FederationError) in try Base64URL.decode(t) },
            decodeWithLimit: { (t: String, n: Int) throws(FederationError) in
                try Base64URL.decode(t, maxTextLength: n)
            }),
        Codec(
            description: "base32", defaultLimit: 1 << 20, unit: "aaaaaaaa", tooLarge: .base32TooLarge,
            decode: { (t: String) throws(FederationError) in try Base32.decode(t) },
            decodeWithLimit: { (t: String, n: Int) throws(FederationError) in try Base32.decode(t, maxTextLength: n) }),
        Codec(
            description: "hex", defaultLimit: 1 << 20, unit: "00", tooLarge: .hexTooLarge,
            decode: { (t: String) throws(FederationError) in try Hex.decode(t) },
            decodeWithLimit: { (t: String, n: Int) throws(FederationError) in try Hex.decode(t, maxTextLength: n) }),
    ]

    @Test(arguments: codecs)
    func defaultLimitBoundary(_ codec: Codec) throws {
        let atLimit = String(repeating: codec.unit, count: codec.defaultLimit / codec.unit.utf8.count)
        #expect(atLimit.utf8.count == codec.defaultLimit)
        #expect(try !codec.decode(atLimit).isEmpty)
        let overLimit = atLimit + codec.unit
        #expect(throws: FederationError(codec.tooLarge)) { try codec.decode(overLimit) }
    }

    @Test(arguments: codecs)
    func explicitLimitIsCheckedFirst(_ codec: Codec) throws {
        let text = codec.unit
        #expect(try codec.decodeWithLimit(text, text.utf8.count).count >= 1)
        #expect(throws: FederationError(codec.tooLarge)) { try codec.decodeWithLimit(text, text.utf8.count - 1) }
        // Over the limit wins over every other error: the text is not looked at.
        #expect(throws: FederationError(codec.tooLarge)) { try codec.decodeWithLimit("!!!!!!!!!", 8) }
    }
}
