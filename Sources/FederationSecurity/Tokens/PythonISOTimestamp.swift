/// A timestamp in exactly the form CPython's `datetime.isoformat()` prints for an aware datetime:
/// `YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM`, the fraction present only when non-zero, always six digits.
///
/// Only this canonical form is accepted: weaver-kernel MACs `isoformat(fromisoformat(text))`, so any other spelling
/// of the same instant (`Z`, `.000000`, a missing offset) would make the bytes received differ from the bytes MACed.
struct PythonISOTimestamp: Sendable, Hashable, Comparable {
    /// Seconds since the Unix epoch, UTC.
    let seconds: Int64
    /// Microseconds, 0...999_999.
    let microseconds: Int

    init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 25 || b.count == 32 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        func at(_ i: Int, _ c: Character) -> Bool { b[i] == c.asciiValue! }
        guard let year = digits(0, 4), at(4, "-"), let month = digits(5, 2), at(7, "-"), let day = digits(8, 2),
            at(10, "T"), let hour = digits(11, 2), at(13, ":"), let minute = digits(14, 2), at(16, ":"),
            let second = digits(17, 2)
        else { return nil }
        var offsetStart = 19
        var micro = 0
        if b.count == 32 {
            guard at(19, "."), let fraction = digits(20, 6), fraction != 0 else { return nil }  // zero: isoformat omits it
            micro = fraction
            offsetStart = 26
        }
        guard at(offsetStart, "+") || at(offsetStart, "-"), let offsetHours = digits(offsetStart + 1, 2),
            at(offsetStart + 3, ":"), let offsetMinutes = digits(offsetStart + 4, 2),
            offsetHours < 24, offsetMinutes < 60
        else { return nil }
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month, year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let offset = (offsetHours * 60 + offsetMinutes) * 60 * (at(offsetStart, "-") ? -1 : 1)
        let days = Self.daysFromCivil(year, month, day)
        seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        microseconds = micro
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.seconds, lhs.microseconds) < (rhs.seconds, rhs.microseconds)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
