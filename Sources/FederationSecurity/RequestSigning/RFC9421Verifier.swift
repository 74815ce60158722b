/// Verifies RFC 9421 request signatures under this profile, with a replay window.
///
/// Checks, in order (the first failure is reported): the signature fields parse (`request.missing_signature`,
/// `request.too_large`, `request.malformed_header`, `request.invalid_component`); `created` and `keyid` are present
/// (`request.missing_parameter`); the key is known (`request.unknown_key`); `alg`, when present, is the key's
/// algorithm (`request.algorithm_mismatch`); the signature base builds (`request.missing_component`,
/// `request.invalid_component`); the signature verifies (`request.signature_invalid`); then the parameters it
/// signed are trusted: the time window (`request.future`, `request.stale`, `request.expired`), the required
/// components and, for a message with content, `content-digest` (`request.missing_component`, ``Policy``), a covered
/// `Content-Digest` (`request.digest_mismatch`), and last the replay store (`replay.detected`, `replay.store_full`),
/// so only authentic, in-window requests are remembered.
public struct RFC9421Verifier: Sendable {
    /// What the verifier demands beyond a valid signature.
    ///
    /// By default a signature must cover the request's method and target URI, and a request with content must cover
    /// `content-digest` (RFC 9421 §7.2.1 and §7.2.8): a signature that verifies but covers neither authenticates
    /// nothing an attacker could not move to another request. RFC 9421's own examples cover less (B.2.1 covers
    /// nothing but its parameters); verifying them takes a policy that says so (``coverageNotRequired(window:)``).
    public struct Policy: Sendable {
        public var window: ReplayWindow
        /// Components every accepted signature must cover (default ``recommendedComponents``).
        public var requiredComponents: [ComponentIdentifier]
        /// Whether a message with content (a non-empty body) must cover `content-digest`, as itself or as a byte
        /// sequence (default `true`); content not covered by a digest is not authenticated by the signature.
        public var requiresDigestOfContent: Bool

        public init(
            window: ReplayWindow = ReplayWindow(), requiredComponents: [ComponentIdentifier] = recommendedComponents,
            requiresDigestOfContent: Bool = true
        ) {
            self.window = window
            self.requiredComponents = requiredComponents
            self.requiresDigestOfContent = requiresDigestOfContent
        }

        /// `@method` and `@target-uri`.
        public static let recommendedComponents: [ComponentIdentifier] = [
            ComponentIdentifier.prebuilt.first { $0.kind == .method }!,
            ComponentIdentifier.prebuilt.first { $0.kind == .targetURI }!,
        ]

        /// Accepts any signature that verifies, whatever it covers: for callers that check coverage themselves (and
        /// for RFC 9421's examples). Not a default.
        public static func coverageNotRequired(window: ReplayWindow = ReplayWindow()) -> Policy {
            Policy(window: window, requiredComponents: [], requiresDigestOfContent: false)
        }
    }

    /// An accepted signature.
    public struct Verified: Sendable, Equatable {
        public let keyID: String
        private let source: ParameterSource

        /// Where ``label`` and ``parameters`` come from: built by the general path, or read on access from the
        /// received `Signature-Input` at the offsets the fast path found (most callers need neither).
        private enum ParameterSource: Sendable {
            case built(label: String, SignatureParameters)
            case commonShape(input: String, layout: CommonShapeLayout)
        }

