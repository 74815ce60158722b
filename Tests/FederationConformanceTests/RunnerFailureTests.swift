import FederationConformance
import FederationSecurity
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// The runner must be able to fail: each inline file below is wrong in one way and must not pass.
@Suite struct RunnerFailureTests {
    static func run(_ text: String) async -> RunResult {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString).json")
            .path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return await ConformanceRunner().run(paths: [path])
    }

    static func file(_ cases: String, operation: String = "sha256.hash") -> String {
        #"{"suite":"t","version":"1","description":"d","source":"FIPS 180-4","operation":"\#(operation)","cases":[\#(cases)]}"#
    }

    // SHA-256("abc") from FIPS 180-4.
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func correctCasePasses() async {
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263"},"expected":{"result":"valid","output":{"digest":"\#(Self.abc)"}}}"#
            ))
        #expect(r.passed == 1 && r.failed == 0)
    }

    @Test func wrongOutputFails() async {
        let wrong = "00" + Self.abc.dropFirst(2)
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263"},"expected":{"result":"valid","output":{"digest":"\#(wrong)"}}}"#
            ))
        #expect(r.passed == 0 && r.failed == 1)
    }

    @Test func wrongErrorCodeFails() async {
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"text":"zz"},"expected":{"result":"invalid","error":"hex.odd_length"}}"#,
                operation: "hex.decode"))
        #expect(r.failed == 1)  // "zz" is even: the right code is hex.invalid_character
    }

    @Test func validInvalidMismatchFails() async {
        let r1 = await Self.run(
            Self.file(#"{"id":"a","input":{"message":"616263"},"expected":{"result":"invalid","error":"x.y"}}"#))
        let r2 = await Self.run(
            Self.file(
                #"{"id":"a","input":{"text":"zz"},"expected":{"result":"valid"}}"#, operation: "hex.decode"))
        #expect(r1.failed == 1 && r2.failed == 1)
    }

    @Test func brokenFilesAreErrors() async {
        let duplicate = Self.file(
            #"{"id":"a","input":{"message":""},"expected":{"result":"valid"}},{"id":"a","input":{"message":""},"expected":{"result":"valid"}}"#
        )
        let noCode = Self.file(#"{"id":"a","input":{"message":""},"expected":{"result":"invalid"}}"#)
        let badInput = Self.file(#"{"id":"a","input":{"message":42},"expected":{"result":"valid"}}"#)
        for text in [duplicate, noCode, badInput, "{", #"{"suite":"t"}"#] {
            let r = await Self.run(text)
            #expect(r.failed >= 1 && r.passed == 0, "\(text)")
        }
    }

    @Test func unknownOperationIsAnErrorNotASkip() async {
        let r = await Self.run(
            Self.file(#"{"id":"a","input":{},"expected":{"result":"valid"}}"#, operation: "nope.nothing"))
        #expect(r.passed == 0 && r.failed == 1 && r.errors == 1)
        #expect(r.suites.first?.fileError?.hasPrefix("conformance.unknown_operation") == true)
    }

    @Test func misspeltInputFieldIsAnError() async {
        // sha256.hash reads only "message": a field it never reads is a typo in the vector, not something to ignore.
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263","mesage":"00"},"expected":{"result":"valid","output":{"digest":"\#(Self.abc)"}}}"#
            ))
        #expect(r.passed == 0 && r.errors == 1)
        guard case .error(let why) = r.suites.first?.cases.first?.outcome else {
            Issue.record("expected an error outcome")
            return
        }
        #expect(why.contains("input.mesage"))
    }

    @Test func missingOutputMemberFails() async {
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263"},"expected":{"result":"valid","output":{"digest":"\#(Self.abc)","extra":"x"}}}"#
            ))
        #expect(r.failed == 1)
        guard case .failed(let why) = r.suites.first?.cases.first?.outcome else { return }
        #expect(why == #"output.extra: expected "x", got no such member"#)
    }

    // SHA-512("abc") from FIPS 180-4 (checked with CPython hashlib).
    static let abc512 =
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"

    @Test func longOutputDifferenceIsLocated() async {
        var wrong = Array(Self.abc512)
        wrong[100] = wrong[100] == "0" ? "1" : "0"
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263"},"expected":{"result":"valid","output":{"digest":"\#(String(wrong))"}}}"#,
                operation: "sha512.hash"))
        guard case .failed(let why) = r.suites.first?.cases.first?.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(why.hasPrefix("output.digest: differs at character 100: expected \"…"), "\(why)")
        #expect(why.contains("(128 chars)"))
    }

    @Test func reportsAreWellFormed() async throws {
        // The failure message carries the expected value, with characters XML must escape and one it cannot carry.
        let r = await Self.run(
            Self.file(
                #"{"id":"a","input":{"message":"616263"},"expected":{"result":"valid","output":{"digest":"<&>'\"\u0001"}}}"#
            ))
        let json = try JSONReader().parse(JSONReport.render(r))
        #expect(json["failed"]?.integerValue == 1 && json["suites"]?.arrayValue?.count == 1)
        #expect(json.objectValue?.keys == ["implementation", "version", "suites", "passed", "failed", "skipped"])
        let xml = JUnitReport.render(r)
        #expect(xml.contains("&lt;&amp;&gt;&apos;&quot;\u{FFFD}") && xml.contains("<failure"))
        let document = try XMLDocument(xmlString: xml)
        #expect(document.rootElement()?.name == "testsuites")
        #expect(document.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
        #expect(document.rootElement()?.attribute(forName: "errors")?.stringValue == "0")
        let text = TextReport.render(r)
        #expect(text.contains("FAIL  t a: output.digest: expected") && text.contains("=> FAILED"))
    }

    @Test func errorsAreCountedApartFromFailuresInJUnit() async throws {
        let r = await Self.run(Self.file(#"{"id":"a","input":{"message":42},"expected":{"result":"valid"}}"#))
        let root = try XMLDocument(xmlString: JUnitReport.render(r)).rootElement()
        #expect(root?.attribute(forName: "failures")?.stringValue == "0")
        #expect(root?.attribute(forName: "errors")?.stringValue == "1")
        #expect(r.failed == 1)  // the JSON contract counts errors as failed
    }
}
