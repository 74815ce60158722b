import FederationSecurity

/// `json.parse`, `json.canonicalize`, `json.python_dumps`.
enum JSONOperations {
    static let handlers: [String: OperationHandler] = [
        "json.parse": { input throws(FederationError) in
            let value: JSONValue
            if input.fields["hex"] != nil {
                value = try JSONReader().parse(try input.bytes("hex"))
            } else {
                value = try JSONReader().parse(try input.string("text"))
            }
            return output(["canonical": try CanonicalJSON.encodeString(value)])
        },
        "json.canonicalize": { input throws(FederationError) in
            output(["canonical": try CanonicalJSON.encodeString(try JSONReader().parse(try input.string("text")))])
        },
        "json.python_dumps": { input throws(FederationError) in
            guard let separators = input.fields["separators"]?.arrayValue, separators.count == 2,
                let item = separators[0].stringValue, let key = separators[1].stringValue
            else { throw OperationInput.bad("input.separators must be [item, key] strings") }
            let options = PythonJSONWriter.Options(
                sortKeys: try input.bool("sort_keys"), ensureASCII: try input.bool("ensure_ascii"),
                itemSeparator: item, keySeparator: key)
            let value = try JSONReader().parse(try input.string("text"))
            return output(["text": try PythonJSONWriter(options: options).encodeString(value)])
        },
    ]
}
