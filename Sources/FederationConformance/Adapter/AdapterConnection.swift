import Dispatch
import FederationSecurity

/// The process behind an ``AdapterImplementation``: started with a `hello`, stopped and started afresh after any
/// case it crashed, hung or garbled on.
///
/// `@unchecked Sendable`: every mutable member is touched only by closures on `queue`, which is serial.
final class AdapterConnection: @unchecked Sendable {
    let command: String
    let options: AdapterImplementation.Options
    private let queue = DispatchQueue(label: "FederationConformance.adapter")
    private var process: AdapterProcess?
    private var nextID: Int64 = 0
    private var failedStarts = 0
    /// How many times a process was started again after a failure.
    private(set) var restarts = 0

    init(command: String, options: AdapterImplementation.Options) {
        self.command = command
        self.options = options
    }

    /// Runs `body` on the connection's queue, off the caller's thread (reads and writes block up to the timeout).
    func run<T: Sendable>(_ body: @escaping @Sendable (AdapterConnection) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body(self)) }
        }
    }

    /// Starts a process and completes the handshake. On the queue only.
    /// - Throws: any `conformance.adapter_*` error; the process is stopped then.
    func start() throws(FederationError) -> AdapterHello {
        let started = try AdapterProcess(command: command, maxLineBytes: options.maxLineBytes)
        let id = takeID()
        let deadline = ContinuousClock.now + options.helloTimeout
        do {
            try started.send(AdapterProtocol.helloLine(id: id), deadline: deadline)
            let hello = try AdapterProtocol.parseHello(started.receiveLine(deadline: deadline), id: id)
            process = started
            return hello
        } catch {
            started.stop(grace: .zero)
            throw error
        }
    }

    /// Sends one case and reads its answer; any failure of the adapter is the case's error and stops the process,
    /// and the next case starts a new one. On the queue only.
    func exchange(_ request: OperationRequest) -> OperationResponse {
        if process == nil {
            guard failedStarts < options.maxFailedStarts else {
                return .implementationError(
                    reason: "the adapter failed to start \(failedStarts) times in a row; not started again")
            }
            do {
                _ = try start()
                failedStarts = 0
                restarts += 1
            } catch {
                failedStarts += 1
                return .implementationError(reason: "restarting the adapter: \(error)")
            }
        }
        guard let current = process else { return .implementationError(reason: "no adapter process") }
        let id = takeID()
        let deadline = ContinuousClock.now + options.timeout
        do {
            try current.send(AdapterProtocol.requestLine(id: id, request), deadline: deadline)
            return try AdapterProtocol.parseResponse(current.receiveLine(deadline: deadline), id: id)
        } catch {
            current.stop(grace: .zero)
            process = nil
            return .implementationError(reason: "\(error) (the adapter is restarted for the next case)")
        }
    }

    /// Closes the adapter's input and waits briefly for it to exit. On the queue only.
    func shutdown() {
        process?.stop(grace: .seconds(2))
        process = nil
    }

    private func takeID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }
}
