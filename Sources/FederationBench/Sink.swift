import Synchronization

/// Keeps results observable so the optimiser cannot delete the work being measured.
///
/// Each benchmark folds one byte of every result into this atomic; the value itself is meaningless.
let sink = Atomic<UInt8>(0)

@inline(never)
func consume(_ byte: UInt8) {
    sink.wrappingAdd(byte, ordering: .relaxed)
}

@inline(never)
func consume(_ flag: Bool) {
    sink.wrappingAdd(flag ? 1 : 0, ordering: .relaxed)
}
