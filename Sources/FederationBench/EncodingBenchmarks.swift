import FederationSecurity

/// Encoding operations. They have no C call to compare with, so only their throughput is reported.
enum EncodingBenchmarks {
    static func all() -> [Comparison] {
        let document = Array(sampleDocument.utf8)
        let reader = JSONReader()
        let bytes32 = [UInt8](repeating: 0xA5, count: 32)
        let base58 = Base58BTC.encode(bytes32)
        let base64url = Base64URL.encode([UInt8](repeating: 0x5A, count: 1024))
        return [
            Comparison(
                "json.parse (\(document.count) B document)",
                library: { consume((try? reader.parse(document)) != nil) }),
            Comparison(
                "base58btc.decode (32 B key)", library: { consume(((try? Base58BTC.decode(base58)) ?? [0])[0]) }),
            Comparison(
                "base64url.decode (1 KiB)", library: { consume(((try? Base64URL.decode(base64url)) ?? [0])[0]) }),
        ]
    }

    /// A capability-manifest-like document of about 1 KiB.
    static let sampleDocument = """
        {"kernel_id":"kernel-eu-1","version":"1.4.2","endpoint":"https://kernel.example.com/federation",
        "trust_level":"allowlist","capabilities":[
        {"id":"db.query","name":"Query","description":"Read rows from the orders database","safety_class":"read",
        "sensitivity":"PII","tags":["db","read-only"],"parameters":{"type":"object","properties":{"table":
        {"type":"string"},"limit":{"type":"integer","maximum":1000}},"required":["table"]}},
        {"id":"mail.send","name":"Send mail","description":"Send an e-mail on behalf of the user \\u00e9",
        "safety_class":"write","sensitivity":"MEMORY","tags":["mail"],"parameters":{"type":"object",
        "properties":{"to":{"type":"string"},"subject":{"type":"string"},"body":{"type":"string"}}}},
        {"id":"search.web","name":"Search","description":"Search the public web","safety_class":"read",
        "sensitivity":"NONE","tags":["web","search"],"parameters":{"type":"object","properties":{"q":
        {"type":"string"},"max_results":{"type":"integer","minimum":1,"maximum":50}}}}],
        "issued_at":1700000000,"ratio":0.975}
        """
}
