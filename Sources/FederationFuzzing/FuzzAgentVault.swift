@_spi(Fuzzing) import FederationSecurity

/// Fuzz body for ``AgentVaultSignature``: the input as a header value, as a request to sign, and as an XOR mask
/// over a signed fixture request (header ‖ method ‖ path ‖ body).
///
/// Invariants: a header that parses is at most ``AgentVaultSignature/maxHeaderLength`` bytes and re-formats to
/// exactly itself (one spelling per timestamp and MAC); failures are `request.malformed_header`; any request signed
/// with ``AgentVaultSignature/sign(method:path:body:timestamp:key:)`` authenticates with its timestamp; a fixture
/// request changed in any byte of the header, method, path or body never authenticates, the untouched one always does.
public func fuzzAgentVault(_ data: [UInt8]) {
    if let text = String(validating: data, as: UTF8.self) {
        do {
            let (timestamp, mac) = try AgentVaultSignature.parse(text)
            precondition(text.utf8.count <= AgentVaultSignature.maxHeaderLength, "an oversized header was read")
            precondition("\(timestamp).\(Hex.encode(mac))" == text, "an AgentVault header has two spellings")
        } catch {
            precondition(error.code == .requestMalformedHeader, "unexpected parse error \(error.code)")
        }
    }
    signThenAuthenticate(data)
    tamper(data)
}

/// `timestamp (8 bytes, sign bit cleared) ‖ method 0x00 path 0x00 body`, signed and authenticated.
private func signThenAuthenticate(_ data: [UInt8]) {
    let key = AgentVaultFixture.shared.key
    let timestamp = data.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) } & .max
    let parts = data.dropFirst(8).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let method = String(decoding: parts.first ?? [], as: UTF8.self)
    let path = String(decoding: parts.count > 1 ? parts[1] : [], as: UTF8.self)
    let body = Array(parts.count > 2 ? parts[2] : [])
    let header = AgentVaultSignature.sign(method: method, path: path, body: body, timestamp: timestamp, key: key)
    do {
        let (read, _) = try AgentVaultSignature.authenticate(header, method: method, path: path, body: body, key: key)
        precondition(read == timestamp, "the timestamp changed on the way")
    } catch {
        preconditionFailure("a signed AgentVault request did not authenticate: \(error.code)")
    }
}

private func tamper(_ data: [UInt8]) {
    let fixture = AgentVaultFixture.shared
    var fields = [Array(fixture.header.utf8), Array(fixture.method.utf8), Array(fixture.path.utf8), fixture.body]
    var offset = 0
    for f in fields.indices {
        for i in fields[f].indices where offset + i < data.count { fields[f][i] ^= data[offset + i] }
        offset += fields[f].count
    }
    // The fixture is ASCII, so a changed byte changes the decoded text (an invalid sequence becomes U+FFFD).
    let header = String(decoding: fields[0], as: UTF8.self)
    let method = String(decoding: fields[1], as: UTF8.self)
    let path = String(decoding: fields[2], as: UTF8.self)
    let changed =
        header != fixture.header || method != fixture.method || path != fixture.path || fields[3] != fixture.body
    let verified =
        (try? AgentVaultSignature.authenticate(header, method: method, path: path, body: fields[3], key: fixture.key))
        != nil
    precondition(verified != changed, changed ? "a changed AgentVault request verified" : "the fixture failed")
}

/// A request signed with the scheme, for the mutation half.
enum AgentVaultFixture {
    struct Values: Sendable {
        let key: HMACSHA256.Key
        let method: String
        let path: String
        let body: [UInt8]
        let header: String
    }

    static let shared: Values = {
        let key = try! HMACSHA256.Key(SecretBytes(Array("agentvault-fuzz-secret".utf8)))
        let body = Array(#"{"agent_id": "a-1", "capabilities": ["search"]}"#.utf8)
        let header = AgentVaultSignature.sign(
            method: "POST", path: "/federation/register", body: body, timestamp: 1_799_999_995, key: key)
        return Values(key: key, method: "POST", path: "/federation/register", body: body, header: header)
    }()
}