        /// The signature's label.
        public var label: String {
            switch source {
            case .built(let label, _):
                return label
            case .commonShape(let input, let layout):
                return TextBytes.withUTF8(input) {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[..<layout.labelEnd]), as: UTF8.self)
                }
            }
        }

        /// The covered components and signature parameters.
        public var parameters: SignatureParameters {
            switch source {
            case .built(_, let parameters):
                return parameters
            case .commonShape(let input, let layout):
                return TextBytes.withUTF8(input) { CommonShapeReader.parameters(layout, input: $0) }
            }
        }

        init(label: String, keyID: String, parameters: SignatureParameters) {
            self.keyID = keyID
            source = .built(label: label, parameters)
        }

        init(keyID: String, input: String, layout: CommonShapeLayout) {
            self.keyID = keyID
            source = .commonShape(input: input, layout: layout)
        }

        public static func == (a: Self, b: Self) -> Bool {
            a.label == b.label && a.keyID == b.keyID && a.parameters == b.parameters
        }
    }

    public let keys: RequestKeySet
    public let policy: Policy
    public let replayStore: any ReplayStore
    /// ``Policy/requiredComponents`` as bits of ``PrebuiltTable``, or `nil` when one of them is not prebuilt (the
    /// fast path then never answers).
    let requiredPrebuilt: UInt64?

    public init(keys: RequestKeySet, policy: Policy = Policy(), replayStore: any ReplayStore) {
        self.keys = keys
        self.policy = policy
        self.replayStore = replayStore
        requiredPrebuilt = PrebuiltTable.shared.mask(of: policy.requiredComponents)
    }

    /// Verifies the signature labelled `label` (default: the first in `Signature-Input`) and records it as used.
    ///
    /// A message may carry several signatures. Every one of them that verifies under a known key is recorded, not
    /// only the one checked: the label is not signed, so whoever relays the message can reorder or rename its
    /// signatures and have another one checked; were only the checked one recorded, each of a message's signatures
    /// could get it accepted once. A message with any recorded signature is a replay.
    /// - Parameters:
    ///   - message: the received message (with its body, when `content-digest` is covered).
    ///   - label: which signature to verify.
    ///   - now: the current time, unix seconds.
    /// - Throws: the codes listed on the type, in that order.
    public func verify(_ message: SignableMessage, label: String? = nil, now: Int64) async throws(FederationError)
        -> Verified
    {
        let authenticated = try authenticate(message, label: label, now: now)
        var fresh = try await replayStore.insertIfAbsent(
            authenticated.replayKey, expiresAt: authenticated.retainUntil, now: now)
        for record in authenticated.otherRecords {
            // Every record is written, even after a replay is seen, so no signature of this message stays unused.
            if !(try await replayStore.insertIfAbsent(record.key, expiresAt: record.retainUntil, now: now)) {
                fresh = false
            }
        }
        guard fresh else {
            throw FederationError(.replayDetected, "signature \(authenticated.verified.label) was already accepted")
        }
        return authenticated.verified
    }

    /// What a replay store must remember of one signature, and until when.
    public struct ReplayRecord: Sendable, Hashable {
        public let key: ReplayKey
        public let retainUntil: Int64
    }

    /// A signature that passed every check but the replay store, with what the store must remember.
    public struct Authenticated: Sendable, Equatable {
        public let verified: Verified
        /// The key to record.
        public let replayKey: ReplayKey
        /// Until when (``ReplayWindow/retainUntil(created:expires:)``).
        public let retainUntil: Int64
        /// The other signatures of the message that verify under a known key and could still be accepted (see
        /// ``RFC9421Verifier/verify(_:label:now:)``); empty for a message with one signature.
        public let otherRecords: [ReplayRecord]

        /// Everything to record: this signature's first, then ``otherRecords``.
        public var records: [ReplayRecord] {
            [ReplayRecord(key: replayKey, retainUntil: retainUntil)] + otherRecords
        }
    }

    /// Every check of ``verify(_:label:now:)`` except the replay store.
    /// - Warning: the request is **not** recorded: a replay passes this. Use ``verify(_:label:now:)`` unless you
    ///   record every one of ``Authenticated/records`` in a store yourself (and reject the request when any was
    ///   present).
    /// - Throws: every code of ``verify(_:label:now:)`` except `replay.*`.
    public func authenticate(_ message: SignableMessage, label: String? = nil, now: Int64) throws(FederationError)
        -> Authenticated
    {
        if let authenticated = fastAuthenticate(message, label: label, now: now) { return authenticated }
        return try generalAuthenticate(message, label: label, now: now)
    }

    /// ``authenticate(_:label:now:)`` without the fast path.
    func generalAuthenticate(_ message: SignableMessage, label: String?, now: Int64) throws(FederationError)
        -> Authenticated
    {
        // The one-pass reader answers only for a message with a single signature: there are no others to record.
        if let entry = SignatureFields.commonShape(message, label: label) {
            return try authenticate(entry, of: message, others: [], now: now)
        }
        let fields = try SignatureFields(message: message)
        let entry = try fields.entry(label: label)
        return try authenticate(entry, of: message, others: fields.entries.filter { $0.label != entry.label }, now: now)
    }

    private func authenticate(
        _ entry: SignatureFields.Entry, of message: SignableMessage, others: [SignatureFields.Entry], now: Int64
    ) throws(FederationError) -> Authenticated {
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
        // Covered as itself or as a byte sequence (`"content-digest";bs`): either way the header is signed, so the body
        // must match it.
        let digestCovered = parameters.components.contains(where: {
            if case .field(name: "content-digest", _) = $0.kind { return true } else { return false }
        })
        if policy.requiresDigestOfContent, !digestCovered, !message.body.isEmpty {
            throw FederationError(
                .requestMissingComponent, "\"content-digest\" is required for a message with content but not covered")
        }
        if digestCovered {
            try ContentDigest.verify(in: message)
        }
        let replayKey = Self.replayKey(entry, keyID: keyID)
        let retainUntil = policy.window.retainUntil(created: created, expires: parameters.expires)
        var otherRecords: [ReplayRecord] = []
        for other in others {
            if let record = authenticRecord(other, of: message, now: now), record.key != replayKey,
                !otherRecords.contains(record)
            {
                otherRecords.append(record)
            }
        }
        return Authenticated(
            verified: Verified(label: entry.label, keyID: keyID, parameters: parameters), replayKey: replayKey,
            retainUntil: retainUntil, otherRecords: otherRecords)
    }

    /// The record of another signature in the message when it verifies under a known key (with `created`, `keyid`
    /// and a matching `alg`) and could be accepted now or later (its retention has not ended); else `nil`. The
    /// time window itself is not required: a signature created in the future becomes acceptable later.
    private func authenticRecord(_ entry: SignatureFields.Entry, of message: SignableMessage, now: Int64)
        -> ReplayRecord?
    {
        let parameters = entry.parameters
        guard let created = parameters.created, let keyID = parameters.keyID, let key = keys[keyID],
            parameters.algorithm.map({ $0 == key.algorithm.rawValue }) ?? true,
            let base = try? SignatureBase.build(
                for: message, parameters: parameters, serializedParameters: entry.serializedParameters),
            key.isValidSignature(entry.signature, for: base)
        else { return nil }
        let retainUntil = policy.window.retainUntil(created: created, expires: parameters.expires)
        guard retainUntil > now else { return nil }
        return ReplayRecord(key: Self.replayKey(entry, keyID: keyID), retainUntil: retainUntil)
    }

    /// The nonce scoped by `keyid`, or without a nonce the signature bytes.
    private static func replayKey(_ entry: SignatureFields.Entry, keyID: String) -> ReplayKey {
        entry.parameters.nonce.map { ReplayKey.nonce($0, keyID: keyID) }
            ?? ReplayKey.signature(entry.signature, keyID: keyID)
    }
}
