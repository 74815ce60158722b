/// The operations this version of the suite defines.
///
/// The operations table of `Spec/conformance.md` is the definition; `OperationCatalogTests` keeps this list, the table
/// and ``LibraryImplementation`` equal, so an operation is added in one handler file, one registry line and one table
/// row. A vector naming any other operation is a broken vector (`conformance.unknown_operation`), not a skip.
public enum OperationCatalog {
    /// Every defined operation, sorted.
    public static let operations: [String] = LibraryImplementation.handlers.keys.sorted()

    /// Whether `operation` is defined.
    public static func defines(_ operation: String) -> Bool {
        LibraryImplementation.handlers[operation] != nil
    }
}
