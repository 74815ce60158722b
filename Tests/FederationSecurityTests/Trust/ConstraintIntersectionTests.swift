import FederationSecurity
import Testing

/// The intersection admits exactly the requests both sides admit, checked over a grid of constraint pairs and
/// requests with the token constraint evaluator as the judge.
@Suite struct ConstraintIntersectionTests {
    static func object(_ text: String) -> JSONObject {
        try! JSONReader().parse(text).objectValue!
    }

    static let constraints: [String] = [
        #"{}"#, #"{"max_rows":5}"#, #"{"max_rows":50}"#, #"{"allowed_fields":["a","b"]}"#,
        #"{"allowed_fields":["b","c"]}"#,
        #"{"args":{"p":{"prefix":"/srv/"}}}"#, #"{"args":{"p":{"prefix":"/srv/data/"}}}"#,
        #"{"args":{"p":{"pinned":"/srv/data/x"}}}"#, #"{"args":{"o":{"allowed_keys":["k","l"]}}}"#,
        #"{"args":{"o":{"allowed_keys":["l","m"]}}}"#, #"{"args":{"o":{"pinned":{"l":1}}}}"#,
        #"{"max_rows":10,"allowed_fields":["a"],"args":{"p":{"prefix":"/srv/"}}}"#,
    ]

    static let requests: [String] = [
        #"{}"#, #"{"rows":3}"#, #"{"rows":7}"#, #"{"rows":70}"#, #"{"fields":["a"]}"#, #"{"fields":["b"]}"#,
        #"{"fields":["c"]}"#, #"{"fields":["a","b"]}"#, #"{"args":{"p":"/srv/x"}}"#, #"{"args":{"p":"/srv/data/x"}}"#,
        #"{"args":{"p":"/srv/data/y"}}"#, #"{"args":{"p":"/etc/x"}}"#, #"{"args":{"o":{"l":1}}}"#,
        #"{"args":{"o":{"k":1}}}"#, #"{"args":{"o":{"m":2}}}"#,
        #"{"rows":3,"fields":["a"],"args":{"p":"/srv/data/x","o":{"l":1}}}"#,
    ]

    static func admits(_ constraints: JSONObject, _ request: JSONObject) -> Bool {
        (try? TokenConstraints.evaluate(constraints, request: request)) != nil
    }

    @Test func intersectionAdmitsExactlyWhatBothAdmit() throws {
        var checked = 0
        for a in Self.constraints.map(Self.object) {
            for b in Self.constraints.map(Self.object) {
                let merged: JSONObject
                do { merged = try ConstraintIntersection.intersect(a, b) } catch {
                    #expect(error.code == .trustConstraintConflict)
                    continue
                }
                try TokenConstraints.validate(merged)
                for request in Self.requests.map(Self.object) {
                    #expect(
                        Self.admits(merged, request) == (Self.admits(a, request) && Self.admits(b, request)),
                        "\(a) ∩ \(b) on \(request)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1500)
    }
}
