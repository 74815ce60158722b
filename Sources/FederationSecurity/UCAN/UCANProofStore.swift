/// Where a verifier finds proofs by CID (UCAN 0.10 §3.2.7, §8): a local store, a request's collection, a cache.
///
/// The store need not be trusted: the verifier hashes every token it is given, text or decoded, and rejects one whose
/// bytes do not hash to the CID it was asked for (`ucan.invalid_proof`).
public protocol UCANProofStore: Sendable {
    /// The token text stored under `cid`, or `nil`.
    func token(for cid: CID) async -> String?

    /// The token text stored under `cid` when the store has it at hand (in memory), so a verifier need not make an
    /// async call; `nil` means: ask ``token(for:)``.
    func storedToken(for cid: CID) -> String?

    /// The token stored under `cid`, already decoded under `limits`, when the store keeps proofs decoded (as a
    /// certificate store keeps certificates parsed), so a verifier need not decode it again; `nil` means: ask
    /// ``storedToken(for:)``, then ``token(for:)``.
    ///
    /// The verifier takes the answer only when the token was decoded under exactly `limits` (otherwise it decodes
    /// the token's text itself), and hashes the token's text as it hashes stored text: a store is trusted with
    /// neither. (A ``UCANToken`` is only ever made by decoding its text, so its fields are those of its text.)
    func decodedToken(for cid: CID, limits: UCANLimits) -> UCANToken?
}

extension UCANProofStore {
    /// Nothing at hand: every lookup goes through ``token(for:)``.
    public func storedToken(for cid: CID) -> String? { nil }

    /// Nothing decoded: the verifier decodes the text.
    public func decodedToken(for cid: CID, limits: UCANLimits) -> UCANToken? { nil }
}

/// A proof store in memory, keyed by CID; at most `capacity` tokens.
///
/// Each proof is kept decoded after its first use (``decodedToken(for:limits:)``, under the limits of the last
/// verifier that asked), so a chain verified again is not decoded again: a proof then holds its text and its decoded
/// fields, a few kilobytes for a typical token.
public final class InMemoryProofStore: UCANProofStore {
    private struct Entry {
        let text: String
        /// The text decoded, under the limits it records; `nil` until first asked for (or when it does not decode).
        var decoded: UCANToken?
    }

    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let tokens = PThreadLock<[CID: Entry]>([:])
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
            // A token already held keeps its entry, and so its decoded form (same CID, same text).
            if table[cid] == nil { table[cid] = Entry(text: token) }
            return cid
        }
    }

    /// Stores `token` under `cid` as given (the verifier checks the hash).
    public func add(_ token: String, as cid: CID) {
        tokens.withLock { table in
            if table[cid] != nil || table.count < capacity { table[cid] = Entry(text: token) }
        }
    }

    public func token(for cid: CID) async -> String? {
        storedToken(for: cid)
    }

    /// What ``token(for:)`` returns, without an async call (for the verifier's hot path).
    public func storedToken(for cid: CID) -> String? {
        tokens.withLock { $0[cid]?.text }
    }

    /// The token under `cid` decoded under `limits`: decoded once (outside the lock) and kept until a verifier with
    /// other limits asks. `nil` when there is none or it does not decode (the verifier then decodes the text and
    /// reports why).
    public func decodedToken(for cid: CID, limits: UCANLimits) -> UCANToken? {
        guard let entry = tokens.withLock({ $0[cid] }) else { return nil }
        if let decoded = entry.decoded, decoded.decodedUnder == limits { return decoded }
        guard let decoded = try? UCANToken(decoding: entry.text, limits: limits) else { return nil }
        tokens.withLock { table in
            // Unless the entry was replaced meanwhile (`add(_:as:)` with other text).
            if table[cid]?.text == entry.text { table[cid]?.decoded = decoded }
        }
        return decoded
    }
}
