@testable import FederationConformance
import FederationSecurity
import Foundation
import Testing

/// The library through the protocol's encoding and back, without a process: every answer a line can carry.
struct LoopbackImplementation: ConformanceImplementation {
    let server = AdapterServer()
    var name: String { "loopback" }
    var version: String { "0" }
    func supports(_ operation: String) -> Bool { OperationCatalog.defines(operation) }
    func perform(_ request: OperationRequest) async -> OperationResponse {
        let line = await server.respond(to: AdapterProtocol.requestLine(id: 42, request))
        do {
            return try AdapterProtocol.parseResponse(line, id: 42)
        } catch {
            return .implementationError(reason: error.description)
        }
    }
}

/// The messages of the adapter protocol, both sides, and its framing limit.
@Suite struct AdapterProtocolTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: [
        OperationResponse.result(valid: true, error: nil, output: nil),
        .result(valid: true, error: nil, output: JSONObject(uniqueMembers: [.init("hex", .string("00"))])),
        .result(valid: false, error: "crypto.signature_invalid", output: nil),
        .result(valid: false, error: nil, output: nil), .unsupported, .invalidInput(reason: "input.x is missing"),
    ])
    func everyResponseSurvivesTheWire(_ response: OperationResponse) throws {
        #expect(try AdapterProtocol.parseResponse(AdapterProtocol.responseLine(id: 7, response), id: 7) == response)
    }

    @Test(arguments: [
        #"{"id":7,"result":"valid","error":"x.y"}"#, #"{"id":7,"result":"invalid","output":{}}"#,
        #"{"id":7,"unsupported":true,"result":"valid"}"#, #"{"id":7,"unsupported":false}"#,
        #"{"id":7,"result":"maybe"}"#, #"{"id":7}"#, #"{"id":8,"result":"valid"}"#, #"{"result":"valid"}"#,
        #"{"id":"7","result":"valid"}"#, #"{"id":7,"result":"valid","reslt":"valid"}"#,
        #"{"id":7,"result":"valid","output":[]}"#, #"{"id":7,"result":"invalid","error":3}"#, "[]", "not json",
        #"{"id":7,"result":"valid","id":7}"#,
    ])
    func malformedAnswersAreProtocolErrors(_ line: String) {
        #expect(throws: FederationError(.conformanceAdapterProtocol)) {
            _ = try AdapterProtocol.parseResponse(Self.bytes(line), id: 7)
        }
    }

    @Test func helloRoundTripAndChecks() throws {
        let hello = AdapterHello(
            implementation: "x", version: "1", operations: ["sha256.hash"], profiles: ["native"], errorCodes: false)
        #expect(try AdapterProtocol.parseHello(AdapterProtocol.helloResponseLine(id: 0, hello), id: 0) == hello)
        let minimal = try AdapterProtocol.parseHello(
            Self.bytes(#"{"id":0,"protocol":1,"implementation":"x","version":"","operations":[]}"#), id: 0)
        #expect(minimal.errorCodes && minimal.profiles.isEmpty)
        for bad in [
            #"{"id":0,"protocol":2,"implementation":"x","version":"1","operations":[]}"#,
            #"{"id":0,"protocol":1,"implementation":"","version":"1","operations":[]}"#,
            #"{"id":0,"protocol":1,"implementation":"x","version":"1"}"#,
            #"{"id":0,"protocol":1,"implementation":"x","version":"1","operations":[1]}"#,
            #"{"id":0,"protocol":1,"implementation":"x","version":"1","operations":[],"error_codes":"no"}"#,
            #"{"id":1,"protocol":1,"implementation":"x","version":"1","operations":[]}"#,
        ] {
            #expect(throws: FederationError(.conformanceAdapterProtocol), "\(bad)") {
                _ = try AdapterProtocol.parseHello(Self.bytes(bad), id: 0)
            }
        }
    }

    @Test func requestsCarryIdOperationInputAndNowWhenPresent() throws {
        let input = JSONObject(uniqueMembers: [.init("message", .string("00"))])
        let withNow = String(
            decoding: AdapterProtocol.requestLine(
                id: 3, OperationRequest(operation: "sha256.hash", input: input, now: 1_700_000_000)), as: UTF8.self)
        #expect(withNow == #"{"id":3,"op":"sha256.hash","input":{"message":"00"},"now":1700000000}"#)
        let without = AdapterProtocol.requestLine(id: 4, OperationRequest(operation: "x", input: input, now: nil))
        guard case .operation(4, let request) = try AdapterProtocol.parseRequest(without) else {
            Issue.record("not an operation request")
            return
        }
        #expect(request.operation == "x" && request.now == nil && request.input == input)
        #expect(
            String(decoding: AdapterProtocol.helloLine(id: 0), as: UTF8.self) == #"{"id":0,"op":"hello","protocol":1}"#)
    }

    @Test func theServerGreetsWithTheCatalogAndAnswersEveryKindOfRequest() async throws {
        let server = AdapterServer()
        let hello = try AdapterProtocol.parseHello(
            await server.respond(to: AdapterProtocol.helloLine(id: 0)), id: 0)
        #expect(hello.operations == OperationCatalog.operations && hello.errorCodes)
        let unknown = await server.respond(to: Self.bytes(#"{"id":1,"op":"no.such","input":{}}"#))
        #expect(try AdapterProtocol.parseResponse(unknown, id: 1) == .unsupported)
        let broken = await server.respond(to: Self.bytes(#"{"id":2,"op":"sha256.hash","input":{"message":"zz"}}"#))
        guard case .invalidInput = try AdapterProtocol.parseResponse(broken, id: 2) else {
            Issue.record("bad hex is not invalid input")
            return
        }
        let garbage = String(decoding: await server.respond(to: Self.bytes("{")), as: UTF8.self)
        #expect(garbage.contains("conformance.adapter_protocol"))
    }

    /// The same counts as in process for every vector file, through the protocol's encoding and decoding.
    @Test func everyVectorThroughTheWireMatchesInProcess() async {
        let inProcess = await ConformanceRunner().run(paths: [VectorFileTests.root])
        let wire = await ConformanceRunner(implementation: LoopbackImplementation()).run(paths: [VectorFileTests.root])
        #expect(wire.passed == inProcess.passed && wire.failed == 0 && wire.skipped == inProcess.skipped)
        #expect(wire.passed > 1000)
    }

    /// Limit: an answer line of exactly `maxLineBytes` bytes is read; one byte more is refused, with or without
    /// its LF having arrived (Spec/limits.md).
    @Test func lineLengthLimit() throws {
        var buffer = AdapterLineBuffer(maxLineBytes: 10)
        buffer.append(Array(repeating: UInt8(ascii: "a"), count: 10) + [0x0A])
        #expect(try buffer.nextLine()?.count == 10)
        var over = AdapterLineBuffer(maxLineBytes: 10)
        over.append(Array(repeating: UInt8(ascii: "a"), count: 11) + [0x0A])
        #expect(throws: FederationError(.conformanceAdapterLineTooLong)) { _ = try over.nextLine() }
        var endless = AdapterLineBuffer(maxLineBytes: 10)
        endless.append(Array(repeating: UInt8(ascii: "a"), count: 11))
        #expect(throws: FederationError(.conformanceAdapterLineTooLong)) { _ = try endless.nextLine() }
        var split = AdapterLineBuffer(maxLineBytes: 10)
        split.append(Self.bytes("ab"))
        #expect(try split.nextLine() == nil)
        split.append(Self.bytes("c\nd\n"))
        #expect(try split.nextLine() == Self.bytes("abc") && split.nextLine() == Self.bytes("d"))
        #expect(AdapterProtocol.maxLineBytes == 16 << 20)
    }
}
