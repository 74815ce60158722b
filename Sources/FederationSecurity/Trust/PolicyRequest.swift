/// What a ``FederationPolicy`` judges: one request from one peer for one capability.
///
/// Time is an input (``now``); nothing in a policy reads a clock.
public struct PolicyRequest: Sendable {
    /// The peer, already normalised (`nil` when the request names none).
    public var peer: PeerName?
    /// The capability asked for.
    public var capability: String
    /// The sensitivity of the data the capability touches.
    public var sensitivity: Sensitivity
    /// Further request fields (`rows`, caveats, …). Each one must be claimed by a policy (``FederationPolicy/enforcedFields``),
    /// otherwise ``PolicyEvaluator`` rejects the request before any policy runs.
    public var fields: JSONObject
    /// The evaluation time, unix seconds.
    public var now: Int64

    public init(
        peer: PeerName?, capability: String, sensitivity: Sensitivity = .none, fields: JSONObject = JSONObject(),
        now: Int64
    ) {
        self.peer = peer
        self.capability = capability
        self.sensitivity = sensitivity
        self.fields = fields
        self.now = now
    }
}
