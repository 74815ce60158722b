import Dispatch
@_spi(Differential) import FederationSecurity
import Synchronization

/// Fuzz body for the UCAN decoders: any input as UCAN 0.10 token text, as openintent token text and as CID text.
///
/// Invariants: nothing crashes; a decoded token's parts re-join to the input; a parsed CID prints back to its text,
/// and ``CID/readCanonicalUCAN(_:)`` answers only with the CID the parse returns; the common-shape and strict UCAN
/// 0.10 decodes agree (``fuzzUCANReaders(_:)``), on the input and on the input as a payload.
public func fuzzUCANDecode(_ data: [UInt8]) {
    guard let text = String(validating: data, as: UTF8.self) else { return }
    fuzzUCANReaders(text)
    fuzzUCANReaders(UCANBuilder.encodedHeader + "." + Base64URL.encode(data) + "." + UCANChainFixture.signature)
    if let token = try? UCANToken(decoding: text) {
        precondition(
            String(Substring(token.signingInput)) + "." + token.encodedSignature == text, "parts do not re-join")
        precondition(token.proofs.allSatisfy(\.isCanonicalUCAN), "a non-canonical prf entry decoded")
    }
    if let token = try? OpenIntentUCAN(decoding: text) {
        precondition(token.encoded == text && token.signature.count == 64, "openintent token decoded inconsistently")
    }
    if let cid = try? CID(parsing: text) {
        precondition(cid.description == text, "CID text is not canonical: \(text)")
    }
    if let fast = CID.readCanonicalUCAN(text) {
        precondition(fast == (try? CID(parsing: text)) && fast.isCanonicalUCAN, "CID readers disagree: \(text)")
    }
}

/// Fuzz body for UCAN 0.10 chain verification: the input is XORed into the outer token and its middle proof of a
/// valid three-token chain; the proof store keeps the original CIDs.
///
/// Invariants: the chain verifies if and only if no byte changed; every rejection carries a `ucan.*`, `did.*` or
/// `crypto.signature_invalid` code; the common-shape and strict decodes agree on both changed tokens; a verifier
/// whose keys come from a warm ``CachingKeyResolver`` (read without an async call on a hit) gives the same outcome.
public func fuzzUCANChain(_ data: [UInt8]) {
    let fixture = UCANChainFixture.shared
    var leaf = Array(fixture.leaf.utf8)
    var middle = Array(fixture.middle.utf8)
    for (i, byte) in data.prefix(leaf.count).enumerated() { leaf[i] ^= byte }
    for (i, byte) in data.dropFirst(leaf.count).prefix(middle.count).enumerated() { middle[i] ^= byte }
    guard let leafText = String(validating: leaf, as: UTF8.self),
        let middleText = String(validating: middle, as: UTF8.self)
    else { return }
    fuzzUCANReaders(leafText)
    fuzzUCANReaders(middleText)
    let store = InMemoryProofStore()
    store.add(fixture.root)
    store.add(middleText, as: fixture.middleCID)
    func verify(with resolver: any KeyResolver) -> ErrorCode? {
        let verifier = UCANVerifier(resolver: resolver, proofs: store)
        return blocking { () async -> ErrorCode? in
            do throws(FederationError) {
                _ = try await verifier.verify(leafText, options: .init(now: 100))
                return nil
            } catch {
                return error.code
            }
        }
    }
    let outcome = verify(with: DIDKeyResolver())
    let cached = verify(with: sharedCachingResolver)
    precondition(cached == outcome, "a caching resolver changed the outcome: \(String(describing: cached))")
    let unchanged = leafText == fixture.leaf && middleText == fixture.middle
    guard let code = outcome else {
        precondition(unchanged, "a changed chain verified")
        return
    }
    precondition(!unchanged, "the untouched chain failed: \(code)")
    precondition(
        code.rawValue.hasPrefix("ucan.") || code.rawValue.hasPrefix("did.") || code == .cryptoSignatureInvalid,
        "unexpected code \(code)")
}

/// One caching resolver for every run of ``fuzzUCANChain(_:)``, so that its keys are warm.
let sharedCachingResolver = CachingKeyResolver(DIDKeyResolver())

