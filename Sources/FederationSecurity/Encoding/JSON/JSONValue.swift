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
