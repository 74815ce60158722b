import FederationFuzzing

/// libFuzzer entry point: hands the input to `fuzzUCANDecode`, which traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzUCANDecode(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
