import CSodium

/// Secret key material: zeroized when the last copy goes away, never printed, compared in constant time.
///
/// The bytes are immutable after construction and reachable only through ``withUnsafeBytes(_:)``. `description`,
/// `debugDescription` and reflection (`dump`, `print`) show only the length.
/// - Warning: the source you construct it from is not wiped (except with ``init(consuming:)``); prefer deriving
///   secrets directly into `SecretBytes` (``SecureRandom/secretBytes(count:)``, HKDF) over building them in arrays.
public struct SecretBytes: Sendable {
    private let storage: Storage

    /// Copies `bytes` into zeroizing storage.
    public init(_ bytes: some Collection<UInt8>) {
        storage = Storage(count: bytes.count)
        withContiguousBytes(bytes) { source in
            storage.pointer.copyMemory(from: source)
        }
    }

    /// Moves `bytes` into zeroizing storage and wipes the array it came from.
    public init(consuming bytes: inout [UInt8]) {
        self.init(bytes)
        bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress, $0.count) }
        bytes.removeAll()
    }

    /// Storage of `count` bytes filled by `initialise`, for C calls that write a secret directly.
    init(count: Int, initialise: (UnsafeMutableRawBufferPointer) throws(FederationError) -> Void)
        throws(FederationError)
    {
        storage = Storage(count: count)
        try initialise(storage.pointer)
    }

    /// The number of bytes.
    public var count: Int { storage.pointer.count }

    /// Calls `body` with the secret bytes. Do not let the pointer escape.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(storage.pointer))
    }
}

// MARK: - Storage

extension SecretBytes {
    /// Heap storage wiped with `sodium_memzero` (which the compiler may not elide) before it is freed.
    ///
    /// `@unchecked Sendable` is safe: the bytes are written once, during `SecretBytes.init`, before the storage is
    /// shared, and never mutated afterwards except by `deinit`, which runs when no other reference exists.
    final class Storage: @unchecked Sendable {
        let pointer: UnsafeMutableRawBufferPointer

        init(count: Int) {
            Sodium.ensureInitialised()
            pointer = .allocate(byteCount: count, alignment: 16)
            pointer.initializeMemory(as: UInt8.self, repeating: 0)
        }

        deinit {
            sodium_memzero(pointer.baseAddress, pointer.count)
            pointer.deallocate()
        }
    }
}

// MARK: - Constant-time equality, redaction

extension SecretBytes: Equatable {
    /// Constant time in the contents; lengths are not secret.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in ConstantTime.equals(a, b) } }
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
