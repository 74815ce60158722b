/// Gives a decoder the UTF-8 bytes of a string without copying when the string is already contiguous UTF-8.
enum TextBytes {
    /// Calls `body` with the UTF-8 code units of `text`.
    ///
    /// Native Swift strings and their substrings are contiguous, so this copies nothing; other `StringProtocol`
    /// conformers are copied once into a `String`.
    @inline(__always) static func withUTF8<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// Calls `body` with the bytes of `bytes`, copying into an array only when they are not contiguous.
    static func withBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = bytes.withContiguousStorageIfAvailable(body) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer(body)
    }

    /// Builds a decode table: 256 entries, the symbol's value for each alphabet byte and `invalid` elsewhere.
    static func decodeTable(for alphabet: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, symbol) in alphabet.enumerated() {
            table[Int(symbol)] = UInt8(value)
        }
        return table
    }

    /// The decode-table entry of a byte outside the alphabet.
    static let invalid: UInt8 = 0xFF
}
