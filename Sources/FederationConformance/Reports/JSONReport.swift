import FederationSecurity

/// The machine-readable summary: exactly one JSON object,
/// `{"implementation", "version", "suites": [{"name", "file", "passed", "failed", "skipped"}], "passed", "failed", "skipped"}`.
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
                .init("implementation", .string(run.implementation)), .init("version", .string(run.version)),
                .init("suites", .array(suites)),
                .init("passed", count(run.passed)), .init("failed", count(run.failed)),
                .init("skipped", count(run.skipped)),
            ]))
        // Insertion order, UTF-8 as is: a report for CI, not a signed format. The values are built here and finite.
        let writer = PythonJSONWriter(options: .init(ensureASCII: false, itemSeparator: ",", keySeparator: ":"))
        return (try? writer.encodeString(root)) ?? "{}"
    }
}
