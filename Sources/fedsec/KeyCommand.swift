import ArgumentParser
import FederationSecurity
import Foundation

/// `fedsec key`: generate Ed25519 keys and print the DIDs of a key.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Generate Ed25519 keys and show their DIDs.",
        subcommands: [Generate.self, DIDs.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new private key to a new file (mode 0600) and print its public DIDs.")

        @Option(help: "Where to write the private key (a file that does not exist yet). It is never printed.")
        var out: String

        @Option(help: "pkcs8 (PEM), jwk, or raw (openintent's 32-byte key file).")
        var format: KeyFileFormat = .pkcs8

        func run() throws {
            let key = Ed25519.PrivateKey()
            try KeyFile.write(key, to: out, format: format)
            print(DIDKey(publicKey: key.publicKey).did)
        }
    }

    struct DIDs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "did", abstract: "Print the did:key (and did:web for --url) of a key file.")

        @Option(help: "A private key file (PKCS#8 PEM, JWK or raw seed) or a public key (SPKI PEM or JWK).")
        var key: String

        @Option(help: "The server URL, to print its did:web too.")
        var url: String?

        func run() throws {
            let publicKey = try KeyFile.readPublic(key)
            let didKey = DIDKey(publicKey: publicKey)
            print("did:key   \(didKey.did)")
            print("key id    \(didKey.keyID)")
            if let url {
                let did = try DIDWeb.did(fromURL: url)
                print("did:web   \(did)")
                print("document  \(try DIDWeb.documentURL(for: did))")
            }
        }
    }
}

/// Key file formats for the command line.
enum KeyFileFormat: String, ExpressibleByArgument, CaseIterable {
    case pkcs8, jwk, raw
}

/// Reading and writing key files. Private key material goes only to files created with mode 0600.
enum KeyFile {
    static func write(_ key: Ed25519.PrivateKey, to path: String, format: KeyFileFormat) throws {
        var bytes: [UInt8]
        switch format {
        case .pkcs8: bytes = Array(key.pkcs8PEM.utf8)
        case .jwk: bytes = try CanonicalJSON.encode(key.jwk) + [0x0A]
        case .raw: bytes = key.seed.withUnsafeBytes { Array($0) }
        }
        defer { Wipe.zero(&bytes) }
        // Created here with mode 0600, never an existing file or a symbolic link: a second run must not destroy a key.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it exists; not overwriting" : String(cString: strerror(errno))
            throw ValidationError("cannot create \(path): \(reason)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(bytes))
    }

    static func readPrivate(_ path: String) throws -> Ed25519.PrivateKey {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        defer { Wipe.zero(&bytes) }
        if bytes.count == 32 { return try Ed25519.PrivateKey(seed: SecretBytes(bytes)) }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("-----BEGIN") { return try Ed25519.PrivateKey(pkcs8PEM: text) }
        return try Ed25519.PrivateKey(jwk: JSONReader().parse(bytes))
    }

    static func readPublic(_ path: String) throws -> Ed25519.PublicKey {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("-----BEGIN PUBLIC KEY") { return try Ed25519.PublicKey(spkiPEM: text) }
        if text.hasPrefix("{"), let jwk = try? JSONReader().parse(bytes), jwk["d"] == nil {
            return try Ed25519.PublicKey(jwk: jwk)
        }
        return try readPrivate(path).publicKey
    }
}
