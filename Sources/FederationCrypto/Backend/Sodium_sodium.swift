import CSodium

/// libsodium must be initialised once before use; `sodium_init` is idempotent and thread-safe, and a global `let`
/// is initialised exactly once, lazily, by the Swift runtime.
private let sodiumInitialised: Bool = sodium_init() >= 0

enum Sodium {
    /// Call at every entry point that reaches libsodium.
    @inline(__always)
    static func ensureInitialised() {
        precondition(sodiumInitialised, "libsodium failed to initialise")
    }
}
