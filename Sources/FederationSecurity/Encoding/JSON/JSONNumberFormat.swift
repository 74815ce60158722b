/// How the two writers print numbers.
enum JSONNumberFormat {
    /// The largest integer magnitude RFC 8785 can print exactly: 2^53 − 1 (RFC 7493 §2.2).
    static let maxExactInteger: Int64 = (1 << 53) - 1

    /// ECMAScript `Number.prototype.toString` (ECMA-262 §7.1.12.1), as RFC 8785 §3.2.2.3 requires.
    /// - Throws: ``ErrorCode/jsonNonFiniteNumber`` for NaN and infinities.
    static func appendECMAScript(_ value: Double, to out: inout [UInt8]) throws(FederationError) {
        guard value.isFinite else { throw FederationError(.jsonNonFiniteNumber, "NaN or infinity") }
        let decimal = ShortestDecimal(value)
        if decimal.isZero {  // −0 prints as 0.
            out.append(UInt8(ascii: "0"))
            return
        }
        if decimal.isNegative { out.append(UInt8(ascii: "-")) }
        let digits = decimal.digits
        let k = digits.count
        let n = decimal.pointPosition
        if k <= n && n <= 21 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            out.append(contentsOf: digits[..<n])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            out.append(contentsOf: Array("0.".utf8))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: digits)
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            ShortestDecimal.appendExponent(n - 1, minimumDigits: 1, to: &out)
        }
    }

    /// CPython's `float.__repr__` (`PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL)`): the shortest
    /// round-trip digits, in exponent form when the decimal point position is ≤ −4 or > 16, with `.0` added to a
    /// number printed without exponent and fraction, and an exponent of at least two digits.
    /// - Throws: ``ErrorCode/jsonNonFiniteNumber`` for NaN and infinities (`json.dumps` would print `NaN`).
    static func appendPythonRepr(_ value: Double, to out: inout [UInt8]) throws(FederationError) {
        guard value.isFinite else { throw FederationError(.jsonNonFiniteNumber, "NaN or infinity") }
        let decimal = ShortestDecimal(value)
        if decimal.isNegative { out.append(UInt8(ascii: "-")) }
        if decimal.isZero {
            out.append(contentsOf: Array("0.0".utf8))
            return
        }
        let digits = decimal.digits
        let k = digits.count
        let n = decimal.pointPosition
        if n <= -4 || n > 16 {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            ShortestDecimal.appendExponent(n - 1, minimumDigits: 2, to: &out)
        } else if n <= 0 {
            out.append(contentsOf: Array("0.".utf8))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: digits)
        } else if k <= n {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
            out.append(contentsOf: Array(".0".utf8))
        } else {
            out.append(contentsOf: digits[..<n])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[n...])
        }
    }

    /// An integer in decimal.
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(value).utf8))
    }
}
