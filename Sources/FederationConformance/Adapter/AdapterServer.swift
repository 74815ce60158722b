#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FederationSecurity

/// Serves the adapter protocol for any in-process implementation (``LibraryImplementation`` by default): what
/// `fedsec adapter` runs, so that every vector also goes through the out-of-process path.
public struct AdapterServer: Sendable {
    let implementation: any ConformanceImplementation
    let hello: AdapterHello

    /// The profiles the library's vector files use.
    public static let libraryProfiles = ["native", "openintent-0.17", "weaver-kernel-0.12"]

    /// Serves `implementation` under the name `name` (default: this library through `fedsec adapter`).
    public init(
        implementation: any ConformanceImplementation = LibraryImplementation(),
        name: String = "FederationSecurity (Swift, fedsec adapter)", profiles: [String] = libraryProfiles
    ) {
        self.implementation = implementation
        hello = AdapterHello(
            implementation: name, version: implementation.version,
            operations: OperationCatalog.operations.filter(implementation.supports), profiles: profiles,
            errorCodes: implementation.reportsErrorCodes)
    }

    /// The answer line to one request line (without LFs).
    public func respond(to line: [UInt8]) async -> [UInt8] {
        let request: AdapterProtocol.Request
        do {
            request = try AdapterProtocol.parseRequest(line)
        } catch {
            return AdapterProtocol.line([
                .init("result", .string("invalid")), .init("error", .string(error.code.rawValue)),
                .init("reason", .string(error.reason)),
            ])
        }
        switch request {
        case .hello(let id, _):
            return AdapterProtocol.helloResponseLine(id: id, hello)
        case .operation(let id, let operation):
            guard implementation.supports(operation.operation) else {
                return AdapterProtocol.responseLine(id: id, .unsupported)
            }
            return AdapterProtocol.responseLine(id: id, await implementation.perform(operation))
        }
    }

    /// Reads requests from `input` and writes answers to `output` until end of input.
    /// - Returns: `false` when a request line was longer than ``AdapterProtocol/maxLineBytes`` (serving stops) or
    ///   an answer could not be written.
    public func serve(input: Int32 = 0, output: Int32 = 1) async -> Bool {
        var lines = AdapterLineBuffer(maxLineBytes: AdapterProtocol.maxLineBytes)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            do {
                while let line = try lines.nextLine() {
                    guard Self.write(await respond(to: line) + [0x0A], to: output) else { return false }
                }
            } catch {
                return false
            }
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n > 0 {
                lines.append(chunk[..<n])
            } else if n == 0 || errno != EINTR {
                return true
            }
        }
    }

    /// Writes all of `bytes`, retrying short writes.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n > 0 {
                written += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
