import FederationSecurity

/// Typed, strict access to a case's input. A missing or mistyped field throws `conformance.invalid_input`, so a
/// broken vector is reported as an error, never as a pass; ``LibraryImplementation`` also rejects an input with a
/// field its handler never read (a misspelt optional field would otherwise be silently ignored).
struct OperationInput: Sendable {
    let fields: Fields
    let now: Int64?

    init(_ fields: JSONObject, now: Int64?) {
        self.fields = Fields(fields)
        self.now = now
    }

    /// The input's members; reading one (even to test for its presence) marks it as used.
    final class Fields: Sendable {
        private let object: JSONObject
        /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
        private let read = PThreadLock<Set<String>>([])

        init(_ object: JSONObject) {
            self.object = object
        }

        subscript(key: String) -> JSONValue? {
            read.withLock { _ = $0.insert(key) }
            return object[key]
        }

        /// The members no handler code looked at, in input order.
        var unread: [String] {
            read.withLock { read in object.keys.filter { !read.contains($0) } }
        }
    }

    func string(_ key: String) throws(FederationError) -> String {
        guard let value = fields[key]?.stringValue else { throw Self.bad("input.\(key) must be a string") }
        return value
    }

    func optionalString(_ key: String) throws(FederationError) -> String? {
        guard let value = fields[key] else { return nil }
        guard let s = value.stringValue else { throw Self.bad("input.\(key) must be a string") }
        return s
    }

    /// Lowercase hex bytes. Bad hex is the vector's fault.
    func bytes(_ key: String) throws(FederationError) -> [UInt8] {
        let text = try string(key)
        do {
            return try Hex.decode(text)
        } catch {
            throw Self.bad("input.\(key) is not hex")
        }
    }

    func integer(_ key: String) throws(FederationError) -> Int64 {
        guard let value = fields[key]?.integerValue else { throw Self.bad("input.\(key) must be an integer") }
        return value
    }

    func optionalInteger(_ key: String) throws(FederationError) -> Int64? {
        fields[key] == nil ? nil : try integer(key)
    }

    func bool(_ key: String) throws(FederationError) -> Bool {
        guard let value = fields[key]?.boolValue else { throw Self.bad("input.\(key) must be a boolean") }
        return value
    }

    /// An optional array of strings (empty when absent).
    func optionalStringArray(_ key: String) throws(FederationError) -> [String] {
        guard let value = fields[key] else { return [] }
        guard let items = value.arrayValue else { throw Self.bad("input.\(key) must be an array of strings") }
        var strings: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw Self.bad("input.\(key) must be an array of strings") }
            strings.append(s)
        }
        return strings
    }

    func requireNow() throws(FederationError) -> Int64 {
        guard let now else { throw Self.bad("this operation needs the case's \"now\"") }
        return now
    }

    static func bad(_ reason: String) -> FederationError {
        FederationError(.conformanceInvalidInput, reason)
    }
}

/// Builds an output object from string pairs.
func output(_ pairs: KeyValuePairs<String, String>) -> JSONObject {
    JSONObject(uniqueMembers: pairs.map { JSONObject.Member($0.key, .string($0.value)) })
}
