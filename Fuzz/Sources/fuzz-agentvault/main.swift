import FederationFuzzing

/// libFuzzer entry point: hands the input to `fuzzAgentVault`, which traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzAgentVault(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
