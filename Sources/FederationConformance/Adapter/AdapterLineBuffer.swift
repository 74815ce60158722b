import FederationSecurity

/// Splits a byte stream into LF-terminated lines of bounded length (the adapter protocol's framing).
public struct AdapterLineBuffer: Sendable {
    /// The longest line accepted, without its LF.
    public let maxLineBytes: Int
    private var bytes: [UInt8] = []
    /// How far `bytes` has been searched for an LF.
    private var searched = 0

    public init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        bytes.append(contentsOf: chunk)
    }

    /// The next complete line without its LF (a trailing CR is kept: it is not part of the framing), or `nil` when
    /// no LF has arrived yet.
    /// - Throws: `conformance.adapter_line_too_long` once more than ``maxLineBytes`` bytes precede the next LF.
    public mutating func nextLine() throws(FederationError) -> [UInt8]? {
        if let lf = bytes[searched...].firstIndex(of: 0x0A) {
            guard lf <= maxLineBytes else { throw Self.tooLong(maxLineBytes) }
            let line = Array(bytes[..<lf])
            bytes.removeSubrange(...lf)
            searched = 0
            return line
        }
        searched = bytes.count
        guard bytes.count <= maxLineBytes else { throw Self.tooLong(maxLineBytes) }
        return nil
    }

    /// Bytes received after the last complete line.
    public var pending: Int { bytes.count }

    static func tooLong(_ limit: Int) -> FederationError {
        FederationError(.conformanceAdapterLineTooLong, "a line of more than \(limit) bytes")
    }
}
