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

    /// Reads a parsed inner list.
    /// - Throws: `request.malformed_header` for an unknown parameter, a parameter of the wrong type or too long,
    ///   more than ``maxComponents`` components; `request.invalid_component` for a bad or duplicate identifier.
    init(innerList: InnerList) throws(FederationError) {
        func bad(_ why: String) -> FederationError { FederationError(.requestMalformedHeader, why) }
        guard innerList.bareInnerList.count <= Self.maxComponents else {
            throw bad("more than \(Self.maxComponents) covered components")
        }
        var components: [ComponentIdentifier] = []
        for item in innerList.bareInnerList {
            let component = try ComponentIdentifier(item: item)
            guard !components.contains(component) else {
                throw FederationError(.requestInvalidComponent, "\(component.serialized) is covered twice")
            }
            components.append(component)
        }
        self.components = components
        func string(_ value: RFC9651BareItem, _ key: String) throws(FederationError) -> String {
            guard case .string(let s) = value, s.utf8.count <= Self.maxParameterLength else {
                throw bad("\(key) must be a string of at most \(Self.maxParameterLength) bytes")
            }
            return s
        }
        func integer(_ value: RFC9651BareItem, _ key: String) throws(FederationError) -> Int64 {
            guard case .integer(let n) = value, n >= 0 else { throw bad("\(key) must be a non-negative integer") }
            return n
        }
        for (key, value) in innerList.rfc9651Parameters {
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
    }

    /// Parses the serialized inner list, e.g. `("@method" "@authority");created=1618884473;keyid="k"`.
    /// - Throws: `request.malformed_header`, `request.invalid_component`.
    public init(parsing text: String) throws(FederationError) {
        var parser = StructuredFieldValueParser(Array(text.utf8))
        let list: [ItemOrInnerList]
        do {
            list = try parser.parseListFieldValue()
        } catch {
            throw FederationError(.requestMalformedHeader, "signature parameters are not an RFC 8941 inner list")
        }
        guard list.count == 1, case .innerList(let inner) = list[0] else {
            throw FederationError(.requestMalformedHeader, "signature parameters are not one inner list")
        }
        try self.init(innerList: inner)
    }

    /// The inner list, parameters in the order `created`, `keyid`, `alg`, `expires`, `nonce`, `tag`.
    var innerList: InnerList {
        var params = OrderedMap<String, RFC9651BareItem>()
        if let created { params["created"] = .integer(created) }
        if let keyID { params["keyid"] = .string(keyID) }
        if let algorithm { params["alg"] = .string(algorithm) }
        if let expires { params["expires"] = .integer(expires) }
        if let nonce { params["nonce"] = .string(nonce) }
        if let tag { params["tag"] = .string(tag) }
        var list = BareInnerList()
        for component in components { list.append(component.item) }
        return InnerList(bareInnerList: list, parameters: params)
    }

    /// The `@signature-params` value: the serialized inner list.
    /// - Throws: `request.malformed_header` when a parameter cannot be serialized (a non-ASCII string).
    public func serialized() throws(FederationError) -> String {
        var serializer = StructuredFieldValueSerializer()
        do {
            return String(decoding: try serializer.writeListFieldValue([.innerList(innerList)]), as: UTF8.self)
        } catch {
            throw FederationError(.requestMalformedHeader, "a signature parameter is not a valid RFC 8941 string")
        }
    }
}
