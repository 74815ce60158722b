import FederationSecurity
import Foundation

/// Finds vector files and reads each in whatever format it is in, recognised by content, not by path.
enum VectorLoader {
    /// Limits for vector files, which are trusted but can be large (Wycheproof): 16 MiB, depth 64, 4 MiB strings,
    /// 100,000 members (`Spec/conformance.md`, "Limits").
    static let limits = JSONReader.Limits(
        maxBytes: 16 << 20, maxDepth: 64, maxStringBytes: 4 << 20, maxMembers: 100_000)
    static let reader = JSONReader(limits: limits)

    /// Every `.json` file under `paths` (files are taken as given), sorted; in folders, other files (`README.md`,
    /// `LICENSE`), hidden files and the `schema/` and `generators/` folders are skipped.
    static func files(_ paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(path)  // reported as an unreadable suite
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            let walker = FileManager.default.enumerator(atPath: path)
            while let relative = walker?.nextObject() as? String {
                let parts = relative.split(separator: "/")
                guard relative.hasSuffix(".json"), !parts.contains("schema"), !parts.contains("generators"),
                    !parts.contains(where: { $0.hasPrefix(".") })
                else { continue }
                found.append((path as NSString).appendingPathComponent(relative))
            }
        }
        // A file reached twice (overlapping paths) runs once.
        return Set(found.map { ($0 as NSString).standardizingPath }).sorted()
    }

    /// The suites in one file: one for a project file, one per backend for Ed25519 material.
    static func suites(in path: String) -> Result<[VectorFile], FederationError> {
        do throws(FederationError) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FederationError(.conformanceInvalidVectorFile, "cannot read \(path)")
            }
            let value = try reader.parse([UInt8](data))
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let object = value.objectValue, object["testGroups"] != nil, object["algorithm"] != nil {
                return .success(try Wycheproof.suites(object, name: name))
            }
            if let object = value.objectValue, W3CDIDKey.recognises(object) {
                return .success(try W3CDIDKey.suites(object, name: name))
            }
            if let array = value.arrayValue, array.first?["secretKey"] != nil {
                return .success(try ACVPEd25519.suites(array, name: name))
            }
            if let array = value.arrayValue, UCANWGFixtures.recognises(array) {
                return .success(try UCANWGFixtures.suites(array, name: name))
            }
            let file = try VectorFile(value)
            return .success(BackendExpansion.expand(file))
        } catch {
            return .failure(error)
        }
    }
}

/// Ed25519 cases run on both backends: a suite with any `ed25519.*` case becomes `<suite>[sodium]` and
/// `<suite>[openssl]`, each case carrying `"backend"` in its input.
enum BackendExpansion {
    static func expand(_ file: VectorFile) -> [VectorFile] {
        guard file.cases.contains(where: { $0.operation.hasPrefix("ed25519.") }) else { return [file] }
        return Ed25519.Backend.allCases.map { backend in
            VectorFile(
                suite: "\(file.suite)[\(backend.rawValue)]", source: file.source, operation: file.operation,
                cases: file.cases.map { c in
                    guard c.operation.hasPrefix("ed25519.") else { return c }
                    var input = c.input
                    input.set("backend", .string(backend.rawValue))
                    return VectorCase(
                        id: c.id, operation: c.operation, input: input, expected: c.expected, flags: c.flags)
                })
        }
    }
}
