import FederationSecurity
import Testing

/// Rows of `Spec/limits.md` whose test used to be "bounded by" another limit or hit only one side: each is checked
/// here at the limit (accepted, or rejected later for another reason) and one past it (rejected with the limit's code).
@Suite struct LimitBoundaryTests {
    func code(_ body: () throws -> Void) -> ErrorCode? {
        do {
            try body()
            return nil
        } catch {
            return (error as? FederationError)?.code
        }
    }

    let keys = try! KernelKeyRing(["k1": SecretBytes([UInt8](repeating: 1, count: 32))])
    let expectation = KernelToken.Expectation(kernel: "kernel-a", principal: "p", capability: "c", now: 150)

    /// 8 KiB: a text of exactly 8,192 bytes is read (and fails on its shape); 8,193 bytes fail on size first.
    @Test func nativeTokenLength() {
        let atLimit = "v1." + String(repeating: "a", count: KernelToken.maxLength - 3)
        #expect(atLimit.utf8.count == KernelToken.maxLength)
        #expect(code { _ = try KernelToken.verify(atLimit, expecting: expectation, keys: keys) } == .tokenMalformed)
        #expect(
            code { _ = try KernelToken.verify(atLimit + "a", expecting: expectation, keys: keys) } == .tokenTooLarge)
    }

    /// A kernel id of 256 bytes passes the shape check and reaches the MAC; 257 bytes are `token.malformed` before it.
    @Test func kernelIDLength() {
        func token(kernelBytes: Int) -> String {
            let kernel = Base64URL.encode([UInt8](repeating: 0x6B, count: kernelBytes))
            let claims = Base64URL.encode(Array(#"{"jti":"t"}"#.utf8))
            return "v1.k1.\(kernel).\(claims).\(Base64URL.encode([UInt8](repeating: 0, count: 32)))"
        }
        #expect(
            code { _ = try KernelToken.verify(token(kernelBytes: 256), expecting: expectation, keys: keys) }
                == .tokenBadMAC)
        #expect(
            code { _ = try KernelToken.verify(token(kernelBytes: 257), expecting: expectation, keys: keys) }
                == .tokenMalformed)
    }

    /// A JSON text of exactly `size` bytes: one object with one string member.
    func jsonText(_ key: String, size: Int) -> [UInt8] {
        let overhead = #"{"":""}"#.utf8.count + key.utf8.count
        return Array(#"{"\#(key)":"\#(String(repeating: "x", count: size - overhead))"}"#.utf8)
    }

    /// 64 KiB of weaver-kernel token JSON is read (and fails on its members); one byte more is `json.too_large`.
    @Test func weaverTokenJSONSize() {
        let atLimit = jsonText("token_id", size: 64 * 1024)
        #expect(atLimit.count == 64 * 1024)
        #expect(code { _ = try WeaverToken(json: atLimit) } == .tokenMalformed)
        #expect(code { _ = try WeaverToken(json: jsonText("token_id", size: 64 * 1024 + 1)) } == .jsonTooLarge)
    }

    /// 64 KiB of DID document is read (and fails: no `id`); one byte more is `json.too_large`.
    @Test func didDocumentSize() {
        let atLimit = jsonText("x", size: DIDDocument.maxBytes)
        #expect(code { _ = try DIDDocument(json: atLimit, did: "did:web:example.com") } == .didInvalidDocument)
        let over = jsonText("x", size: DIDDocument.maxBytes + 1)
        #expect(code { _ = try DIDDocument(json: over, did: "did:web:example.com") } == .jsonTooLarge)
    }

    /// 256 scopes in a delegation link are read; 257 are `delegation.malformed`.
    @Test func scopesPerDelegationLink() throws {
        func link(_ count: Int) throws -> JSONValue {
            let scopes = (0..<count).map { "\"s\($0)\"" }.joined(separator: ",")
            return try JSONReader().parse(Array(#"{"delegator":"a","delegate":"b","scopes":[\#(scopes)]}"#.utf8))
        }
        #expect(try DelegationLink(json: link(256)).scopes.count == 256)
        #expect(code { _ = try DelegationLink(json: link(257)) } == .delegationMalformed)
    }

    /// A descriptor string of 4,096 bytes is read; 4,097 bytes are `manifest.malformed`.
    @Test func descriptorStringLength() throws {
        func descriptor(descriptionBytes: Int) throws -> JSONValue {
            let description = String(repeating: "d", count: descriptionBytes)
            return try JSONReader().parse(
                Array(
                    #"{"capability_id":"db.query","name":"q","description":"\#(description)","safety_class":"READ"}"#
                        .utf8))
        }
        let max = CapabilityDescriptor.maxStringBytes
        #expect(try CapabilityDescriptor(json: descriptor(descriptionBytes: max)).description.utf8.count == max)
        #expect(
            code { _ = try CapabilityDescriptor(json: descriptor(descriptionBytes: max + 1)) } == .manifestMalformed)
    }

    /// Claims JSON nested to depth 16 is read (an unknown constraint fails later, at evaluation); depth 17 is `json.too_deep`
    /// (`KernelToken.verify` reports it as `token.malformed`). Depth counts the claims object as 1.
    @Test func nativeClaimsDepth() {
        func claims(depth: Int) -> [UInt8] {
            // {"cns":{"x": [[…]]}} : the object is depth 1, cns depth 2, then depth − 2 arrays.
            let arrays = depth - 2
            return Array(
                (#"{"jti":"t","sub":"p","cap":"c","iat":1,"exp":2,"cns":{"x":"#
                    + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}}").utf8)
        }
        #expect(code { _ = try KernelTokenClaims(json: claims(depth: 16)) } == nil)
        #expect(code { _ = try KernelTokenClaims(json: claims(depth: 17)) } == .jsonTooDeep)
    }
}
