/// How sensitive the data a capability touches is, ordered `NONE < MEMORY < PII < PCI < SECRETS`.
///
/// The names and the order are weaver-kernel 0.12's `SensitivityTag` (its `_SENSITIVITY_RANK`). Combining two tags
/// keeps the stricter one (``union(_:)``): that is the "sensitivity is the union" rule of `most_restrictive`.
public enum Sensitivity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case none = 0
    case memory = 1
    case pii = 2
    case pci = 3
    case secrets = 4

    /// The wire name: `NONE`, `MEMORY`, `PII`, `PCI`, `SECRETS`.
    public var name: String {
        switch self {
        case .none: "NONE"
        case .memory: "MEMORY"
        case .pii: "PII"
        case .pci: "PCI"
        case .secrets: "SECRETS"
        }
    }

    /// Reads a wire name; exact, upper case.
    /// - Throws: `trust.unknown_sensitivity` for any other text (an unknown tag is never read as `NONE`).
    public init(name: String) throws(FederationError) {
        guard let tag = Self.allCases.first(where: { $0.name.utf8.elementsEqual(name.utf8) }) else {
            throw FederationError(
                .trustUnknownSensitivity,
                "sensitivity '\(name.prefix(32))' is not one of NONE, MEMORY, PII, PCI, SECRETS")
        }
        self = tag
    }

    /// The stricter of two tags: the least upper bound in the order above.
    public func union(_ other: Sensitivity) -> Sensitivity {
        max(self, other)
    }

    public static func < (lhs: Sensitivity, rhs: Sensitivity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { name }
}
