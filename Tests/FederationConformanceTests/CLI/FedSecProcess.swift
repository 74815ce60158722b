import FederationSecurity
import Foundation
import Testing

/// Runs the `fedsec` binary that `swift test` built next to the test bundle (the same products folder, whatever the
/// `--scratch-path`), as a user would: arguments, standard input, environment, exit status, stdout, stderr.
///
/// `swift test` builds every target of the package, executables included, before it runs a test; a missing binary is
/// a thrown error, so the test fails (it never skips).
struct FedSecProcess {
    /// What one run produced.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams: what must never contain a secret.
        var allOutput: String { stdout + stderr }
        /// The non-empty lines of the standard output.
        var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
    }

    struct NotFound: Error, CustomStringConvertible {
        var looked: [String]
        var description: String { "the fedsec binary was not found (looked at \(looked.joined(separator: ", ")))" }
    }

    /// Where the products may be: the folder of the test binary (Linux) or of the `.xctest` bundle (macOS).
    static func productsFolders() -> [URL] {
        var folders: [URL] = []
        #if os(Linux)
            folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        return folders
    }

    /// The built binary.
    static func binary() throws -> URL {
        let candidates = productsFolders().map { $0.appendingPathComponent("fedsec") }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw NotFound(looked: candidates.map(\.path))
    }

    /// Runs `fedsec arguments…` to completion. The environment is this process's without any `FEDSEC_` variable,
    /// plus `environment`. A run killed by a signal has status 128 + the signal number, as in a shell.
    ///
    /// Started with `posix_spawn` and reaped with `waitpid` on its own pid, not through Foundation's `Process`:
    /// `Process` on Linux learns of an exit when a socket it hands the child is closed, and an adapter process that
    /// another test starts at the same moment can inherit that socket; the wait then outlives the child (seen here:
    /// `swift test` hung with two `fedsec` zombies). The child also closes every descriptor above 2 it inherited.
    static func run(
        _ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:]
    ) throws -> Outcome {
        let scratch = try TemporaryFolder()
        let input = scratch.file("stdin", stdin)
        let output = scratch.file("stdout", [])
        let errors = scratch.file("stderr", [])
        let executable = try binary().path
        let variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FEDSEC_") }
            .merging(environment) { $1 }
        let status = try ChildProcess.run(
            executable, arguments: arguments, environment: variables.map { "\($0.key)=\($0.value)" },
            stdin: input.path, stdout: output.path, stderr: errors.path)
        return Outcome(
            status: status,
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}

/// A fresh folder under the temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fedsec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` in the folder (not created).
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` and returns its URL.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) -> URL {
        let file = url.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file
    }

    /// Writes UTF-8 `text` to `name` and returns its path.
    func text(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)).path }
}

extension FedSecProcess.Outcome {
    /// Whether either stream holds `secret` as hex (either case), base64 or base64url: the forms a leak would take.
    func reveals(_ secret: [UInt8]) -> Bool {
        let hex = Hex.encode(secret)
        let forms = [hex, hex.uppercased(), Base64.encode(secret), Base64URL.encode(secret)]
        return forms.contains { allOutput.contains($0) }
    }
}
