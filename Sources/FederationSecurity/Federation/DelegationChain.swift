/// One delegation: `delegator` grants `delegate` the listed scopes.
public struct DelegationLink: Sendable, Hashable {
    public let delegator: String
    public let delegate: String
    public let scopes: [String]

    public init(delegator: String, delegate: String, scopes: [String]) {
        self.delegator = delegator
        self.delegate = delegate
        self.scopes = scopes
    }
}

/// Agent Mesh Framework delegation-chain rules (`Spec/amf.md` §Delegation): bounded depth, mandatory cycle
/// detection, and every link's scopes a subset of the previous link's.
public struct DelegationRules: Sendable, Hashable {
    /// The AMF maximum: 5 links.
    public static let defaultMaxDepth = 5
    /// No configuration goes beyond this.
    public static let hardMaxDepth = 64

    /// The most links accepted (1…``hardMaxDepth``).
    public let maxDepth: Int
    /// `true`: each link must grant a *proper* subset of the previous link's scopes (every hop narrows).
    /// `false` (default): a subset or the same set.
    public let strictSubset: Bool

    /// - Precondition: `maxDepth` in 1…``hardMaxDepth``. There is no way to switch cycle detection off.
    public init(maxDepth: Int = defaultMaxDepth, strictSubset: Bool = false) {
        precondition((1...Self.hardMaxDepth).contains(maxDepth), "maxDepth must be 1...\(Self.hardMaxDepth)")
        self.maxDepth = maxDepth
        self.strictSubset = strictSubset
    }

    /// Checks a chain, root first.
    /// - Returns: the scopes the last delegate holds.
    /// - Throws: in this order: `delegation.malformed` (empty); `delegation.too_deep`; `delegation.broken_chain`;
    ///   `delegation.cycle`; `delegation.scope_escalation`.
    @discardableResult
    public func verify(_ chain: [DelegationLink]) throws(FederationError) -> Set<String> {
        guard !chain.isEmpty else { throw FederationError(.delegationMalformed, "a chain has at least one link") }
        guard chain.count <= maxDepth else {
            throw FederationError(.delegationTooDeep, "\(chain.count) links, at most \(maxDepth)")
        }
        for (index, pair) in zip(chain, chain.dropFirst()).enumerated()
        where !pair.0.delegate.utf8.elementsEqual(pair.1.delegator.utf8) {
            throw FederationError(
                .delegationBrokenChain, "link \(index + 1) is not delegated by link \(index)'s delegate")
        }
        var principals: Set<[UInt8]> = [Array(chain[0].delegator.utf8)]
        for (index, link) in chain.enumerated() where !principals.insert(Array(link.delegate.utf8)).inserted {
            throw FederationError(.delegationCycle, "link \(index) delegates back to a principal already in the chain")
        }
        var held = Set(chain[0].scopes.map { Array($0.utf8) })
        for (index, link) in chain.enumerated().dropFirst() {
            let granted = Set(link.scopes.map { Array($0.utf8) })
            guard granted.isSubset(of: held), !strictSubset || granted.count < held.count else {
                throw FederationError(
                    .delegationScopeEscalation,
                    strictSubset && granted.isSubset(of: held)
                        ? "link \(index) does not narrow the scopes (strict)"
                        : "link \(index) grants a scope its delegator lacks")
            }
            held = granted
        }
        return Set(held.map { String(decoding: $0, as: UTF8.self) })
    }
}

// MARK: - JSON

extension DelegationLink {
    /// Reads `{"delegator", "delegate", "scopes": [..]}`, nothing else.
    /// - Throws: `delegation.malformed`.
    public init(json value: JSONValue) throws(FederationError) {
        guard let object = value.objectValue, object.count == 3, let from = object["delegator"]?.stringValue,
            let to = object["delegate"]?.stringValue, let items = object["scopes"]?.arrayValue,
            items.count <= 256, items.allSatisfy({ $0.stringValue != nil })
        else { throw FederationError(.delegationMalformed, "a link is {delegator, delegate, scopes[≤256 strings]}") }
        self.init(delegator: from, delegate: to, scopes: items.compactMap(\.stringValue))
    }
}
