/// A JSON object: members in the order they were read or built, keys unique.
///
/// Equality and hashing ignore member order (RFC 8259 §4: objects are unordered); writers decide the output order.
/// Keys are compared by their Unicode scalars, not with Swift's `String ==` (which treats canonically equivalent
/// strings such as `"\u{E9}"` and `"e\u{301}"` as equal): RFC 8259 §8.3, RFC 8785 §3.2.3 and every peer compare code
/// units, so those are two different keys.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public let key: String
        public let value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        members = []
    }

    /// An object from members whose keys the caller guarantees to be unique.
    /// - Precondition: no key appears twice (the reader rejects duplicates before it gets here).
    public init(uniqueMembers: [Member]) {
        members = uniqueMembers
    }

    /// An object from `(key, value)` pairs, rejecting a repeated key.
    /// - Throws: ``FederationError`` with ``ErrorCode/jsonDuplicateKey``.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) throws(FederationError) {
        members = []
        for (key, value) in pairs {
            try insertNew(key, value)
        }
    }

    /// Appends a member whose key is not present yet.
    /// - Throws: ``FederationError`` with ``ErrorCode/jsonDuplicateKey`` when the key is already present.
    public mutating func insertNew(_ key: String, _ value: JSONValue) throws(FederationError) {
        if self[key] != nil {
            throw FederationError(.jsonDuplicateKey, "duplicate key in object")
        }
        members.append(Member(key, value))
    }

    /// Sets `key` to `value`, replacing an existing member in place or appending a new one.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) {
            members[index] = Member(key, value)
        } else {
            members.append(Member(key, value))
        }
    }

    /// Removes `key` if present and returns its value.
    @discardableResult
    public mutating func remove(_ key: String) -> JSONValue? {
        guard let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) else { return nil }
        return members.remove(at: index).value
    }

    /// The value of `key`, if present.
    public subscript(key: String) -> JSONValue? {
        members.first(where: { Self.sameKey($0.key, key) })?.value
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    /// Whether two keys are the same sequence of Unicode scalars (no normalisation).
    static func sameKey(_ a: String, _ b: String) -> Bool {
        UTF8Equality.equal(a, b)
    }

    // MARK: - Order-insensitive equality

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Commutative combination so that member order does not change the hash.
        var combined = 0
        for member in members {
            var h = Hasher()
            h.combine(member)
            combined = combined &+ h.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}
