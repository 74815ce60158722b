@testable import FederationSecurity
import Testing

/// ``DIDURL/init(_:)`` reads the contiguous UTF-8 with integer offsets; these check it against the String-index
/// implementation it replaced (kept here as the reference) on DID URLs built to fail at each check and on many
/// random mutations: the same parts, or the same error code and reason.
@Suite struct DIDURLScanDifferentialTests {
    enum Outcome: Equatable {
        case parsed(did: String, method: String, id: String, fragment: String?)
        case rejected(ErrorCode, String)
    }

    /// The implementation before the byte scan, verbatim apart from returning an ``Outcome``.
    static func reference(_ text: String) -> Outcome {
        func invalid(_ reason: String) -> Outcome { .rejected(.didInvalidDID, reason) }
        func percentOK(_ s: Substring) -> Bool {
            guard s.utf8.contains(0x25) else { return true }
            let bytes = Array(s.utf8)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x25 {
                    guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                    i += 3
                } else {
                    i += 1
                }
            }
            return true
        }
        guard text.utf8.count <= DIDURL.maxLength else { return invalid("longer than \(DIDURL.maxLength) bytes") }
        let utf8 = text.utf8
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let didEnd = hash ?? utf8.endIndex
        var fragmentText: String?
        if let hash {
            let fragment = Substring(utf8[utf8.index(after: hash)...])
            guard !fragment.isEmpty, fragment.utf8.allSatisfy(isFragmentByte), percentOK(fragment)
            else { return invalid("invalid fragment") }
            fragmentText = String(fragment)
        }
        guard let first = utf8[..<didEnd].firstIndex(of: UInt8(ascii: ":")),
            let second = utf8[utf8.index(after: first)..<didEnd].firstIndex(of: UInt8(ascii: ":")),
            utf8[..<first].elementsEqual("did".utf8)
        else { return invalid("must start with did:<method>:") }
        let methodName = Substring(utf8[utf8.index(after: first)..<second])
        guard !methodName.isEmpty,
            methodName.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
        else { return invalid("method name must be lower-case letters and digits") }
        let id = Substring(utf8[utf8.index(after: second)..<didEnd])
        guard !id.isEmpty, id.utf8.last != 0x3A, id.utf8.allSatisfy({ isIDByte($0) || $0 == 0x3A }), percentOK(id)
        else { return invalid("invalid method-specific identifier") }
        let did = hash == nil ? text : String(Substring(utf8[..<didEnd]))
        return .parsed(did: did, method: String(methodName), id: String(id), fragment: fragmentText)
    }

    static func isHex(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
    }

    /// idchar (ALPHA / DIGIT / "." / "-" / "_" / "%"), as a set of bytes.
    static let idBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_%".utf8)
    static func isIDByte(_ b: UInt8) -> Bool { idBytes.contains(b) }

    /// RFC 3986 fragment bytes (pchar / "/" / "?", with "%"), as a set of bytes.
    static let fragmentBytes = idBytes.union("~!$&'()*+,;=:@/?".utf8)
    static func isFragmentByte(_ b: UInt8) -> Bool { fragmentBytes.contains(b) }

    static func actual(_ text: String) -> Outcome {
        do {
            let url = try DIDURL(text)
            return .parsed(did: url.did, method: url.method, id: url.methodSpecificID, fragment: url.fragment)
        } catch {
            return .rejected(error.code, error.reason)
        }
    }

    static let seeds = [
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:web:example.com%3A8443:users:alice#key-1", "did:web:a%2", "did:web:a%zz", "did:web:a:", "did::x",
        "did:Key:x", "dad:key:x", "did:key", "did:key:x#", "did:key:x#a b", "did:key:x#%4", "did:key:x#%41/?",
        "did:kéy:x", "did:key:é", "did:key:x#é", "", "#", ":", "did:", "did:a:b:c:d",
        String(repeating: "a", count: 2049), "did:web:" + String(repeating: "a", count: 2040),
    ]

    /// The identifier scan's byte-class table against this file's own reading of the DID Core ABNF (idchar or `:`,
    /// with `%` marked), on every byte.
    @Test func identifierByteTableMatchesTheGrammar() {
        for b in UInt8.min...UInt8.max {
            let allowed = Self.isIDByte(b) || b == UInt8(ascii: ":")
            let expected = !allowed ? DIDURL.notIDByte : b == UInt8(ascii: "%") ? DIDURL.percentByte : 0
            #expect(DIDURL.idByteClasses[Int(b)] == expected, "byte \(b)")
        }
    }

    @Test func seedsAgree() {
        for seed in Self.seeds {
            #expect(Self.actual(seed) == Self.reference(seed), "\(seed)")
        }
    }

    @Test func mutationsAgree() {
        var rng = SplitMix64(seed: 0x5EED_0D1D)
        let fragments = ["#", ":", "%", "%4", "%41", "é", " ", "did:", "key", "\u{0}", "/", "?", "..", "_", "-", "Z"]
        for round in 0..<20_000 {
            var text = Array(Self.seeds[round % Self.seeds.count].unicodeScalars)
            for _ in 0..<(1 + round % 3) {
                let at = text.isEmpty ? 0 : Int(rng.next() % UInt64(text.count + 1))
                let fragment = Array(fragments[Int(rng.next() % UInt64(fragments.count))].unicodeScalars)
                switch rng.next() % 3 {
                case 0: text.insert(contentsOf: fragment, at: at)
                case 1: text.removeSubrange(at..<min(text.count, at + 1 + Int(rng.next() % 3)))
                default: text.replaceSubrange(at..<min(text.count, at + 1), with: fragment)
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: text)
            let candidate = String(s)
            #expect(Self.actual(candidate) == Self.reference(candidate), "\(candidate)")
        }
    }
}
