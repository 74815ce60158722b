/// `@query-param` (RFC 9421 §2.2.8): the query is parsed as `application/x-www-form-urlencoded` (WHATWG URL
/// §5.1: split on `&`, then on the first `=`, `+` is a space, percent-decode), and each name and value is encoded
/// again with the HTML form percent-encode set: every byte except `A–Z a–z 0–9 * - . _` is percent-encoded with
/// upper-case hex, and a space becomes `%20` (not `+`). Names are compared in that encoded form.
enum QueryParameters {
    struct Parameter: Equatable {
        let name: String
        let value: String
    }

    static func parse(_ query: String) -> [Parameter] {
        query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let bytes = Array(pair)
            if let eq = bytes.firstIndex(of: UInt8(ascii: "=")) {
                return Parameter(name: reencode(bytes[..<eq]), value: reencode(bytes[(eq + 1)...]))
            }
            return Parameter(name: reencode(bytes[...]), value: "")
        }
    }

    /// Form-decodes then percent-encodes.
    static func reencode(_ bytes: ArraySlice<UInt8>) -> String {
        percentEncode(formDecode(bytes))
    }

    static func formDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let hi = Hex.digitValue(bytes[i + 1]),
                let lo = Hex.digitValue(bytes[i + 2])
            {
                out.append(hi << 4 | lo)
                i += 3
                continue
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    static func percentEncode(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "*") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
