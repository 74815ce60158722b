/// Verifies RFC 9421 request signatures under this profile, with a replay window.
///
/// Checks, in order (the first failure is reported): the signature fields parse (`request.missing_signature`,
/// `request.too_large`, `request.malformed_header`, `request.invalid_component`); `created` and `keyid` are present
/// (`request.missing_parameter`); the key is known (`request.unknown_key`); `alg`, when present, is the key's
/// algorithm (`request.algorithm_mismatch`); the signature base builds (`request.missing_component`,
/// `request.invalid_component`); the signature verifies (`request.signature_invalid`); then the parameters it
/// signed are trusted: the time window (`request.future`, `request.stale`, `request.expired`), the required
/// components (`request.missing_component`), a covered `Content-Digest` (`request.digest_mismatch`), and last the
/// replay store (`replay.detected`, `replay.store_full`), so only authentic, in-window requests are remembered.
public struct RFC9421Verifier: Sendable {
    /// What the verifier demands beyond a valid signature.
    public struct Policy: Sendable {
        public var window: ReplayWindow
        /// Components every accepted signature must cover.
        public var requiredComponents: [ComponentIdentifier]

        public init(window: ReplayWindow = ReplayWindow(), requiredComponents: [ComponentIdentifier] = []) {
            self.window = window
            self.requiredComponents = requiredComponents
        }
    }

    /// An accepted signature.
    public struct Verified: Sendable {
        public let label: String
        public let keyID: String
        public let parameters: SignatureParameters
    }

    public let keys: RequestKeySet
    public let policy: Policy
    public let replayStore: any ReplayStore

    public init(keys: RequestKeySet, policy: Policy = Policy(), replayStore: any ReplayStore) {
        self.keys = keys
        self.policy = policy
        self.replayStore = replayStore
    }

    /// Verifies the signature labelled `label` (default: the first in `Signature-Input`) and records it as used.
    /// - Parameters:
    ///   - message: the received message (with its body, when `content-digest` is covered).
    ///   - label: which signature to verify.
    ///   - now: the current time, unix seconds.
    /// - Throws: the codes listed on the type, in that order.
    public func verify(_ message: SignableMessage, label: String? = nil, now: Int64) async throws(FederationError)
        -> Verified
    {
        let authenticated = try authenticate(message, label: label, now: now)
        guard
            try await replayStore.insertIfAbsent(
                authenticated.replayKey, expiresAt: authenticated.retainUntil, now: now)
        else {
            throw FederationError(.replayDetected, "signature \(authenticated.verified.label) was already accepted")
        }
        return authenticated.verified
    }

    /// A signature that passed every check but the replay store, with what the store must remember.
    public struct Authenticated: Sendable {
        public let verified: Verified
        /// The key to record.
        public let replayKey: ReplayKey
        /// Until when (``ReplayWindow/retainUntil(created:expires:)``).
        public let retainUntil: Int64
    }

    /// Every check of ``verify(_:label:now:)`` except the replay store.
    /// - Warning: the request is **not** recorded: a replay passes this. Use ``verify(_:label:now:)`` unless you
    ///   record ``Authenticated/replayKey`` in a store yourself (and reject the request when it was present).
    /// - Throws: every code of ``verify(_:label:now:)`` except `replay.*`.
    public func authenticate(_ message: SignableMessage, label: String? = nil, now: Int64) throws(FederationError)
        -> Authenticated
    {
        let entry = try SignatureFields.entry(of: message, label: label)
        let parameters = entry.parameters
        guard let created = parameters.created else {
            throw FederationError(.requestMissingParameter, "signature \(entry.label) has no created parameter")
        }
        guard let keyID = parameters.keyID else {
            throw FederationError(.requestMissingParameter, "signature \(entry.label) has no keyid parameter")
        }
        guard let key = keys[keyID] else { throw FederationError(.requestUnknownKey, "unknown keyid \(keyID)") }
        if let alg = parameters.algorithm, alg != key.algorithm.rawValue {
            throw FederationError(.requestAlgorithmMismatch, "alg \(alg) but key \(keyID) is \(key.algorithm.rawValue)")
        }
        let base = try SignatureBase.build(
            for: message, parameters: parameters, serializedParameters: entry.serializedParameters)
        guard key.isValidSignature(entry.signature, for: base) else {
            throw FederationError(.requestSignatureInvalid, "signature \(entry.label) does not verify")
        }
        try policy.window.check(created: created, expires: parameters.expires, now: now)
        for required in policy.requiredComponents where !parameters.components.contains(required) {
            throw FederationError(.requestMissingComponent, "\(required.serialized) is required but not covered")
        }
        if parameters.components.contains(where: { $0.kind == .field(name: "content-digest", byteSequence: false) }) {
            try ContentDigest.verify(in: message)
        }
        let replayKey =
            parameters.nonce.map { ReplayKey.nonce($0, keyID: keyID) }
            ?? ReplayKey.signature(entry.signature, keyID: keyID)
        return Authenticated(
            verified: Verified(label: entry.label, keyID: keyID, parameters: parameters), replayKey: replayKey,
            retainUntil: policy.window.retainUntil(created: created, expires: parameters.expires))
    }
}
