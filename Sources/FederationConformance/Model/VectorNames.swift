/// The name syntax of the vector format (the same patterns as `TestVectors/schema/vector-file.schema.json`).
enum VectorNames {
    /// `suite`: `^[a-z0-9][a-z0-9._-]*$`.
    static func isSuite(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerOrDigit(first) else { return false }
        return s.utf8.allSatisfy {
            isLowerOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// A case `id`: `^[A-Za-z0-9][A-Za-z0-9._-]*$`.
    static func isCaseID(_ s: String) -> Bool {
        func alnum(_ b: UInt8) -> Bool { isLowerOrDigit(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) }
        guard let first = s.utf8.first, alnum(first) else { return false }
        return s.utf8.allSatisfy {
            alnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// A flag: `^[A-Za-z0-9]+$`.
    static func isFlag(_ s: String) -> Bool {
        !s.isEmpty
            && s.utf8.allSatisfy { isLowerOrDigit($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// An error code: `<domain>.<reason>`, `^[a-z0-9_-]+\.[a-z0-9_.]+$`.
    static func isErrorCode(_ s: String) -> Bool {
        guard let dot = s.utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let domain = s.utf8[..<dot]
        let reason = s.utf8[s.utf8.index(after: dot)...]
        return !domain.isEmpty && !reason.isEmpty
            && domain.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            && reason.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isLowerOrDigit(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
