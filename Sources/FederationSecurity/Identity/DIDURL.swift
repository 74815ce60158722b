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
    /// The method-specific identifier: `did` after `did:<method>:` (read from `did` when asked, not kept: most DIDs
    /// parsed, the issuer and audience of every UCAN, never need it on their own).
    public var methodSpecificID: String {
        String(Substring(did.utf8.dropFirst(4 + method.utf8.count + 1)))
    }
    /// The fragment without `#`, if any.
    public let fragment: String?

    /// Parses a DID or DID URL.
    /// - Throws: `did.invalid_did`.
    public init(_ text: String) throws(FederationError) {
        guard text.utf8.count <= Self.maxLength else { throw Self.invalid("longer than \(Self.maxLength) bytes") }
        // One scan of the contiguous UTF-8 with integer offsets: this runs twice per UCAN, and walking String or
        // Substring indices costs several times as much. Every byte a valid DID URL may hold is ASCII, so the parts
        // read from the bytes are the parts of the text.
        let parts = try TextBytes.withUTF8(text) { Self.scan($0) }.get()
        if parts.fragment != nil {
            did = String(Substring(text.utf8.prefix(parts.didEnd)))
            fragment = String(Substring(text.utf8.dropFirst(parts.didEnd + 1)))
        } else {
            did = text  // without a fragment, the DID is the text
            fragment = nil
        }
        method = parts.method
    }

    /// The checks of ``init(_:)`` on the UTF-8 bytes, in its order: fragment, `did:<method>:`, method name,
    /// method-specific identifier. Returns where the DID ends and the method name.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<
        (didEnd: Int, fragment: Range<Int>?, method: String), FederationError
    > {
        let hash = WordBytes.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 0)
        let didEnd = hash ?? bytes.count
        var fragment: Range<Int>?
        if let hash {
            let range = (hash + 1)..<bytes.count
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            guard !slice.isEmpty, slice.allSatisfy(Self.isFragmentByte), Self.percentEncodingIsWellFormed(slice)
            else { return .failure(Self.invalid("invalid fragment")) }
            fragment = range
        }
        let head = UnsafeBufferPointer(rebasing: bytes[..<didEnd])
        // `did` compared byte by byte (not through a `String.UTF8View` iterator).
        guard let first = head.firstIndex(of: UInt8(ascii: ":")),
            let second = head[(first + 1)...].firstIndex(of: UInt8(ascii: ":")),
            first == 3, head[0] == UInt8(ascii: "d"), head[1] == UInt8(ascii: "i"), head[2] == UInt8(ascii: "d")
        else { return .failure(Self.invalid("must start with did:<method>:")) }
        let methodName = UnsafeBufferPointer(rebasing: head[(first + 1)..<second])
        guard !methodName.isEmpty,
            methodName.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
        else { return .failure(Self.invalid("method name must be lower-case letters and digits")) }
        let id = UnsafeBufferPointer(rebasing: head[(second + 1)...])
        // method-specific-id = *( *idchar ":" ) 1*idchar
        // One branch-free pass over the bytes (their classes OR-ed); the `%XX` check only when there is a `%`
        // (did:key identifiers have none).
        let classes = Self.idByteClasses.withUnsafeBufferPointer { table in
            id.reduce(UInt8(0)) { $0 | table[Int($1)] }
        }
        guard classes & Self.notIDByte == 0 else {
            return .failure(Self.invalid("invalid method-specific identifier"))
        }
        let percent = classes & Self.percentByte != 0
        guard !id.isEmpty, id.last != 0x3A, !percent || Self.percentEncodingIsWellFormed(id)
        else { return .failure(Self.invalid("invalid method-specific identifier")) }
        return .success((didEnd, fragment, Self.methodString(methodName)))
    }

    /// The method name as a string: the literal for `key` and `web` (no UTF-8 validation), else decoded.
    private static func methodString(_ name: UnsafeBufferPointer<UInt8>) -> String {
        if name.count == 3, name[1] == UInt8(ascii: "e") {
            if name[0] == UInt8(ascii: "k"), name[2] == UInt8(ascii: "y") { return "key" }
            if name[0] == UInt8(ascii: "w"), name[2] == UInt8(ascii: "b") { return "web" }
        }
        return String(decoding: name, as: UTF8.self)
    }

    public var description: String { fragment.map { "\(did)#\($0)" } ?? did }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.didInvalidDID, reason)
    }

    /// Each byte's class for the identifier scan: ``notIDByte`` unless ``isIDByte(_:)`` or `:`, ``percentByte`` for
    /// `%`, else 0 (built from ``isIDByte(_:)``, the one definition of the class).
    static let idByteClasses: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        !(isIDByte(UInt8(b)) || b == 0x3A) ? notIDByte : b == 0x25 ? percentByte : 0
    }
    static let notIDByte: UInt8 = 1
    static let percentByte: UInt8 = 2

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
        TextBytes.withUTF8(s) { percentEncodingIsWellFormed($0) }
    }

    /// Every `%` is followed by two hex digits.
    static func percentEncodingIsWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
