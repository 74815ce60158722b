import FederationConformance
import Foundation
import Testing

/// The operations table of `Spec/conformance.md` is the definition of the operations: the catalog (which decides
/// whether a vector's operation exists) and the in-process implementation must match it row for row.
@Suite struct OperationCatalogTests {
    static let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Spec/conformance.md")

    /// The back-quoted names in the first column of the table under `## Operations`.
    static func specOperations() throws -> Set<String> {
        let text = try String(contentsOf: spec, encoding: .utf8)
        guard let start = text.range(of: "\n## Operations\n") else { return [] }
        let section = text[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var names = Set<String>()
        for line in section[..<end].split(separator: "\n") where line.hasPrefix("| `") {
            let firstColumn = line.dropFirst(2).prefix { $0 != "|" }
            for piece in firstColumn.split(separator: "`") where piece.contains(".") && !piece.contains(" ") {
                names.insert(String(piece))
            }
        }
        return names
    }

    @Test func specTableAndCatalogAgree() throws {
        let table = try Self.specOperations()
        let catalog = Set(OperationCatalog.operations)
        #expect(table.count >= 20)
        #expect(catalog.subtracting(table).sorted() == [], "operations implemented but missing from the spec table")
        #expect(table.subtracting(catalog).sorted() == [], "operations in the spec table that nothing implements")
    }

    @Test func libraryPerformsEveryDefinedOperation() {
        let library = LibraryImplementation()
        for operation in OperationCatalog.operations {
            #expect(library.supports(operation), "\(operation)")
        }
        #expect(!OperationCatalog.defines("nope.nothing"))
    }
}
