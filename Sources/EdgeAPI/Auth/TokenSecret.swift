import COpenSSL
import Foundation

/// The bearer value of a token: `oe_<id>_<secret>`, where `id` is 16 hex digits (stored in
/// clear, it finds the row) and `secret` 64 hex digits from 32 random bytes (only its SHA-256 is
/// stored). Verification compares hashes in constant time.
public struct TokenSecret: Sendable, Hashable {
    public let id: String
    public let secret: String

    static let prefix = "oe_"

    /// A fresh random token; nil only if OpenSSL's random generator fails.
    public static func generate() -> TokenSecret? {
        guard let id = randomHex(8), let secret = randomHex(32) else { return nil }
        return TokenSecret(id: id, secret: secret)
    }

    /// Parses a bearer value; nil when it is not shaped like one of ours.
    public init?(bearer: String) {
        guard bearer.hasPrefix(Self.prefix) else { return nil }
        let parts = bearer.dropFirst(Self.prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[1].count == 64,
              parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else { return nil }
        self.init(id: String(parts[0]).lowercased(), secret: String(parts[1]).lowercased())
    }

    init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// What a client sends after `Bearer `.
    public var bearer: String { "\(Self.prefix)\(id)_\(secret)" }

    /// Lower-case hex SHA-256 of the secret part: what the store keeps.
    public var hash: String { Self.hex(Self.sha256(Array(secret.utf8))) }

    /// Whether this secret's hash equals `storedHash`, in time independent of where they differ.
    func matches(storedHash: String) -> Bool {
        let mine = Array(hash.utf8)
        let theirs = Array(storedHash.utf8)
        guard mine.count == theirs.count else { return false }
        return mine.withUnsafeBytes { a in theirs.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 } }
    }

    static func randomHex(_ count: Int) -> String? {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { return nil }
        return hex(bytes)
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(bytes, bytes.count, &digest)
        return digest
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
