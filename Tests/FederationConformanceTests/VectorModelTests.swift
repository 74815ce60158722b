import FederationConformance
import FederationSecurity
import Testing

/// Structural validation of project-format vector files: each problem is rejected with its own code.
@Suite struct VectorModelTests {
    static let header =
        #""suite":"t.x","version":"1","description":"d","source":"FIPS 180-4","operation":"sha256.hash""#
    static let good = #"{"id":"a","input":{"message":""},"expected":{"result":"valid"}}"#

    static func decode(_ text: String) throws(FederationError) -> VectorFile {
        try VectorFile(try JSONReader().parse(text))
    }

    static func file(_ cases: String, header: String = header, extra: String = "") -> String {
        "{\(header)\(extra),\"cases\":[\(cases)]}"
    }

    @Test func aWellFormedFileDecodes() throws {
        let file = try Self.decode(
            Self.file(
                #"{"id":"a","description":"x","flags":["F"],"operation":"sha512.hash","now":5,"input":{"message":""},"expected":{"result":"valid","output":{}}},{"id":"b","input":{},"expected":{"result":"invalid","error":"x.y"}}"#,
                extra: #","profile":"native""#))
        #expect(file.suite == "t.x" && file.profile == "native" && file.cases.count == 2)
        #expect(file.cases[0].operation == "sha512.hash" && file.cases[0].now == 5 && file.cases[0].flags == ["F"])
        #expect(file.cases[1].operation == "sha256.hash" && file.cases[1].expected.error == "x.y")
    }

    static let rejected: [(name: String, text: String, code: ErrorCode)] = [
        ("not an object", "[]", .conformanceInvalidVectorFile),
        (
            "missing suite", #"{"version":"1","description":"d","source":"s","operation":"sha256.hash","cases":[]}"#,
            .conformanceMissingField
        ),
        ("missing cases", "{\(header)}", .conformanceMissingField),
        ("empty cases", file(""), .conformanceInvalidVectorFile),
        ("unknown top-level field", file(good, extra: #","sutie":"x""#), .conformanceInvalidVectorFile),
        (
            "suite not a string", file(good, header: header.replacingOccurrences(of: #""t.x""#, with: "1")),
            .conformanceInvalidVectorFile
        ),
        (
            "suite with capitals", file(good, header: header.replacingOccurrences(of: "t.x", with: "T.x")),
            .conformanceInvalidVectorFile
        ),
        (
            "unknown file operation",
            file(good, header: header.replacingOccurrences(of: "sha256.hash", with: "sha3.hash")),
            .conformanceUnknownOperation
        ),
        (
            "unknown case operation",
            file(#"{"id":"a","operation":"nope.op","input":{},"expected":{"result":"valid"}}"#),
            .conformanceUnknownOperation
        ),
        ("case missing id", file(#"{"input":{},"expected":{"result":"valid"}}"#), .conformanceMissingField),
        ("case missing input", file(#"{"id":"a","expected":{"result":"valid"}}"#), .conformanceMissingField),
        ("case missing expected", file(#"{"id":"a","input":{}}"#), .conformanceMissingField),
        ("expected missing result", file(#"{"id":"a","input":{},"expected":{}}"#), .conformanceMissingField),
        ("duplicate case id", file(good + "," + good), .conformanceDuplicateCaseID),
        (
            "invalid without error", file(#"{"id":"a","input":{},"expected":{"result":"invalid"}}"#),
            .conformanceMissingErrorCode
        ),
        (
            "valid with error", file(#"{"id":"a","input":{},"expected":{"result":"valid","error":"x.y"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "invalid with output",
            file(#"{"id":"a","input":{},"expected":{"result":"invalid","error":"x.y","output":{}}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "result neither valid nor invalid", file(#"{"id":"a","input":{},"expected":{"result":"acceptable"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "error code without a domain",
            file(#"{"id":"a","input":{},"expected":{"result":"invalid","error":"bad"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "unknown case field", file(#"{"id":"a","input":{},"expected":{"result":"valid"},"expect":{}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "unknown expected field", file(#"{"id":"a","input":{},"expected":{"result":"valid","code":"x.y"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "input not an object", file(#"{"id":"a","input":"616263","expected":{"result":"valid"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "output not an object", file(#"{"id":"a","input":{},"expected":{"result":"valid","output":"x"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "flags not strings", file(#"{"id":"a","flags":[1],"input":{},"expected":{"result":"valid"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "flag with a dash", file(#"{"id":"a","flags":["a-b"],"input":{},"expected":{"result":"valid"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "source too short", file(good, header: header.replacingOccurrences(of: "FIPS 180-4", with: "RFC")),
            .conformanceInvalidVectorFile
        ),
        (
            "now not an integer", file(#"{"id":"a","now":"5","input":{},"expected":{"result":"valid"}}"#),
            .conformanceInvalidVectorFile
        ),
        (
            "id with a space", file(#"{"id":"a b","input":{},"expected":{"result":"valid"}}"#),
            .conformanceInvalidVectorFile
        ),
    ]

    @Test(arguments: rejected.indices)
    func brokenFileIsRejectedWithItsCode(_ index: Int) {
        let entry = Self.rejected[index]
        #expect(throws: FederationError(entry.code), "\(entry.name)") { try Self.decode(entry.text) }
    }
}
