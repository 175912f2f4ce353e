import Crypto
import Foundation

/// The secrets the store hands out (session ids, CSRF tokens, password links) and the hashes it keeps
/// of them instead, alike on every engine.
package enum Secrets {
    /// 32 random bytes as URL-safe text.
    package static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a secret, as hex: what the database keeps instead of the secret.
    package static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
