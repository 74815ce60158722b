import FederationSecurity

/// Strict access to the members of one object of a vector file: every member must be known, every known member
/// must have its type. Problems are reported with the path of the member (`cases[3].expected.error`).
struct VectorFields {
    let object: JSONObject
    let path: String

    /// Reads `value` as an object whose keys are all in `allowed`.
    /// - Throws: `conformance.invalid_vector_file` when `value` is not an object or has an unknown member.
    init(_ value: JSONValue, path: String, allowed: Set<String>) throws(FederationError) {
        guard let object = value.objectValue else { throw Self.invalid("\(path) must be an object") }
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw Self.invalid("\(Self.join(path, unknown)) is not a field of the vector format")
        }
        self.object = object
        self.path = path
    }

    /// A required member.
    /// - Throws: `conformance.missing_field`.
    func required(_ key: String) throws(FederationError) -> JSONValue {
        guard let value = object[key] else {
            throw FederationError(.conformanceMissingField, "\(Self.join(path, key)) is missing")
        }
        return value
    }

    /// A required non-empty string, optionally matching a pattern checker.
    func string(_ key: String, valid: (String) -> Bool = { _ in true }) throws(FederationError) -> String {
        try checkedString(try required(key), key, valid)
    }

    /// An optional string.
    func optionalString(_ key: String, valid: (String) -> Bool = { _ in true }) throws(FederationError) -> String? {
        guard let value = object[key] else { return nil }
        return try checkedString(value, key, valid)
    }

    /// An optional integer.
    func optionalInteger(_ key: String) throws(FederationError) -> Int64? {
        guard let value = object[key] else { return nil }
        guard let integer = value.integerValue else { throw Self.invalid("\(Self.join(path, key)) must be an integer") }
        return integer
    }

    /// An optional array of strings (empty when absent).
    func stringArray(_ key: String) throws(FederationError) -> [String] {
        guard let value = object[key] else { return [] }
        guard let items = value.arrayValue else { throw Self.invalid("\(Self.join(path, key)) must be an array") }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            guard let s = item.stringValue else {
                throw Self.invalid("\(Self.join(path, key))[\(index)] must be a string")
            }
            strings.append(s)
        }
        return strings
    }

    /// An optional object.
    func optionalObject(_ key: String) throws(FederationError) -> JSONObject? {
        guard let value = object[key] else { return nil }
        guard let o = value.objectValue else { throw Self.invalid("\(Self.join(path, key)) must be an object") }
        return o
    }

    private func checkedString(_ value: JSONValue, _ key: String, _ valid: (String) -> Bool) throws(FederationError)
        -> String
    {
        guard let s = value.stringValue, !s.isEmpty else {
            throw Self.invalid("\(Self.join(path, key)) must be a non-empty string")
        }
        guard valid(s) else { throw Self.invalid("\(Self.join(path, key)) has an invalid value \"\(s)\"") }
        return s
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    static func invalid(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidVectorFile, reason)
    }
}
