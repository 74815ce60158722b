/// A named fuzz body, so that runners (the libFuzzer executables in `Fuzz/`, the regression replay in the test
/// suite) can list and call every target the same way.
public struct FuzzTarget: Sendable {
    /// The target's name, which is also its `Fuzz/` executable product and its `Fuzz/Corpus/<name>/` folder.
    public let name: String
    /// The body: returns normally on any input, traps (`precondition`) when an invariant breaks.
    public let body: @Sendable ([UInt8]) -> Void

    /// Declares a target.
    /// - Parameters:
    ///   - name: the target's name, `fuzz-<subject>`.
    ///   - body: the body.
    public init(name: String, body: @escaping @Sendable ([UInt8]) -> Void) {
        self.name = name
        self.body = body
    }

    /// Every target, in a stable order.
    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "fuzz-base64", body: fuzzBase64),
        FuzzTarget(name: "fuzz-base64url", body: fuzzBase64URL),
        FuzzTarget(name: "fuzz-base32", body: fuzzBase32),
        FuzzTarget(name: "fuzz-base58", body: fuzzBase58),
        FuzzTarget(name: "fuzz-hex", body: fuzzHex),
        FuzzTarget(name: "fuzz-multibase", body: fuzzMultibase),
        FuzzTarget(name: "fuzz-varint", body: fuzzVarint),
        FuzzTarget(name: "fuzz-did", body: fuzzDID),
        FuzzTarget(name: "fuzz-did-document", body: fuzzDIDDocument),
        FuzzTarget(name: "fuzz-jws", body: fuzzDetachedJWS),
        FuzzTarget(name: "fuzz-openintent-envelope", body: fuzzOpenIntentEnvelope),
        FuzzTarget(name: "fuzz-key-import", body: fuzzKeyImport),
        FuzzTarget(name: "fuzz-kernel-token", body: fuzzKernelToken),
        FuzzTarget(name: "fuzz-weaver-token", body: fuzzWeaverToken),
        FuzzTarget(name: "fuzz-json-reader", body: fuzzJSONReader),
        FuzzTarget(name: "fuzz-adapter-protocol", body: fuzzAdapterProtocol),
        FuzzTarget(name: "fuzz-ed25519-differential", body: fuzzEd25519Differential),
        FuzzTarget(name: "fuzz-manifest", body: fuzzManifest),
        FuzzTarget(name: "fuzz-advertisement", body: fuzzAdvertisement),
        FuzzTarget(name: "fuzz-trust-json", body: fuzzTrustJSON),
        FuzzTarget(name: "fuzz-signature-input", body: fuzzSignatureInput),
        FuzzTarget(name: "fuzz-signature-base", body: fuzzSignatureBase),
        FuzzTarget(name: "fuzz-structured-fields", body: fuzzStructuredFields),
        FuzzTarget(name: "fuzz-agentvault", body: fuzzAgentVault),
        FuzzTarget(name: "fuzz-ucan", body: fuzzUCANDecode),
        FuzzTarget(name: "fuzz-ucan-chain", body: fuzzUCANChain),
        FuzzTarget(name: "fuzz-openintent-ucan", body: fuzzOpenIntentUCAN),
    ]

    /// The target with this name, if there is one.
    /// - Parameter name: a target name such as `fuzz-base58`.
    /// - Returns: the target, or `nil`.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
