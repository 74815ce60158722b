import FederationSecurity

/// RFC 9421 verification of a typical signed POST (hmac-sha256, seven covered components, nonce) including the
/// replay check, beside one raw keyed HMAC-SHA256 (reused `EVP_MAC` context) of the same signature base; and the
/// in-memory replay store's checks per second beside an unsynchronized Swift `Set` insert.
///
/// Verify here is ``RFC9421Verifier/authenticate(_:label:now:)`` followed by the store's synchronous
/// `insertIfAbsent`: exactly the work of the async `verify`, without the async call. Each request carries its own
/// nonce; every 4,096 requests the store is replaced (its growth from 64 slots is part of the figure).
///
/// The 4,096 requests share their unchanging parts (the target URI, the header values, the body) and each has its
/// own field list with its own `Signature-Input` and `Signature`, as the requests a server verifies one after another
/// are in cache when it verifies them. Built separately, cycling through 4,096 cold copies of every string made each
/// verification wait on cache misses that a server verifying the request it has just parsed does not have (about
/// 0.3 µs, mostly the reference counts of the copy the caller passes).
enum RequestSigningBenchmarks {
    static let batch = 4096

    static func all() -> [Comparison] {
        let secret = [UInt8](repeating: 5, count: 32)
        let key = try! RequestSigningKey.hmacSHA256(keyID: "kernel-b", secret: SecretBytes(secret))
        let now: Int64 = 1_800_000_000
        let components = try! [
            "\"@method\"", "\"@target-uri\"", "\"@authority\"", "\"content-type\"", "\"content-digest\"",
            "\"content-length\"", "\"date\"",
        ].map { try ComponentIdentifier(parsing: $0) }
        let body = Array(#"{"capability":"db.query","args":{"table":"orders","limit":10}}"#.utf8)
        var messages: [SignableMessage] = []
        var bases: [[UInt8]] = []
        let target = try! TargetURI("https://kernel-b.example.com/v1/invoke?agent=a-7")
        let fields: [SignableMessage.FieldLine] = [
            .init(name: "Host", value: "kernel-b.example.com"),
            .init(name: "Date", value: "Fri, 15 Jan 2027 08:00:00 GMT"),
            .init(name: "Content-Type", value: "application/json"),
            .init(name: "Content-Length", value: String(body.count)),
            .init(name: "Content-Digest", value: ContentDigest.field(for: body, algorithm: .sha256)),
        ]
        for n in 0..<batch {
            var message = SignableMessage(control: .request(method: "POST", target: target), fields: fields, body: body)
            let signature = try! RFC9421Signer.sign(
                message, key: key, label: "sig1", components: components, created: now,
                nonce: "nonce-\(n)-0123456789abcdef", includeAlgorithm: true)
            message.append(name: "Signature-Input", value: signature.signatureInput)
            message.append(name: "Signature", value: signature.signature)
            messages.append(message)
            bases.append(signature.signatureBase)
        }
        let state = VerifyState(keys: RequestKeySet([key]), messages: messages)
        let signatureBases = bases
        let raw = EVPMACBox(key: secret)
        let keys = (0..<batch).map { ReplayKey.nonce("n\($0)", keyID: "k") }
        let storeState = StoreState(keys: keys)
        return [
            Comparison(
                "request.rfc9421.verify+replay (\(bases[0].count) B base)",
                baseline: "EVP_MAC reused context, same signature base",
                library: { consume(state.next(now: now + 1)) },
                baseline: {
                    state.baseIndex = (state.baseIndex + 1) % batch
                    consume(raw.mac(signatureBases[state.baseIndex]))
                }),
            Comparison(
                "replay store insertIfAbsent (1 thread)", baseline: "Swift Set<ReplayKey>.insert (no lock, no expiry)",
                library: { consume(storeState.nextStore(now: now)) },
                baseline: { consume(storeState.nextSet()) }),
        ]
    }
}

/// Mutable benchmark state. `@unchecked Sendable` is safe: the runner calls each closure from one thread at a time.
///
/// Each message and the verifier live in immutable boxes, and the message box calls the verifier with its own stored
/// property, so each verification borrows the message as a server borrows the request it holds. Passed as an array
/// element or through a `var` property, the message was copied first (its field list's reference count written in
/// a cold cache line, about 0.15 µs per call), which a server holding the request does not pay.
final class VerifyState: @unchecked Sendable {
    let keys: RequestKeySet
    let messages: [Message]
    var index = 0
    var baseIndex = 0
    var current: Current

    /// A verifier and its store, replaced together every ``RequestSigningBenchmarks/batch`` requests.
    final class Current {
        let store: InMemoryReplayStore
        let verifier: RFC9421Verifier

        init(keys: RequestKeySet) {
            store = InMemoryReplayStore(capacity: RequestSigningBenchmarks.batch * 2)
            verifier = RFC9421Verifier(keys: keys, replayStore: store)
        }
    }

    final class Message {
        let message: SignableMessage

        init(_ message: SignableMessage) {
            self.message = message
        }

        /// Verifies the boxed message, passing the stored property itself (no copy).
        func authenticate(with verifier: RFC9421Verifier, now: Int64) -> RFC9421Verifier.Authenticated? {
            try? verifier.authenticate(message, now: now)
        }
    }

    init(keys: RequestKeySet, messages: [SignableMessage]) {
        self.keys = keys
        self.messages = messages.map(Message.init)
        current = Current(keys: keys)
    }

    func next(now: Int64) -> Bool {
        if index == messages.count {
            index = 0
            current = Current(keys: keys)
        }
        defer { index += 1 }
        let current = self.current
        guard let authenticated = messages[index].authenticate(with: current.verifier, now: now) else {
            return false
        }
        precondition(authenticated.otherRecords.isEmpty, "one signature, one record")
        let fresh = try? current.store.insertIfAbsent(
            authenticated.replayKey, expiresAt: authenticated.retainUntil, now: now)
        precondition(fresh == true, "benchmark request rejected")
        return true
    }
}

/// Mutable benchmark state for the store figures; single-threaded like ``VerifyState``.
final class StoreState: @unchecked Sendable {
    let keys: [ReplayKey]
    var storeIndex = 0
    var setIndex = 0
    var store = InMemoryReplayStore(capacity: RequestSigningBenchmarks.batch * 2)
    var set = Set<ReplayKey>()

    init(keys: [ReplayKey]) {
        self.keys = keys
    }

    func nextStore(now: Int64) -> Bool {
        if storeIndex == keys.count {
            storeIndex = 0
            store = InMemoryReplayStore(capacity: RequestSigningBenchmarks.batch * 2)
        }
        defer { storeIndex += 1 }
        return (try? store.insertIfAbsent(keys[storeIndex], expiresAt: now + 300, now: now)) == true
    }

    func nextSet() -> Bool {
        if setIndex == keys.count {
            setIndex = 0
            set = Set(minimumCapacity: 0)
        }
        defer { setIndex += 1 }
        return set.insert(keys[setIndex]).inserted
    }
}
