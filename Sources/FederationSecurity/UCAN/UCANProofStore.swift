/// Where a verifier finds proofs by CID (UCAN 0.10 §3.2.7, §8): a local store, a request's collection, a cache.
///
/// The store need not be trusted: the verifier hashes every token it is given and rejects one whose bytes do not
/// hash to the CID it was asked for (`ucan.invalid_proof`).
public protocol UCANProofStore: Sendable {
    /// The token text stored under `cid`, or `nil`.
    func token(for cid: CID) async -> String?

    /// The token text stored under `cid` when the store has it at hand (in memory), so a verifier need not make an
    /// async call; `nil` means: ask ``token(for:)``.
    func storedToken(for cid: CID) -> String?
}

extension UCANProofStore {
    /// Nothing at hand: every lookup goes through ``token(for:)``.
    public func storedToken(for cid: CID) -> String? { nil }
}

/// A proof store in memory, keyed by CID; at most `capacity` tokens.
public final class InMemoryProofStore: UCANProofStore {
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let tokens = PThreadLock<[CID: String]>([:])
    private let capacity: Int

    /// - Parameter capacity: the most tokens held; adding to a full store fails.
    public init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// A store holding `tokens`, each under its canonical CID.
    public convenience init(_ tokens: [String]) {
        self.init(capacity: max(10_000, tokens.count))
        for t in tokens { _ = add(t) }
    }

    /// Stores `token` under its canonical CID.
    /// - Returns: the CID, or `nil` when the store is full.
    @discardableResult
    public func add(_ token: String) -> CID? {
        let cid = CID.rawSHA256(of: token.utf8)
        return tokens.withLock { table in
            guard table[cid] != nil || table.count < capacity else { return nil }
            table[cid] = token
            return cid
        }
    }

    /// Stores `token` under `cid` as given (the verifier checks the hash).
    public func add(_ token: String, as cid: CID) {
        tokens.withLock { table in
            if table[cid] != nil || table.count < capacity { table[cid] = token }
        }
    }

    public func token(for cid: CID) async -> String? {
        storedToken(for: cid)
    }

    /// What ``token(for:)`` returns, without an async call (for the verifier's hot path).
    public func storedToken(for cid: CID) -> String? {
        tokens.withLock { $0[cid] }
    }
}
