/// A JSON value as read by ``JSONReader`` or built by code that writes a peer format.
///
/// Numbers keep the distinction between integers and floating-point values because the Python-compatible writer
/// must print `1` and `1.0` differently, as Python does.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number: an exact integer (the reader limits these to ±(2^53 − 1), the I-JSON range of RFC 7493 §2.2) or a
/// finite double.
public enum JSONNumber: Sendable, Hashable {
    case integer(Int64)
    case double(Double)
}

// MARK: - Convenience accessors

extension JSONValue {
    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, when this is an integer number.
    public var integerValue: Int64? {
        if case .number(.integer(let i)) = self { return i }
        return nil
    }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The member named `key`, when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

// MARK: - Equality by scalars

// Swift's `String ==` treats canonically equivalent strings as equal ("\u{e9}" == "e\u{301}"). Two JSON strings are
// equal only when they hold the same scalars (RFC 8259 §8.3), and identifiers compared through JSONValue (key ids,
// principals, capabilities) must not match a different byte sequence, so strings compare and hash by scalars here.
extension JSONValue {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .string(let s):
            hasher.combine(3); hasher.combine(s.utf8.count); for byte in s.utf8 { hasher.combine(byte) }
        case .array(let a): hasher.combine(4); hasher.combine(a)
        case .object(let o): hasher.combine(5); hasher.combine(o)
        }
    }
}
