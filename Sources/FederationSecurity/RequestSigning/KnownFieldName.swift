/// The header field names the verifier looks for on every request, recognised once when a field line is made
/// (``SignableMessage/FieldLine``), so scans over a message's fields compare one byte instead of strings.
enum KnownFieldName: UInt8, Sendable, Hashable {
    case signatureInput, signature, contentDigest, contentType, contentLength, date, host, authorization, digest
    case other

    /// The name of a lower-case field name.
    init(_ name: String) {
        // The byte count first (O(1)): most names differ in it, and `==` on strings that differ is slower.
        switch name.utf8.count {
        case 15: self = name == "signature-input" ? .signatureInput : .other
        case 9: self = name == "signature" ? .signature : .other
        case 14: self = name == "content-digest" ? .contentDigest : name == "content-length" ? .contentLength : .other
        case 12: self = name == "content-type" ? .contentType : .other
        case 4: self = name == "date" ? .date : name == "host" ? .host : .other
        case 13: self = name == "authorization" ? .authorization : .other
        case 6: self = name == "digest" ? .digest : .other
        default: self = .other
        }
    }
}
