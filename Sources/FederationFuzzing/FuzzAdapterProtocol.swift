import FederationConformance
import FederationSecurity

/// Fuzz body for the adapter protocol's readers (an adapter's output is untrusted): the input as an answer line, a
/// hello line and a request line, and as a stream split into lines.
///
/// Invariants: nothing crashes; whatever is accepted is written back to a line that reads as the same message; the
/// line framing gives the same lines however the stream is cut.
public func fuzzAdapterProtocol(_ data: [UInt8]) {
    if let response = try? AdapterProtocol.parseResponse(data, id: 7) {
        let again = try? AdapterProtocol.parseResponse(AdapterProtocol.responseLine(id: 7, response), id: 7)
        precondition(again == response, "an answer does not survive being written again")
    }
    if let hello = try? AdapterProtocol.parseHello(data, id: 0) {
        let again = try? AdapterProtocol.parseHello(AdapterProtocol.helloResponseLine(id: 0, hello), id: 0)
        precondition(again == hello, "a hello does not survive being written again")
    }
    if case .operation(let id, let request)? = try? AdapterProtocol.parseRequest(data) {
        let line = AdapterProtocol.requestLine(id: id, request)
        guard case .operation(id, let again)? = try? AdapterProtocol.parseRequest(line) else {
            preconditionFailure("a request does not survive being written again")
        }
        precondition(
            again.operation == request.operation && again.input == request.input && again.now == request.now,
            "a request changed on the way")
    }
    framing(data)
}

/// The stream cut at its first byte's value and read as lines, against a split at LF in one piece.
private func framing(_ data: [UInt8]) {
    let limit = 64
    let cut = data.isEmpty ? 0 : Int(data[0]) % (data.count + 1)
    var pieces = AdapterLineBuffer(maxLineBytes: limit)
    var whole = AdapterLineBuffer(maxLineBytes: limit)
    whole.append(data)
    var fromWhole: [[UInt8]] = []
    var wholeFailed = false
    do {
        while let line = try whole.nextLine() { fromWhole.append(line) }
    } catch {
        wholeFailed = true
    }
    var fromPieces: [[UInt8]] = []
    var piecesFailed = false
    do {
        pieces.append(data[..<cut])
        while let line = try pieces.nextLine() { fromPieces.append(line) }
        pieces.append(data[cut...])
        while let line = try pieces.nextLine() { fromPieces.append(line) }
    } catch {
        piecesFailed = true
    }
    if !wholeFailed && !piecesFailed {
        precondition(fromWhole == fromPieces, "the lines depend on how the stream was cut")
        precondition(fromWhole.allSatisfy { $0.count <= limit && !$0.contains(0x0A) }, "a line breaks the framing")
    }
}
