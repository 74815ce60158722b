/// A Semantic Versioning 2.0.0 version string, checked against the grammar of semver.org §2, §9, §10:
/// `MAJOR.MINOR.PATCH[-pre.release][+build.meta]`, numbers without leading zeros, identifiers `[0-9A-Za-z-]+`,
/// numeric pre-release identifiers without leading zeros. No `v` prefix, no whitespace.
public enum SemanticVersion {
    /// Whether `text` is a valid SemVer 2.0.0 version.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 256 else { return false }
        var core = bytes[...]
        var build: ArraySlice<UInt8>?
        var pre: ArraySlice<UInt8>?
        if let plus = core.firstIndex(of: UInt8(ascii: "+")) {
            build = core[(plus + 1)...]
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: UInt8(ascii: "-")) {
            pre = core[(dash + 1)...]
            core = core[..<dash]
        }
        let numbers = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy(isNumber) else { return false }
        if let pre {
            let ids = pre.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard ids.allSatisfy({ isIdentifier($0) && (!$0.allSatisfy(isDigit) || isNumber($0)) }) else {
                return false
            }
        }
        if let build {
            guard build.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isIdentifier)
            else { return false }
        }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }

    /// A numeric identifier: digits, no leading zero unless it is `0`.
    private static func isNumber(_ s: ArraySlice<UInt8>) -> Bool {
        !s.isEmpty && s.count <= 20 && s.allSatisfy(isDigit) && (s.count == 1 || s.first != UInt8(ascii: "0"))
    }

    private static func isIdentifier(_ s: ArraySlice<UInt8>) -> Bool {
        !s.isEmpty
            && s.allSatisfy { isDigit($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }
}
