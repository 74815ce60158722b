import FederationSecurity

/// Performs one operation in process. Throws `FederationError`: its code is the case's error; a
/// `conformance.invalid_input` code marks a broken vector instead.
typealias OperationHandler = @Sendable (OperationInput) async throws(FederationError) -> JSONObject?

/// This library, in process.
public struct LibraryImplementation: ConformanceImplementation {
    public let name = "FederationSecurity (Swift, in process)"
    public let version = "0.1.0"

    /// Every operation, by domain. Adding a domain: one file in `Operations/` and one line here.
    static let handlers: [String: OperationHandler] = [
        CryptoOperations.handlers, EncodingOperations.handlers, IdentityOperations.handlers, TokenOperations.handlers,
        TrustOperations.handlers, ManifestOperations.handlers, AMFOperations.handlers,
        JSONOperations.handlers, RequestOperations.handlers, UCANOperations.handlers, OpenIntentUCANOperations.handlers,
    ].reduce(into: [:]) { all, domain in all.merge(domain) { first, _ in first } }

    public init() {}

    public func supports(_ operation: String) -> Bool {
        Self.handlers[operation] != nil
    }

    public func perform(_ request: OperationRequest) async -> OperationResponse {
        guard let handler = Self.handlers[request.operation] else { return .unsupported }
        let input = OperationInput(request.input, now: request.now)
        do {
            let output = try await handler(input)
            let unread = input.fields.unread
            guard unread.isEmpty else {
                return .invalidInput(
                    reason: "\(request.operation) does not read input.\(unread.joined(separator: ", input."))")
            }
            return .result(valid: true, error: nil, output: output)
        } catch let error where error.code == .conformanceInvalidInput {
            return .invalidInput(reason: error.reason)
        } catch {
            return .result(valid: false, error: error.code.rawValue, output: nil)
        }
    }
}
