/// A string as a dictionary or set key that is equal to another only when their UTF-8 bytes are: `String`'s own
/// `==` and hashing follow canonical equivalence (`"\u{212A}"` is `"K"`, `"\u{37E}"` is `";"`), which lets a
/// look-alike of a stored id find its entry. Hashing reads the string's UTF-8 in place; nothing is copied.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ExactText, b: ExactText) -> Bool { UTF8Equality.equal(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        var text = text  // `withUTF8` is mutating; a native string's copy shares its storage
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
