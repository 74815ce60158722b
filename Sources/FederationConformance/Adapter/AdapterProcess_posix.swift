#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CProcessSpawn
import FederationSecurity

/// One running adapter command: `/bin/sh -c COMMAND` in its own process group, its standard input and output as
/// non-blocking pipes, its standard error inherited. Every read and write has a deadline.
///
/// Not thread-safe: ``AdapterConnection`` uses an instance from its serial queue only.
final class AdapterProcess {
    let pid: pid_t
    /// Our end of the child's standard input.
    private var stdinFD: Int32
    /// Our end of the child's standard output.
    private let stdoutFD: Int32
    private var lines: AdapterLineBuffer
    private var reaped = false

    /// Starts `command` through `/bin/sh -c`.
    /// - Throws: `conformance.adapter_crashed` when the process cannot be started.
    init(command: String, maxLineBytes: Int) throws(FederationError) {
        // A write to an adapter that has just died must be an error, not a signal that ends the runner.
        signal(SIGPIPE, SIG_IGN)
        let (child, input, output) = try Self.spawnLock.withLock { _ in Self.spawn(command) }.get()
        pid = child
        stdinFD = input
        stdoutFD = output
        lines = AdapterLineBuffer(maxLineBytes: maxLineBytes)
        // Blocking ends would make a read or write wait past every deadline: without O_NONBLOCK, no adapter.
        for fd in [input, output] {
            let flags = fcntl(fd, F_GETFL)
            guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
                stop(grace: .zero)
                throw Self.crashed("cannot make the adapter's pipes non-blocking: errno \(errno)")
            }
        }
    }

    /// Held from creating the pipes until the child's ends are closed, so that no other adapter started at the same
    /// time inherits them (a child holding another adapter's stdout would hide that adapter's crash).
    /// A pthread mutex, not `Synchronization.Mutex`, so ThreadSanitizer can check it (see ``PThreadLock``).
    private static let spawnLock = PThreadLock(())

    /// Starts `/bin/sh -c command` in a new process group with pipes on its fds 0 and 1.
    /// - Returns: the pid, our end of its stdin, our end of its stdout.
    private static func spawn(_ command: String) -> Result<(pid_t, Int32, Int32), FederationError> {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        // Close-on-exec from the start: a program that another thread starts between pipe() and a later fcntl()
        // would inherit these ends (only the dup2'd copies reach this child: dup2 clears FD_CLOEXEC).
        guard Self.makePipe(&toChild) == 0 else { return .failure(crashed("pipe: errno \(errno)")) }
        guard Self.makePipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            return .failure(crashed("pipe: errno \(errno)"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawn_file_actions_adddup2(&actions, toChild[0], 0) == 0,
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1) == 0
        else {
            for fd in toChild + fromChild { close(fd) }
            return .failure(crashed("posix_spawn_file_actions_adddup2 failed"))
        }
        // Nor does the adapter inherit anything else of ours that is not close-on-exec (a socket that Foundation's
        // `Process` hands a child it starts at the same moment, which Foundation then waits on).
        _ = fedsec_spawn_add_closefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            return .failure(crashed("cannot start /bin/sh: errno \(status)"))
        }
        return .success((child, toChild[1], fromChild[0]))
    }

    /// Both ends close-on-exec from the start (`pipe2(O_CLOEXEC)` on Linux).
    private static func makePipe(_ fds: inout [Int32]) -> Int32 {
        fds.withUnsafeMutableBufferPointer { fedsec_pipe_cloexec($0.baseAddress!) }
    }

    deinit {
        stop(grace: .zero)
    }

    /// Writes `line` and an LF.
    /// - Throws: `conformance.adapter_crashed` (the pipe is closed) or `conformance.adapter_timeout`.
    func send(_ line: [UInt8], deadline: ContinuousClock.Instant) throws(FederationError) {
        var bytes = line
        bytes.append(0x0A)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(stdinFD, $0.baseAddress! + written, $0.count - written) }
            if n > 0 {
                written += n
            } else if n < 0, errno == EAGAIN || errno == EINTR {
                try wait(for: stdinFD, events: Int16(POLLOUT), until: deadline)
            } else {
                throw Self.crashed("the adapter closed its standard input (\(exitStatus()))")
            }
        }
    }

    /// Reads the next line (without its LF).
    /// - Throws: `conformance.adapter_crashed` at end of stream, `conformance.adapter_timeout`, or
    ///   `conformance.adapter_line_too_long`.
    func receiveLine(deadline: ContinuousClock.Instant) throws(FederationError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let line = try lines.nextLine() { return line }
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress!, $0.count) }
            if n > 0 {
                lines.append(chunk[..<n])
            } else if n == 0 {
                throw Self.crashed("the adapter closed its standard output (\(exitStatus()))")
            } else if errno == EAGAIN || errno == EINTR {
                try wait(for: stdoutFD, events: Int16(POLLIN), until: deadline)
            } else {
                throw Self.crashed("reading from the adapter: errno \(errno)")
            }
        }
    }

    /// Closes the adapter's standard input, gives it `grace` to exit, then kills its process group and reaps it.
    func stop(grace: Duration) {
        guard !reaped else { return }
        if stdinFD >= 0 {
            close(stdinFD)
            stdinFD = -1
        }
        let end = ContinuousClock.now + grace
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now >= end {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(10_000)
        }
        // Whatever the shell left behind in its group goes too.
        kill(-pid, SIGKILL)
        close(stdoutFD)
        reaped = true
    }

    /// Waits until `fd` is ready or the deadline passes.
    private func wait(for fd: Int32, events: Int16, until deadline: ContinuousClock.Instant) throws(FederationError) {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { throw Self.timeout(deadline) }
        let (seconds, attoseconds) = left.components
        let milliseconds = Int32(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1, 3_600_000))
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
    }

    /// `exited with status N`, `killed by signal N`, or `still running`, without reaping.
    /// A process that closed its output is usually exiting: it gets two seconds to do so.
    private func exitStatus() -> String {
        let end = ContinuousClock.now + .seconds(2)
        var info = siginfo_t()
        while true {
            info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, Self.pid(of: info) == pid { break }
            if ContinuousClock.now >= end { return "still running" }
            usleep(10_000)
        }
        #if canImport(Glibc)
            let value = info._sifields._sigchld.si_status
        #else
            let value = info.si_status
        #endif
        return info.si_code == CLD_EXITED ? "exited with status \(value)" : "killed by signal \(value)"
    }

    private static func pid(of info: siginfo_t) -> pid_t {
        #if canImport(Glibc)
            info._sifields._sigchld.si_pid
        #else
            info.si_pid
        #endif
    }

    static func crashed(_ reason: String) -> FederationError {
        FederationError(.conformanceAdapterCrashed, reason)
    }

    static func timeout(_ deadline: ContinuousClock.Instant) -> FederationError {
        FederationError(.conformanceAdapterTimeout, "no answer in time")
    }
}
