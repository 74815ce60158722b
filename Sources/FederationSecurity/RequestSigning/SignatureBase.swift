/// The signature base of RFC 9421 §2.5: one line `<identifier>: <value>` per covered component, in order, then
/// `"@signature-params": <inner list>`, joined by LF, with no final LF.
public enum SignatureBase {
    /// - Parameters:
    ///   - message: the message the components are taken from.
    ///   - parameters: the covered components and signature parameters.
    ///   - serializedParameters: the `@signature-params` value to use (a verifier passes the re-serialized
    ///     received list); `nil` serializes `parameters`.
    /// - Throws: `request.missing_component`, `request.invalid_component`, `request.malformed_header`.
    public static func build(
        for message: SignableMessage, parameters: SignatureParameters, serializedParameters: String? = nil
    ) throws(FederationError) -> [UInt8] {
        var base: [UInt8] = []
        base.reserveCapacity(1024)
        let request = message.request
        let components = parameters.components
        for n in components.indices {
            let component = components[n]
            base += component.serializedBytes
            base.append(UInt8(ascii: ":"))
            base.append(UInt8(ascii: " "))
            let start = base.count
            try message.appendValue(of: component, request: request, to: &base)
            guard !base.withUnsafeBufferPointer({ Self.containsLineBreak(UnsafeBufferPointer(rebasing: $0[start...])) })
            else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) contains a line break")
            }
            base.append(0x0A)
        }
        base += Self.signatureParamsPrefix
        let params: String
        if let serializedParameters { params = serializedParameters } else { params = try parameters.serialized() }
        base.append(utf8Of: params)
        return base
    }

    /// `"@signature-params": `.
    static let signatureParamsPrefix = Array("\"@signature-params\": ".utf8)

    /// Whether `bytes` contain LF or CR: eight bytes at a time (this runs over every byte of every base), where a
    /// word holds such a byte exactly when ``WordBytes/contains(_:_:)`` says so for LF or for CR.
    static func containsLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if WordBytes.contains(word, 0x0A) || WordBytes.contains(word, 0x0D) { return true }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D { return true }
            i += 1
        }
        return false
    }
}
