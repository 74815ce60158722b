/// Trust-on-first-use pins of peers' TLS certificate fingerprints (`Spec/amf.md` §Pinning).
///
/// The first fingerprint seen for a peer is pinned; later connections must present the same one. Pins are never
/// evicted (evicting one would let an attacker be "first" again), so a full store refuses new peers. Peers are
/// ``PeerName``s: `https://h` and `did:web:h` share one pin.
public final class PinStore: Sendable {
    /// What ``check(peer:fingerprint:)`` found.
    public enum Outcome: String, Sendable, Hashable {
        /// First use: the fingerprint is now pinned.
        case pinned
        /// The pinned fingerprint was presented.
        case matched
    }

    /// The most peers pinned by default.
    public static let defaultCapacity = 10_000

    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private let pins = PThreadLock<[PeerName: String]>([:])
    /// The most pins held.
    public let capacity: Int

    public init(capacity: Int = defaultCapacity) {
        self.capacity = capacity
    }

    /// `sha256:` + lower-case hex SHA-256 of a DER certificate.
    public static func fingerprint(certificateDER: some Collection<UInt8>) -> String {
        "sha256:" + Hex.encode(SHA256.hash(certificateDER))
    }

    /// Checks (and on first use pins) a peer's fingerprint.
    /// - Throws: `pin.invalid_fingerprint`, `pin.mismatch`, `pin.store_full`.
    @discardableResult
    public func check(peer: PeerName, fingerprint: String) throws(FederationError) -> Outcome {
        try Self.validate(fingerprint)
        return try pins.withLock { (pins) throws(FederationError) -> Outcome in
            if let pinned = pins[peer] {
                guard ConstantTime.equals(pinned.utf8, fingerprint.utf8) else {
                    throw FederationError(
                        .pinMismatch, "peer \(peer) presented another certificate than the pinned one")
                }
                return .matched
            }
            guard pins.count < capacity else {
                throw FederationError(.pinStoreFull, "pin store holds \(capacity) peers")
            }
            pins[peer] = fingerprint
            return .pinned
        }
    }

    /// The fingerprint pinned for a peer.
    public func pinned(_ peer: PeerName) -> String? {
        pins.withLock { $0[peer] }
    }

    /// Removes a pin (an operator's decision after a legitimate certificate change).
    @discardableResult
    public func unpin(_ peer: PeerName) -> Bool {
        pins.withLock { $0.removeValue(forKey: peer) != nil }
    }

    /// The number of pins.
    public var count: Int { pins.withLock { $0.count } }

    /// Checks the `sha256:<64 lower-case hex>` form.
    /// - Throws: `pin.invalid_fingerprint`.
    public static func validate(_ fingerprint: String) throws(FederationError) {
        let bytes = fingerprint.utf8
        guard bytes.count == 71, fingerprint.hasPrefix("sha256:"),
            bytes.dropFirst(7).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw FederationError(.pinInvalidFingerprint, "a fingerprint is sha256: and 64 lower-case hex digits") }
    }
}
