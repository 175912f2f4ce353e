import FeedbackLoopStore
import Foundation

/// Where a password comes from when the URL has none: `PGPASSWORD`, then the password file
/// (`PGPASSFILE`, else `~/.pgpass`), as libpq reads them.
enum PasswordFile {
    static func password(
        for address: PostgresAddress, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path =
            environment["PGPASSFILE"]
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return password(in: text, for: address)
    }

    /// The password of the first line of a password file that matches the address: each line is
    /// `host:port:database:user:password`, `*` matches anything, `\` escapes `:` and `\`.
    static func password(in text: String, for address: PostgresAddress) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = self.fields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [address.host, String(address.port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
