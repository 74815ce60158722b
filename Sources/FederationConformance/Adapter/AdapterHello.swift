import FederationSecurity

/// What an adapter says about itself in the `hello` handshake.
public struct AdapterHello: Sendable, Equatable {
    /// The implementation's name, e.g. `openintent`.
    public let implementation: String
    /// Its version, e.g. `0.17.0`.
    public let version: String
    /// The operations it performs; cases of any other operation are skipped without being sent.
    public let operations: [String]
    /// The interoperability profiles it follows (`native`, `openintent-0.17`, …); informational.
    public let profiles: [String]
    /// Whether its `invalid` answers carry this suite's error codes. When `false`, an `invalid` answer without a
    /// code is judged by its verdict alone (as for Wycheproof); an answer that names a code is still compared.
    public let errorCodes: Bool

    public init(
        implementation: String, version: String, operations: [String], profiles: [String], errorCodes: Bool = true
    ) {
        self.implementation = implementation
        self.version = version
        self.operations = operations
        self.profiles = profiles
        self.errorCodes = errorCodes
    }
}
