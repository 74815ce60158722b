import COpenSSL

/// The one place that turns a failed C call into a ``FederationError``.
enum CFailure {
    /// Drains OpenSSL's (thread-local) error queue into an error naming `operation`.
    static func openSSL(_ operation: String) -> FederationError {
        var messages: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(
                String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let detail = messages.isEmpty ? "no OpenSSL error queued" : messages.joined(separator: "; ")
        return FederationError(.cryptoBackendFailure, "\(operation) failed: \(detail)")
    }

    /// An error for a failed libsodium call (libsodium reports only a return code).
    static func sodium(_ operation: String) -> FederationError {
        FederationError(.cryptoBackendFailure, "\(operation) failed")
    }

    /// Checks an OpenSSL return code (1 is success).
    @inline(__always)
    static func checkOpenSSL(_ rc: Int32, _ operation: String) throws(FederationError) {
        guard rc == 1 else { throw openSSL(operation) }
    }
}
