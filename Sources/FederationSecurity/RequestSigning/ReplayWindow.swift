/// The time rules shared by both request-signing schemes: a request is acceptable while its creation time lies in
/// [now − window, now + skew] and before its `expires`, and it is remembered by the replay store exactly that long.
public struct ReplayWindow: Sendable, Hashable {
    /// How old a request may be, seconds (default 300, the AgentVault documented maximum age).
    public var window: Int64
    /// How far in the future a creation time may lie (clock skew), seconds (default 30).
    public var skew: Int64

    /// Largest window or skew accepted: one day.
    public static let maxSeconds: Int64 = 86_400

    public init(window: Int64 = 300, skew: Int64 = 30) {
        precondition((0...Self.maxSeconds).contains(window) && (0...Self.maxSeconds).contains(skew))
        self.window = window
        self.skew = skew
    }

    /// - Throws: `request.future` when `created > now + skew`; `request.stale` when `created < now − window`;
    ///   `request.expired` when `expires ≤ now`.
    public func check(created: Int64, expires: Int64?, now: Int64) throws(FederationError) {
        if created > now.addingClamped(skew) {
            throw FederationError(.requestFuture, "created \(created) is after now + \(skew) s")
        }
        if created < now.addingClamped(-window) {
            throw FederationError(.requestStale, "created \(created) is more than \(window) s old")
        }
        if let expires, expires <= now {
            throw FederationError(.requestExpired, "expired at \(expires)")
        }
    }

    /// Whether ``check(created:expires:now:)`` passes (the check itself, so the two cannot drift apart; an error is
    /// built only on failure).
    func accepts(created: Int64, expires: Int64?, now: Int64) -> Bool {
        (try? check(created: created, expires: expires, now: now)) != nil
    }

    /// The first second at which the request is no longer acceptable: `min(created + window + 1, expires)`.
    public func retainUntil(created: Int64, expires: Int64?) -> Int64 {
        min(created.addingClamped(window + 1), expires ?? .max)
    }
}
