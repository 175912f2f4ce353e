import Crypto
import Foundation

/// SHA-256 from swift-crypto (Foundation on Linux has none).
struct SHA256Hasher {
    private var hasher = SHA256()

    mutating func update(_ data: Data) { hasher.update(data: data) }

    var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
}
