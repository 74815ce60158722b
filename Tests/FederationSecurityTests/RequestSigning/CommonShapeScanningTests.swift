@testable import FederationSecurity
import Testing

/// The word-at-a-time pieces of the common-shape reader against definitions written here from the RFCs: RFC 8941
/// §3.3.3 (an sf-string's unescaped characters are %x20-21 / %x23-5B / %x5D-7E), the parameter names of RFC 9421
/// §2.3 this profile reads, and the component names of RFC 9421 §2.2 and the fields the verifier knows.
@Suite struct CommonShapeScanningTests {
    /// RFC 8941 §3.3.3: a byte a string may hold unescaped.
    static func isPlainStringByte(_ byte: UInt8) -> Bool {
        (0x20...0x21).contains(byte) || (0x23...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
    }

    @Test func stringSpecialBytesAreExactlyTheOnesAStringCannotHoldPlain() {
        for byte in UInt8.min...UInt8.max {
            #expect(WordBytes.isStringPlainByte(byte) == Self.isPlainStringByte(byte), "byte \(byte)")
        }
        for byte in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(byte)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                #expect(WordBytes.hasStringSpecialByte(word) == !Self.isPlainStringByte(UInt8(byte)))
            }
        }
        for limit in [UInt8(0x01), 0x20, 0x41, 0x80] {
            for byte in 0...255 {
                let word = UInt64(byte) << 24 | 0x8181_8181_0081_8181 & ~(0xFF << 24)
                let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
                #expect(WordBytes.hasByteBelow(word, limit) == bytes.contains { $0 < limit }, "\(byte) below \(limit)")
            }
        }
    }

    /// The end of a string by the RFC's definition: the first quote, unless a byte before it may not be there.
    static func referenceStringEnd(_ bytes: [UInt8], from: Int) -> Int? {
        for i in from..<bytes.count {
            if bytes[i] == UInt8(ascii: "\"") { return i }
            if !isPlainStringByte(bytes[i]) { return nil }
        }
        return nil
    }

    @Test func stringEndAgreesWithTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        let specials: [UInt8] = [
            0x00, 0x09, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xFF, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E,
        ]
        for round in 0..<20_000 {
            let count = round % 41
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x61...0x7A, using: &generator) }
            for _ in 0..<(round % 3) where count > 0 {
                bytes[Int.random(in: 0..<count, using: &generator)] = specials.randomElement(using: &generator)!
            }
            if round % 2 == 0, count > 0 { bytes[Int.random(in: 0..<count, using: &generator)] = UInt8(ascii: "\"") }
            let from = count == 0 ? 0 : Int.random(in: 0...count, using: &generator)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(
                    CommonShapeReader.stringEnd(buffer, from: from) == Self.referenceStringEnd(bytes, from: from),
                    "\(bytes) from \(from)")
            }
        }
    }

    static let parameterNames = ["created", "expires", "keyid", "nonce", "alg", "tag"]

    static func parameterKey(_ text: String, at start: Int = 0) -> (index: Int, valueStart: Int)? {
        Array(text.utf8).withUnsafeBufferPointer { CommonShapeReader.parameterKey($0, at: start) }
    }

    @Test func parameterKeysAreFoundWithTheirEquals() {
        for (index, name) in Self.parameterNames.enumerated() {
            // Followed by enough bytes for a word read, and at the very end (the byte-wise comparison).
            for text in [name + "=\"a long enough value\"", name + "=", name + "=1", ";" + name + "=9"] {
                let start = text.hasPrefix(";") ? 1 : 0
                let found = Self.parameterKey(text, at: start)
                #expect(found?.index == index, "\(text)")
                #expect(found?.valueStart == start + name.utf8.count + 1, "\(text)")
            }
        }
    }

    @Test func otherKeysAreNotParameters() {
        let misses = [
            "created", "create=1", "createdd=1", "creAted=1", "Created=1", "expire=1", "keyid1=2", "key=1", "nonce;",
            "alg", "al=1", "algo=\"x\"", "tag ", "tags=\"x\"", "ta=\"x\"", "x=1", "", "=1", "created =1", "c",
            "created\u{0}=1", "alg\u{0}=\"aaaaaaaa\"",
        ]
        for text in misses {
            #expect(Self.parameterKey(text) == nil, "\(text)")
            #expect(Self.parameterKey(text + "-and-more-bytes-after") == nil, "\(text)")
        }
        #expect(Self.parameterKey("created=1", at: 9) == nil)
    }

    /// RFC 9421 §2.2's derived components without parameters, and the fields the verifier prebuilds.
    static let prebuiltNames = [
        "@method", "@target-uri", "@authority", "@scheme", "@request-target", "@path", "@query", "@status",
        "content-type", "content-digest", "content-length", "date", "host", "authorization", "digest",
    ]

    static func match(_ text: String, at start: Int = 0) -> (name: String, end: Int)? {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            PrebuiltTable.shared.match(buffer, at: start).map {
                (ComponentIdentifier.prebuilt[$0.index].serialized, $0.end)
            }
        }
    }

    @Test func everyPrebuiltIdentifierIsMatchedWhereverItStands() {
        #expect(Set(ComponentIdentifier.prebuilt.map(\.serialized)) == Set(Self.prebuiltNames.map { "\"\($0)\"" }))
        for name in Self.prebuiltNames {
            let quoted = "\"\(name)\""
            for (text, start) in [(quoted, 0), (quoted + ")", 0), ("(" + quoted + " \"date\")", 1), ("x" + quoted, 1)] {
                let found = Self.match(text, at: start)
                #expect(found?.name == quoted, "\(text)")
                #expect(found?.end == start + quoted.utf8.count, "\(text)")
            }
        }
    }

    @Test func nearMissesAreNotMatched() {
        var misses: [String] = []
        for name in Self.prebuiltNames {
            let quoted = "\"\(name)\""
            misses.append(String(quoted.dropLast()))  // no closing quote
            misses.append(String(quoted.dropLast(2)) + "\"")  // one byte short
            misses.append(String(quoted.dropLast()) + "x\"")  // one byte more
            misses.append(quoted.uppercased())
            misses.append(" " + quoted)  // not at the start
            misses.append("\"" + name + "\\\"")  // escaped quote instead of the closing one
        }
        misses += ["\"content-\"", "\"content-lengtx\"", "\"content-digesT\"", "\"@met\"", "\"", "", "\"dat"]
        for text in misses {
            #expect(Self.match(text) == nil, "\(text)")
        }
    }
}
