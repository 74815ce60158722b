/// A DID with an optional fragment (`did:method:id#fragment`), checked against the DID syntax of W3C DID Core §3.1.
///
/// Paths and queries are not supported (no verification method needs them here) and are rejected.
public struct DIDURL: Sendable, Hashable, CustomStringConvertible {
    /// The longest DID URL accepted, checked first.
    public static let maxLength = 2048

    /// `did:<method>:<method-specific-id>`.
    public let did: String
    /// The method name (`key`, `web`).
    public let method: String
    /// The method-specific identifier.
    public let methodSpecificID: String
    /// The fragment without `#`, if any.
    public let fragment: String?

    /// Parses a DID or DID URL.
    /// - Throws: `did.invalid_did`.
    public init(_ text: String) throws(FederationError) {
        guard text.utf8.count <= Self.maxLength else { throw Self.invalid("longer than \(Self.maxLength) bytes") }
        // Byte scans, not String.split: this runs twice per UCAN and splitting walks grapheme clusters. Every byte
        // a valid DID URL may hold is ASCII, so the result is the same.
        let utf8 = text.utf8
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let didEnd = hash ?? utf8.endIndex
        if let hash {
            let fragment = Substring(utf8[utf8.index(after: hash)...])
            guard !fragment.isEmpty, fragment.utf8.allSatisfy(Self.isFragmentByte),
                Self.percentEncodingIsWellFormed(fragment)
            else { throw Self.invalid("invalid fragment") }
            self.fragment = String(fragment)
        } else {
            self.fragment = nil
        }
        guard let first = utf8[..<didEnd].firstIndex(of: UInt8(ascii: ":")),
            let second = utf8[utf8.index(after: first)..<didEnd].firstIndex(of: UInt8(ascii: ":")),
            utf8[..<first].elementsEqual("did".utf8)
        else { throw Self.invalid("must start with did:<method>:") }
        let methodName = Substring(utf8[utf8.index(after: first)..<second])
        guard !methodName.isEmpty,
            methodName.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
        else { throw Self.invalid("method name must be lower-case letters and digits") }
        let id = Substring(utf8[utf8.index(after: second)..<didEnd])
        // method-specific-id = *( *idchar ":" ) 1*idchar
        guard !id.isEmpty, id.utf8.last != 0x3A, id.utf8.allSatisfy({ Self.isIDByte($0) || $0 == 0x3A }),
            Self.percentEncodingIsWellFormed(id)
        else { throw Self.invalid("invalid method-specific identifier") }
        did = String(Substring(utf8[..<didEnd]))
        method = String(methodName)
        methodSpecificID = String(id)
    }

    public var description: String { fragment.map { "\(did)#\($0)" } ?? did }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.didInvalidDID, reason)
    }

    /// idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
    static func isIDByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2E, 0x2D, 0x5F, 0x25: return true
        default: return false
        }
    }

    /// RFC 3986 fragment = *( pchar / "/" / "?" )
    static func isFragmentByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "%"):
            return true
        default: return false
        }
    }

    /// Every `%` is followed by two hex digits.
    static func percentEncodingIsWellFormed(_ s: some StringProtocol) -> Bool {
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25 {
                guard i + 2 < bytes.count, bytes[i + 1].isHexDigit, bytes[i + 2].isHexDigit else { return false }
                i += 3
            } else {
                i += 1
            }
        }
        return true
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
