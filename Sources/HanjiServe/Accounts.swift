// The office's accounts: `.hanji/users`, one line per person with a role and a scrypt hash of
// the password. Passwords are never stored, logged or compared in clear.
import _CryptoExtras
import Crypto
import Foundation
import HanjiModel
import HanjiRender

/// What an account may do: an editor edits and prints both editions; a reader reads and prints
/// public editions only.
public enum Role: String, Sendable, CaseIterable {
    case editor, reader
}

/// One account: a name, a role and the password's hash.
struct Account: Sendable {
    var name: String
    var role: Role
    var hash: PasswordHash
}

/// A password hashed with scrypt (N = 2^15, r = 8, p = 1, a 16-byte salt of its own, 32 bytes
/// out: OWASP's recommendation), written `scrypt$15$8$1$SALT$HASH` in base64.
struct PasswordHash: Sendable, Equatable {
    var log2N = 15, r = 8, p = 1
    var salt: [UInt8]
    var hash: [UInt8]

    /// Hashes a new password with a fresh random salt.
    init(password: String) throws {
        salt = Random.bytes(16)
        hash = try PasswordHash.derive(password, salt: salt, log2N: log2N, r: r, p: p)
    }

    init?(_ text: Substring) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]),
              let p = Int(parts[3]), (10...20).contains(n), (1...32).contains(r), (1...16).contains(p),
              let salt = Data(base64Encoded: String(parts[4])), let hash = Data(base64Encoded: String(parts[5])),
              hash.count == 32 else { return nil }
        (log2N, self.r, self.p, self.salt, self.hash) = (n, r, p, Array(salt), Array(hash))
    }

    var text: String {
        "scrypt$\(log2N)$\(r)$\(p)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed, compared in constant time.
    func matches(_ password: String) -> Bool {
        guard let derived = try? PasswordHash.derive(password, salt: salt, log2N: log2N, r: r, p: p) else { return false }
        return Random.same(derived, hash)
    }

    static func derive(_ password: String, salt: [UInt8], log2N: Int, r: Int, p: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32,
                                           rounds: 1 << log2N, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Array($0) }
    }
}

/// The accounts file of a folder: `NAME<TAB>ROLE<TAB>HASH` lines.
public struct Accounts: Sendable {
    let file: URL
    var accounts: [String: Account] = [:]

    /// The accounts of the folder served (none when the file does not exist yet).
    public init(folder: URL) throws {
        file = folder.appendingPathComponent(".hanji/users")
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        let text = String(decoding: data, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3, let role = Role(rawValue: String(parts[1])), let hash = PasswordHash(parts[2]) else {
                throw InputError("a line of the accounts file cannot be read",
                                 at: Location(file: file.path, line: index + 1, column: 1),
                                 hint: "remove the line and add the person again with `hanji user add`")
            }
            accounts[String(parts[0])] = Account(name: String(parts[0]), role: role, hash: hash)
        }
    }

    /// The account of `name`, when its password is `password`.
    func account(_ name: String, password: String) -> Account? {
        guard let account = accounts[name] else {
            // As long as a wrong password takes, so a name's existence does not show in the time.
            _ = Accounts.decoy.matches(password)
            return nil
        }
        return account.hash.matches(password) ? account : nil
    }

    static let decoy = try! PasswordHash(password: "decoy")

    /// Whether no account exists yet.
    public var isEmpty: Bool { accounts.isEmpty }

    /// Whether a name can be an account's: 1 to 64 characters, no tab, newline or control character.
    public static func valid(name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
            && name.trimmingCharacters(in: .whitespaces) == name
    }

    /// Adds or replaces an account and writes the file atomically (readable by its owner only).
    public mutating func set(_ name: String, role: Role, password: String) throws {
        accounts[name] = Account(name: name, role: role, hash: try PasswordHash(password: password))
        let text = accounts.values.sorted { $0.name < $1.name }
            .map { "\($0.name)\t\($0.role.rawValue)\t\($0.hash.text)\n" }.joined()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Atomic.write(Data(text.utf8), to: file, mode: 0o600)
    }
}

/// Random bytes from the system's secure generator (through swift-crypto), and secrets compared.
enum Random {
    /// Whether two secrets (hashes, tokens) are equal, compared in constant time.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func bytes(_ count: Int) -> [UInt8] {
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }

    /// `count` random bytes in URL-safe base64 (a session id, a CSRF token).
    static func token(_ count: Int = 32) -> String {
        Data(bytes(count)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
