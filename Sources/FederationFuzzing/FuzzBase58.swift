import FederationSecurity

/// Fuzz body for ``Base58BTC``: decode re-encodes to the input (leading `1`s ↔ leading zero bytes); encode then
/// decode returns the data.
///
/// The encode round trip uses at most the first 256 bytes (about 350 characters): base58 is quadratic, and longer
/// text is covered by the decode half up to the 1 KiB limit.
/// - Parameter data: the fuzz input, read as text and as data.
public func fuzzBase58(_ data: [UInt8]) {
    TextCodecInvariants(
        name: "base58",
        codes: [.base58TooLarge, .base58InvalidCharacter],
        decode: { (text: Substring) throws(FederationError) in try Base58BTC.decode(text) },
        encode: { Base58BTC.encode($0) },
        roundTripLimit: 256
    ).check(data)
}
