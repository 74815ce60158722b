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
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let didPart = parts[0]
        fragment = parts.count == 2 ? String(parts[1]) : nil
        if let fragment {
            guard !fragment.isEmpty, fragment.utf8.allSatisfy(Self.isFragmentByte),
                Self.percentEncodingIsWellFormed(fragment)
            else { throw Self.invalid("invalid fragment") }
        }
        let pieces = didPart.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0] == "did" else { throw Self.invalid("must start with did:<method>:") }
        guard !pieces[1].isEmpty,
            pieces[1].utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
        else { throw Self.invalid("method name must be lower-case letters and digits") }
        let id = pieces[2]
        // method-specific-id = *( *idchar ":" ) 1*idchar
        guard !id.isEmpty, id.last != ":", id.utf8.allSatisfy({ Self.isIDByte($0) || $0 == 0x3A }),
            Self.percentEncodingIsWellFormed(id)
        else { throw Self.invalid("invalid method-specific identifier") }
        did = String(didPart)
        method = String(pieces[1])
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
