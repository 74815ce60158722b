import FederationFuzzing

/// libFuzzer entry point: hands the input to `fuzzEd25519Differential`, which traps when the backends disagree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzEd25519Differential(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
