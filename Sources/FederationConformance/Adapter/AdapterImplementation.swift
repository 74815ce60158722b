import FederationSecurity

/// Another implementation, driven through an adapter command that speaks the adapter protocol on its standard input
/// and output (`Spec/conformance.md`, "Adapter protocol").
///
/// A case the adapter crashes on, does not answer in time, or answers with a line that is not a protocol message is
/// an **error** (``OperationResponse/implementationError(reason:)``); the process is then killed and a new one is
/// started (with a new `hello`) for the next case, so one bad case never hides the others.
public struct AdapterImplementation: ConformanceImplementation {
    /// How an adapter is driven.
    public struct Options: Sendable {
        /// How long one case may take, from sending the request to the end of the answer's line.
        public var timeout: Duration
        /// How long a start may take, from starting the command to the end of its `hello` line (interpreters and
        /// their imports start slowly on a loaded machine).
        public var helloTimeout: Duration
        /// The longest answer line accepted, without its LF.
        public var maxLineBytes: Int
        /// After this many failed starts in a row, the remaining cases are errors without a new start.
        public var maxFailedStarts: Int

        public init(
            timeout: Duration = .seconds(10), helloTimeout: Duration = .seconds(30),
            maxLineBytes: Int = AdapterProtocol.maxLineBytes, maxFailedStarts: Int = 3
        ) {
            self.timeout = timeout
            self.helloTimeout = helloTimeout
            self.maxLineBytes = maxLineBytes
            self.maxFailedStarts = maxFailedStarts
        }
    }

    public var name: String { hello.implementation }
    public var version: String { hello.version }
    public var reportsErrorCodes: Bool { hello.errorCodes }
    /// What the adapter said in its first `hello`.
    public let hello: AdapterHello
    let connection: AdapterConnection
    private let operations: Set<String>

    /// Starts `command` (through `/bin/sh -c`) and completes the `hello` handshake.
    /// - Throws: `conformance.adapter_crashed`, `conformance.adapter_timeout`, `conformance.adapter_line_too_long`
    ///   or `conformance.adapter_protocol` when the command does not start and greet properly.
    public static func launch(command: String, options: Options = .init()) async throws(FederationError)
        -> AdapterImplementation
    {
        let connection = AdapterConnection(command: command, options: options)
        let started = await connection.run { connection in
            Result { () throws(FederationError) in try connection.start() }
        }
        return AdapterImplementation(hello: try started.get(), connection: connection)
    }

    private init(hello: AdapterHello, connection: AdapterConnection) {
        self.hello = hello
        self.connection = connection
        operations = Set(hello.operations)
    }

    public func supports(_ operation: String) -> Bool {
        operations.contains(operation)
    }

    public func perform(_ request: OperationRequest) async -> OperationResponse {
        await connection.run { $0.exchange(request) }
    }

    /// How many times the adapter was started again after a failure.
    public var restarts: Int {
        get async { await connection.run { $0.restarts } }
    }

    /// Closes the adapter's standard input, gives it two seconds to exit, then kills it.
    public func shutdown() async {
        await connection.run { $0.shutdown() }
    }
}
