/// The danger of a capability's side effects: weaver-kernel 0.12's `SafetyClass` (`READ`, `WRITE`, `DESTRUCTIVE`).
public enum SafetyClass: String, Sendable, Hashable, CaseIterable {
    case read = "READ"
    case write = "WRITE"
    case destructive = "DESTRUCTIVE"
}
