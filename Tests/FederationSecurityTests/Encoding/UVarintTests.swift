import FederationSecurity
import Testing

@Suite("UVarint and Multicodec")
struct UVarintTests {
    /// The 9-byte maximum from the multiformats unsigned-varint spec: 2^63 − 1 is 8 × 0xff then 0x7f.
    @Test func nineByteMaximum() throws {
        let maximum: [UInt8] = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]
        #expect(UVarint.maxValue == 9_223_372_036_854_775_807)
        #expect(UVarint.encode(UVarint.maxValue) == maximum)
        let (value, count) = try UVarint.decode(maximum)
        #expect(value == UVarint.maxValue && count == 9)
        // 2^56 is the smallest 9-byte value: 8 × 0x80 then 0x01.
        let smallestNine: [UInt8] = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]
        #expect(UVarint.encode(1 << 56) == smallestNine)
        #expect(try UVarint.decode(smallestNine).value == 1 << 56)
    }

    @Test func readsNoMoreThanNineBytes() {
        // A ten-byte buffer that would be a valid LEB128 of 2^63: rejected without looking at byte ten.
        #expect(throws: FederationError(.varintTooLong)) {
            try UVarint.decode([UInt8](repeating: 0x80, count: 9) + [1])
        }
        #expect(throws: FederationError(.varintTooLong)) { try UVarint.decode([UInt8](repeating: 0xff, count: 100)) }
    }

    @Test func decodesFromSlices() throws {
        let buffer: [UInt8] = [0xaa, 0xac, 0x02, 0xbb]
        let (value, count) = try UVarint.decode(buffer[1...])
        #expect(value == 300 && count == 2)
    }

    @Test func multicodecPrefixes() throws {
        #expect(Multicodec.prefix(.ed25519Pub, to: [1, 2]) == [0xed, 0x01, 1, 2])
        #expect(Multicodec.prefix(.x25519Pub, to: []) == [0xec, 0x01])
        #expect(Multicodec.prefix(.raw, to: []) == [0x55])
        #expect(Multicodec.prefix(.p256Pub, to: []) == [0x80, 0x24])
        #expect(Multicodec.prefix(.dagCBOR, to: []) == [0x71])
        let (codec, payload) = try Multicodec.split([0x12, 0x20, 0xaa][...])
        #expect(codec == .sha2_256 && payload == [0x20, 0xaa])
        #expect(try Multicodec.split([0xed, 0x01]).payload.isEmpty)
        #expect(throws: FederationError(.varintTruncated)) { try Multicodec.split([UInt8]()) }
        #expect(throws: FederationError(.varintNotMinimal)) { try Multicodec.split([0xed, 0x00, 0x01]) }
    }
}
