import RawStructuredFieldValues

/// A signature made by ``RFC9421Signer``: the two field values to add to the message, and the signed bytes.
public struct RFC9421Signature: Sendable {
    /// `Signature-Input` value, `label=(…);created=…`.
    public let signatureInput: String
    /// `Signature` value, `label=:…:`.
    public let signature: String
    /// The signature base that was signed.
    public let signatureBase: [UInt8]
}

/// Signs requests (RFC 9421 §3.1).
public enum RFC9421Signer {
    /// Signs `message`.
    /// - Parameters:
    ///   - message: the message; add a `Content-Digest` field first (``ContentDigest/field(for:algorithm:)``) and
    ///     cover `"content-digest"` to sign the body.
    ///   - key: the signing key; its `keyid` is written into the parameters.
    ///   - label: the dictionary label (an RFC 8941 key: `[a-z*][a-z0-9_.*-]*`).
    ///   - components: the covered components, in order.
    ///   - created: creation time (unix seconds); `expires`, `nonce`, `tag` optional.
    ///   - includeAlgorithm: write `alg` (the key's algorithm).
    /// - Throws: `request.missing_component`, `request.invalid_component`, `request.malformed_header` (a bad
    ///   label or parameter string).
    public static func sign(
        _ message: SignableMessage, key: RequestSigningKey, label: String, components: [ComponentIdentifier],
        created: Int64, expires: Int64? = nil, nonce: String? = nil, tag: String? = nil,
        includeAlgorithm: Bool = false
    ) throws(FederationError) -> RFC9421Signature {
        guard Set(components).count == components.count else {
            throw FederationError(.requestInvalidComponent, "a component is covered twice")
        }
        let parameters = SignatureParameters(
            components: components, created: created, expires: expires, keyID: key.keyID, nonce: nonce,
            algorithm: includeAlgorithm ? key.algorithm.rawValue : nil, tag: tag)
        let base = try SignatureBase.build(for: message, parameters: parameters)
        let signature = try key.sign(base)
        var inputs = OrderedMap<String, ItemOrInnerList>()
        inputs[label] = .innerList(parameters.innerList)
        var signatures = OrderedMap<String, ItemOrInnerList>()
        let bytes = RFC9651BareItem.undecodedByteSequence(Base64.encode(signature))
        signatures[label] = .item(Item(bareItem: bytes, parameters: OrderedMap<String, RFC9651BareItem>()))
        var serializer = StructuredFieldValueSerializer()
        do {
            return RFC9421Signature(
                signatureInput: String(decoding: try serializer.writeDictionaryFieldValue(inputs), as: UTF8.self),
                signature: String(decoding: try serializer.writeDictionaryFieldValue(signatures), as: UTF8.self),
                signatureBase: base)
        } catch {
            throw FederationError(.requestMalformedHeader, "label \(label) is not an RFC 8941 key")
        }
    }
}
