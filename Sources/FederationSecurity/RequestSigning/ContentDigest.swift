/// RFC 9530 `Content-Digest`: a dictionary of algorithm → byte sequence. This profile computes and checks
/// `sha-256` and `sha-512`; other algorithms in a received field are ignored, and a field with none of the two is
/// `request.digest_mismatch` (nothing it could be checked against).
public enum ContentDigest {
    public enum Algorithm: String, Sendable, CaseIterable {
        case sha256 = "sha-256"
        case sha512 = "sha-512"

        func digest(_ body: [UInt8]) -> [UInt8] {
            switch self {
            case .sha256: SHA256.hash(body)
            case .sha512: SHA512.hash(body)
            }
        }
    }

    /// Longest `Content-Digest` field value read.
    public static let maxFieldLength = 4096

    /// The field value for `body`, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`.
    public static func field(for body: [UInt8], algorithm: Algorithm) -> String {
        "\(algorithm.rawValue)=:\(Base64.encode(algorithm.digest(body))):"
    }

    /// Checks every supported digest in `field` against `body` (all must match, at least one must be present).
    /// - Throws: `request.malformed_header` when the field is not an RFC 8941 dictionary of byte sequences or is
    ///   too long; `request.digest_mismatch`.
    public static func verify(_ field: String, body: [UInt8]) throws(FederationError) {
        guard field.utf8.count <= maxFieldLength else {
            throw FederationError(.requestTooLarge, "Content-Digest longer than \(maxFieldLength) bytes")
        }
        let dictionary: [SFDictionaryMember]
        do {
            dictionary = try StructuredFields.dictionary(Array(field.utf8))
        } catch {
            throw FederationError(.requestMalformedHeader, "Content-Digest is not an RFC 8941 dictionary")
        }
        var checked = 0
        for member in dictionary {
            let name = member.key
            guard let algorithm = Algorithm(rawValue: name) else { continue }
            guard case .item(let item) = member.value, case .byteSequence(let b64) = item.bare,
                let expected = try? Base64.decode(b64)
            else { throw FederationError(.requestMalformedHeader, "Content-Digest \(name) is not a byte sequence") }
            guard ConstantTime.equals(algorithm.digest(body), expected) else {
                throw FederationError(.requestDigestMismatch, "Content-Digest \(name) does not match the body")
            }
            checked += 1
        }
        guard checked > 0 else {
            throw FederationError(.requestDigestMismatch, "Content-Digest has no sha-256 or sha-512 member")
        }
    }
}
