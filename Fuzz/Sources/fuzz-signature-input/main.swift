import FederationFuzzing

/// libFuzzer entry point: hands the input to `fuzzSignatureInput`, which traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzSignatureInput(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
