/// The shortest decimal digits that read back as a given finite double, and where the decimal point goes.
///
/// The value is `0.d₁d₂…dₖ × 10^pointPosition` (ECMAScript's `n`, Python's `decpt`). The digits come from Swift's
/// `Double.description`, which prints the shortest digit string that round-trips, choosing the closest one when
/// several are equally short — the same digits as ECMAScript `Number.prototype.toString` (ECMA-262 §7.1.12.1,
/// used by RFC 8785 §3.2.2.3) and CPython's `repr(float)`. Only the layout of those digits differs between the two,
/// and both layouts are produced here from the digits, never by trusting Swift's own layout.
struct ShortestDecimal: Sendable, Equatable {
    /// ASCII digits, no leading or trailing zeros; `"0"` for zero.
    let digits: [UInt8]
    /// `n` such that the value is `0.digits × 10^n`.
    let pointPosition: Int
    /// Whether the sign bit is set (true for −0.0).
    let isNegative: Bool

    /// - Precondition: `value` is finite.
    init(_ value: Double) {
        precondition(value.isFinite, "ShortestDecimal needs a finite value")
        isNegative = value.sign == .minus
        var mantissa: [UInt8] = []
        var exponent = 0
        var intDigits = 0
        var sawPoint = false
        var text = Array(value.magnitude.description.utf8)
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
            text.removeSubrange(e...)
        }
        for byte in text {
            if byte == UInt8(ascii: ".") {
                sawPoint = true
            } else {
                mantissa.append(byte)
                if !sawPoint { intDigits += 1 }
            }
        }
        var point = intDigits + exponent
        while mantissa.first == UInt8(ascii: "0") {
            mantissa.removeFirst()
            point -= 1
        }
        while mantissa.last == UInt8(ascii: "0") {
            mantissa.removeLast()
        }
        if mantissa.isEmpty {
            digits = [UInt8(ascii: "0")]
            pointPosition = 1
        } else {
            digits = mantissa
            pointPosition = point
        }
    }

    var isZero: Bool { digits == [UInt8(ascii: "0")] }

    /// Appends `e`, the sign (always), and the exponent with at least `minimumDigits` digits.
    static func appendExponent(_ exponent: Int, minimumDigits: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "e"))
        out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = Array(String(exponent.magnitude).utf8)
        if magnitude.count < minimumDigits {
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumDigits - magnitude.count))
        }
        out.append(contentsOf: magnitude)
    }
}
