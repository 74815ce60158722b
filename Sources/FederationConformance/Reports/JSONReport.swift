import FederationSecurity

/// The machine-readable summary: exactly one JSON object,
/// `{"implementation", "suites": [{"name", "file", "passed", "failed", "skipped"}], "passed", "failed", "skipped"}`.
/// Errors (broken vectors, unreadable files) count as failed.
public enum JSONReport {
    public static func render(_ run: RunResult) -> String {
        func count(_ n: Int) -> JSONValue { .number(.integer(Int64(n))) }
        let suites: [JSONValue] = run.suites.map { suite in
            .object(
                JSONObject(uniqueMembers: [
                    .init("name", .string(suite.name)), .init("file", .string(suite.file)),
                    .init("passed", count(suite.passed)), .init("failed", count(suite.failed + suite.errors)),
                    .init("skipped", count(suite.skipped)),
                ]))
        }
        let root = JSONValue.object(
            JSONObject(uniqueMembers: [
                .init("implementation", .string(run.implementation)), .init("suites", .array(suites)),
                .init("passed", count(run.passed)), .init("failed", count(run.failed)),
                .init("skipped", count(run.skipped)),
            ]))
        return JSONText.render(root)
    }
}

/// Plain JSON text for reports (members in the order given; strings escaped per RFC 8259 §7).
enum JSONText {
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(.integer(let i)): return String(i)
        case .number(.double(let d)): return d.isFinite ? String(d) : "null"
        case .string(let s): return quote(s)
        case .array(let a): return "[" + a.map(render).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.members.map { quote($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
