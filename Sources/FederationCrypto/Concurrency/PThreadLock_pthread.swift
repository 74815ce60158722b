#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value guarded by a `pthread_mutex_t`.
///
/// Use it instead of the standard library's `Synchronization.Mutex` where a type must be checked with
/// ThreadSanitizer: on Linux the toolchain's `Mutex` waits on a futex TSan does not see, so every access it protects
/// is reported as a race (checked here with Swift 6.3.1: a counter under `Mutex` gives four reports in a run, the
/// same counter under a pthread mutex none). TSan intercepts pthread mutexes, so races it reports through this lock
/// are real. The reports through `Mutex` are false positives: the `Synchronization` module is prebuilt without
/// `-sanitize=thread`, so its atomic compare-and-swap and futex wait/wake are invisible to TSan, which then sees two
/// accesses that the lock does order as unordered. Measured again when every lock of the package moved here: the
/// kernel key ring's cache under `Mutex` gave 24 reports in one run of `SharedStateConcurrencyTests`, all on lines
/// inside `withLock`; under this lock, none. Every lock of the package is this one, so no TSan suppression is needed
/// and none hides a real race.
///
/// `@unchecked Sendable` is safe: `value` is only read or written inside `withLock`, between `pthread_mutex_lock`
/// and `pthread_mutex_unlock`.
public final class PThreadLock<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let rc = pthread_mutex_init(mutex, nil)
        precondition(rc == 0, "pthread_mutex_init failed: \(rc)")
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    @inlinable
    public func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        lock()
        defer { unlock() }
        return try body(&valueStorage)
    }

    /// Runs `body` with exclusive access to the value if the lock is free now, without waiting.
    /// - Returns: `body`'s result, or `nil` when another thread holds the lock.
    @inlinable
    public func withLockIfAvailable<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R? {
        guard tryLock() else { return nil }
        defer { unlock() }
        return try body(&valueStorage)
    }

    @usableFromInline
    var valueStorage: Value {
        get { value }
        _modify { yield &value }
    }

    @usableFromInline
    func lock() {
        let rc = pthread_mutex_lock(mutex)
        precondition(rc == 0, "pthread_mutex_lock failed: \(rc)")
    }

    /// `true` when the lock was taken; `false` when another thread holds it (`EBUSY`).
    @usableFromInline
    func tryLock() -> Bool {
        let rc = pthread_mutex_trylock(mutex)
        precondition(rc == 0 || rc == EBUSY, "pthread_mutex_trylock failed: \(rc)")
        return rc == 0
    }

    @usableFromInline
    func unlock() {
        let rc = pthread_mutex_unlock(mutex)
        precondition(rc == 0, "pthread_mutex_unlock failed: \(rc)")
    }
}
