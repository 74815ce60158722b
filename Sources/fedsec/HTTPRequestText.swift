import ArgumentParser
import FederationSecurity
import Foundation

/// An HTTP/1.1 request as text (RFC 9112): request line, header lines, empty line, body. Used by `fedsec request`
/// to read a request from stdin and to print it with added fields. Lines end in CRLF or LF.
struct HTTPRequestText {
    var requestLine: String
    var headerLines: [String]
    var message: SignableMessage

    /// Most bytes read from stdin.
    static let maxBytes = 16 << 20

    static func read(_ data: Data, scheme: String) throws -> HTTPRequestText {
        guard data.count <= maxBytes else { throw ValidationError("request larger than \(maxBytes) bytes") }
        let bytes = [UInt8](data)
        var lines: [String] = []
        var start = 0
        var bodyStart = bytes.count
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                var end = i
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                if end == start && !lines.isEmpty {
                    bodyStart = i + 1
                    break
                }
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        if i >= bytes.count && start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        guard let requestLine = lines.first else { throw ValidationError("empty request") }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else {
            throw ValidationError("request line must be METHOD TARGET HTTP/1.1")
        }
        var fields: [SignableMessage.FieldLine] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ValidationError("header line without ':'") }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            fields.append(.init(name: String(line[..<colon]), value: value))
        }
        let target = String(parts[1])
        let uri: String
        if target.contains("://") {
            uri = target
        } else {
            guard let host = fields.first(where: { $0.name == "host" }) else {
                throw ValidationError("no Host header and no absolute request target")
            }
            uri = "\(scheme)://\(host.value.trimmingCharacters(in: .whitespaces))\(target)"
        }
        let message = try SignableMessage(
            method: String(parts[0]), targetURI: uri, fields: fields, body: Array(bytes[min(bodyStart, bytes.count)...])
        )
        return HTTPRequestText(requestLine: requestLine, headerLines: Array(lines.dropFirst()), message: message)
    }

    /// Adds a field to both the text and the message.
    mutating func add(_ name: String, _ value: String) {
        headerLines.append("\(name): \(value)")
        message.append(name: name, value: value)
    }

    /// The request as HTTP/1.1 text with CRLF line ends.
    func serialized() -> [UInt8] {
        var out = Array(([requestLine] + headerLines).joined(separator: "\r\n").utf8)
        out += "\r\n\r\n".utf8
        out += message.body
        return out
    }
}
