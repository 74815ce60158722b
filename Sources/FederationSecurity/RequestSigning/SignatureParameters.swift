import RawStructuredFieldValues

/// One signature's covered components and parameters: a member of `Signature-Input` (RFC 9421 §2.3, §4.1).
public struct SignatureParameters: Sendable, Hashable {
    public var components: [ComponentIdentifier]
    public var created: Int64?
    public var expires: Int64?
    public var keyID: String?
    public var nonce: String?
    public var algorithm: String?
    public var tag: String?

    /// Most covered components in one signature.
    public static let maxComponents = 32
    /// Longest `keyid`, `nonce`, `alg` or `tag`, in bytes.
    public static let maxParameterLength = 256

    public init(
        components: [ComponentIdentifier], created: Int64?, expires: Int64? = nil, keyID: String?,
        nonce: String? = nil, algorithm: String? = nil, tag: String? = nil
    ) {
        self.components = components
        self.created = created
        self.expires = expires
        self.keyID = keyID
        self.nonce = nonce
        self.algorithm = algorithm
        self.tag = tag
    }

    /// Reads a parsed inner list: its items and its parameters.
    /// - Throws: `request.malformed_header` for an unknown parameter, a parameter of the wrong type or too long,
    ///   more than ``maxComponents`` components; `request.invalid_component` for a bad or duplicate identifier.
    init(items: [SFItem], parameters: [SFParameter]) throws(FederationError) {
        func bad(_ why: String) -> FederationError { FederationError(.requestMalformedHeader, why) }
        guard items.count <= Self.maxComponents else {
            throw bad("more than \(Self.maxComponents) covered components")
        }
        var components: [ComponentIdentifier] = []
        components.reserveCapacity(items.count)
        for item in items {
            let component = try ComponentIdentifier(item: item)
            // The kind names the identifier completely (name and parameters), and compares cheaply.
            guard !components.contains(where: { $0.kind == component.kind }) else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) is covered twice")
            }
            components.append(component)
        }
        self.components = components
        func string(_ value: SFBareItem, _ key: String) throws(FederationError) -> String {
            guard case .string(let s) = value, s.utf8.count <= Self.maxParameterLength else {
                throw bad("\(key) must be a string of at most \(Self.maxParameterLength) bytes")
            }
            return s
        }
        func integer(_ value: SFBareItem, _ key: String) throws(FederationError) -> Int64 {
            guard case .integer(let n) = value, n >= 0 else { throw bad("\(key) must be a non-negative integer") }
            return n
        }
        for parameter in parameters {
            let (key, value) = (parameter.key, parameter.value)
            switch key {
            case "created": created = try integer(value, key)
            case "expires": expires = try integer(value, key)
            case "keyid": keyID = try string(value, key)
            case "nonce": nonce = try string(value, key)
            case "alg": algorithm = try string(value, key)
            case "tag": tag = try string(value, key)
            default: throw bad("unknown signature parameter \(key)")
            }
        }
        for (n, p) in parameters.enumerated() where parameters[..<n].contains(where: { $0.key == p.key }) {
            throw bad("parameter \(p.key) is repeated")
        }
    }

    /// Parses the serialized inner list, e.g. `("@method" "@authority");created=1618884473;keyid="k"`.
    /// - Throws: `request.malformed_header`, `request.invalid_component`.
    public init(parsing text: String) throws(FederationError) {
        let parsed: ([SFItem], [SFParameter])?
        do {
            parsed = try StructuredFields.innerList(Array(text.utf8))
        } catch {
            throw FederationError(.requestMalformedHeader, "signature parameters are not an RFC 8941 inner list")
        }
        guard let (items, parameters) = parsed else {
            throw FederationError(.requestMalformedHeader, "signature parameters are not one inner list")
        }
        try self.init(items: items, parameters: parameters)
    }

    /// The parameters in the order `created`, `keyid`, `alg`, `expires`, `nonce`, `tag`.
    var parameterList: [SFParameter] {
        var params: [SFParameter] = []
        if let created { params.append(SFParameter(key: "created", value: .integer(created))) }
        if let keyID { params.append(SFParameter(key: "keyid", value: .string(keyID))) }
        if let algorithm { params.append(SFParameter(key: "alg", value: .string(algorithm))) }
        if let expires { params.append(SFParameter(key: "expires", value: .integer(expires))) }
        if let nonce { params.append(SFParameter(key: "nonce", value: .string(nonce))) }
        if let tag { params.append(SFParameter(key: "tag", value: .string(tag))) }
        return params
    }

    /// The inner list as the reference library's type (the signer writes `Signature-Input` with its serializer).
    var innerList: InnerList {
        StructuredFields.referenceInnerList(components.map(\.item), parameterList)
    }

    /// The `@signature-params` value: the serialized inner list (RFC 8941 §4.1.1.1).
    /// - Throws: `request.malformed_header` when a parameter cannot be serialized (a non-ASCII string).
    public func serialized() throws(FederationError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        guard StructuredFieldSerializer.innerList(components.map(\.item), parameterList, into: &bytes) else {
            throw FederationError(.requestMalformedHeader, "a signature parameter is not a valid RFC 8941 string")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