/// Differential invariant: ``UCANToken/readCommonShape(_:limits:)`` answers only where the strict decode accepts,
/// with the same token and member order, and decoding with either reader gives the same token or the same error
/// code and reason.
func fuzzUCANReaders(_ text: String) {
    func outcome(_ reader: UCANToken.Reader) -> Result<UCANToken, FederationError> {
        Result { () throws(FederationError) in try UCANToken(decoding: text, limits: .default, reader: reader) }
    }
    let strict = outcome(.strict)
    let combined = outcome(.commonShapeFirst)
    switch (strict, combined) {
    case (.success(let a), .success(let b)):
        precondition(a == b && orderedKeys(a) == orderedKeys(b), "the UCAN readers decode differently")
    case (.failure(let a), .failure(let b)):
        precondition(a.code == b.code && a.reason == b.reason, "the UCAN readers reject differently")
    default:
        preconditionFailure("the UCAN readers give different verdicts")
    }
    if let fast = UCANToken.readCommonShape(text) {
        guard case .success(let token) = strict, token == fast, orderedKeys(token) == orderedKeys(fast) else {
            preconditionFailure("the common-shape UCAN path answered where the strict decode did not")
        }
    }
}

/// The keys of every object in the token's payload, depth first, in member order (``JSONObject`` equality ignores
/// the order).
func orderedKeys(_ token: UCANToken) -> [String] {
    var keys: [String] = []
    func walk(_ value: JSONValue) {
        switch value {
        case .object(let o):
            for member in o.members {
                keys.append(member.key)
                walk(member.value)
            }
        case .array(let a): a.forEach(walk)
        default: break
        }
    }
    walk(.object(token.payload))
    return keys
}

/// Fuzz body for openintent chain verification: the input is XORed into a valid three-token openintent chain
/// (did:key principals). Invariant: it verifies if and only if no byte changed.
public func fuzzOpenIntentUCAN(_ data: [UInt8]) {
    let fixture = UCANChainFixture.shared
    var bytes = Array(fixture.openIntent.utf8)
    for (i, byte) in data.prefix(bytes.count).enumerated() { bytes[i] ^= byte }
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    let verified = blocking { () async -> Bool in
        (try? await OpenIntentUCAN.verify(text, options: .init(now: 100), resolver: DIDKeyResolver())) != nil
    }
    precondition(verified == (text == fixture.openIntent), verified ? "a changed token verified" : "untouched failed")
}

/// Runs an async body to completion from synchronous fuzz code.
///
/// The body runs on its own serial queue (a task executor preference, SE-0417), never on the cooperative pool: the
/// caller blocks a thread while it waits, and blocking a pool thread for work queued on the same pool can deadlock
/// (the test runner calls fuzz bodies from pool threads).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: FuzzQueueExecutor.shared) {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}

/// A task executor running every job on one serial dispatch queue.
final class FuzzQueueExecutor: TaskExecutor {
    static let shared = FuzzQueueExecutor()
    let queue = DispatchQueue(label: "fuzz.ucan")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

enum UCANChainFixture {
    struct Values: Sendable {
        let root: String
        let middle: String
        let middleCID: CID
        let leaf: String
        let openIntent: String
    }

    /// A 64-byte signature part for tokens that are only decoded.
    static let signature = Base64URL.encode([UInt8](repeating: 7, count: 64))

    static let shared: Values = {
        let keys = (1...4).map { n in try! Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: n, count: 32))) }
        let dids = keys.map { DIDKey(publicKey: $0.publicKey).did }
        let caps = UCANCapabilities([
            UCANCapability(resource: "mailto:a@example.com", ability: "msg/send", caveats: [JSONObject()])
        ])
        let root = try! UCANBuilder.build(
            .init(audience: dids[1], expiration: 1_000, capabilities: caps), key: keys[0])
        let middle = try! UCANBuilder.delegate(
            root, to: dids[2], capabilities: caps, expiration: 1_000, key: keys[1])
        let leaf = try! UCANBuilder.delegate(
            middle, to: dids[3], capabilities: caps, expiration: 1_000, key: keys[2])
        let scope = OpenIntentScope(permissions: ["a", "b"], deniedOperations: ["x"], maxDelegationDepth: 3)
        var oi = try! OpenIntentUCAN.mint(
            issuer: dids[0], audience: dids[1], scope: scope, notBefore: 10, expiresAt: 1_000, nonce: "n",
            key: keys[0])
        for n in 1...2 {
            oi = try! OpenIntentUCAN.attenuate(
                oi, audience: dids[n + 1], scope: scope, notBefore: 10, nonce: "n\(n)", key: keys[n])
        }
        return Values(
            root: root.encoded, middle: middle.encoded, middleCID: middle.cid, leaf: leaf.encoded,
            openIntent: oi.encoded)
    }()
}
