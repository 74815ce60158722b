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
        for component in parameters.components {
            base += component.serializedBytes
            base += ": ".utf8
            let start = base.count
            try message.appendValue(of: component, request: request, to: &base)
            guard !base.withUnsafeBufferPointer({ $0[start...].contains { $0 == 0x0A || $0 == 0x0D } }) else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) contains a line break")
            }
            base.append(0x0A)
        }
        base += "\"@signature-params\": ".utf8
        let params: String
        if let serializedParameters { params = serializedParameters } else { params = try parameters.serialized() }
        base.append(utf8Of: params)
        return base
    }
}
