import Crypto
import FeedbackLoop
import Foundation

/// Something in a text about to be published that looks like a private detail.
public struct PrivacyFinding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case email
        case phone
        case nhsNumber = "nhs-number"
        case postcode
        case participant

        public var label: String {
            switch self {
            case .email: "an email address"
            case .phone: "a UK phone number"
            case .nhsNumber: "an NHS number"
            case .postcode: "a full UK postcode"
            case .participant: "a participant's ref or address"
            }
        }
    }

    /// Derived from where it is and what it matched, so it is the same on every run.
    public var id: String
    public var kind: Kind
    /// Where in the record the text is ("theme parking, you said").
    public var location: String
    public var match: String

    public init(kind: Kind, location: String, match: String) {
        self.kind = kind
        self.location = location
        self.match = match
        let digest = SHA256.hash(data: Data("\(location)\u{0}\(kind.rawValue)\u{0}\(match)".utf8))
        id = "PF-" + digest.prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}

/// Scans every text a participant-facing output would carry for email addresses, UK phone numbers,
/// NHS numbers (ten digits passing the modulus 11 check) and full UK postcodes.
///
/// The public contact (the activity's own, or the team's) is meant to be published, so what it
/// contains is never a finding.
public enum PrivacyGuard {
    /// The findings in what an update of `snapshot` publishes, in the order the texts appear.
    public static func scan(_ snapshot: UpdateSnapshot) -> [PrivacyFinding] {
        let allowed = [snapshot.publicContact, snapshot.activity.publicContact].compactMap { $0?.lowercased() }
        let terms = snapshot.privateTerms.filter { $0.count >= 3 }.map { term in
            regex("(?<![\\p{L}\\p{N}_-])" + NSRegularExpression.escapedPattern(for: term) + "(?![\\p{L}\\p{N}_-])")
        }
        return texts(snapshot).flatMap { location, text in
            var found = findings(in: text, at: location)
            for term in terms {
                for match in matches(of: term, in: text) {
                    found.append(PrivacyFinding(kind: .participant, location: location, match: match))
                }
            }
            return found.filter { finding in !allowed.contains { $0.contains(finding.match.lowercased()) } }
        }
    }

    /// Every published text of the snapshot, with where it comes from.
    static func texts(_ snapshot: UpdateSnapshot) -> [(String, String)] {
        let activity = snapshot.activity
        var texts: [(String, String)] = [
            ("activity title", activity.title), ("activity purpose", activity.purpose),
            ("activity can-influence", activity.canInfluence),
        ]
        if let service = activity.service { texts.append(("activity service", service)) }
        if let organisation = snapshot.organisation { texts.append(("organisation setting", organisation)) }
        var decisions = Set<String>()
        for theme in snapshot.record.themes {
            texts.append(("theme \(theme.key), you said", theme.said))
            for response in theme.responses where response.status != .dropped {
                guard decisions.insert(response.decision).inserted else { continue }
                texts.append(("decision \(response.decision), text", response.text))
                if let impact = snapshot.decision(response.decision)?.impact {
                    texts.append(("decision \(response.decision), impact", impact))
                }
            }
            if let explanation = theme.explanation {
                texts.append(("explanation of theme \(theme.key)", explanation.why))
            }
            for quote in snapshot.quotes[theme.key] ?? [] {
                texts.append(("quote from contribution \(quote.contributionId)", quote.text))
            }
        }
        for step in snapshot.nextSteps where !decisions.contains(step.key) {
            texts.append(("decision \(step.key), text", step.text))
        }
        return texts
    }

    /// The findings in one text.
    public static func findings(in text: String, at location: String) -> [PrivacyFinding] {
        var found: [PrivacyFinding] = []
        func add(_ kind: PrivacyFinding.Kind, _ match: String) {
            let finding = PrivacyFinding(kind: kind, location: location, match: match)
            if !found.contains(finding) { found.append(finding) }
        }
        for match in matches(of: email, in: text) { add(.email, match) }
        for match in matches(of: tenDigits, in: text) where isNHSNumber(match) { add(.nhsNumber, match) }
        for match in matches(of: phone, in: text) where isUKPhone(match) { add(.phone, match) }
        for match in matches(of: postcode, in: text) { add(.postcode, match) }
        return found
    }

    /// Whether the ten digits in `text` pass the NHS number modulus 11 check.
    public static func isNHSNumber(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 10 else { return false }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        let check = 11 - sum % 11
        guard check != 10 else { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }

    /// Whether a candidate is a UK number: 10 or 11 digits starting 0 (or +44 and 9 or 10 more),
    /// in one of the ranges numbers are given out in.
    static func isUKPhone(_ text: String) -> Bool {
        var digits = String(text.filter(\.isASCII).filter(\.isNumber))
        if text.hasPrefix("+44") || text.hasPrefix("0044") {
            digits = "0" + digits.dropFirst(text.hasPrefix("+") ? 2 : 4).drop { $0 == "0" }
        }
        guard (10...11).contains(digits.count), digits.hasPrefix("0") else { return false }
        return ["01", "02", "03", "05", "07", "08"].contains(String(digits.prefix(2)))
    }

    private static func matches(of expression: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants: a failure is a defect the tests catch.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let email = regex(#"[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}"#)
    private static let tenDigits = regex(#"(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])"#)
    private static let phone = regex(
        #"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|\(?0)\d{2,4}\)?(?:[\s-]?\d){5,8}(?!\d)"#)
    private static let postcode = regex(
        #"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b"#)
}

extension PrivacyGuard {
    /// Checks the findings against the waivers given after review.
    /// - Returns: the findings waived, for history.
    /// - Throws: ``PublishError/unknownWaiver(id:findings:)`` for a waiver that matches nothing, and
    ///   ``PublishError/privacyFindings(_:)`` listing every finding not waived.
    public static func review(_ findings: [PrivacyFinding], allowing waivers: [String]) throws(PublishError)
        -> [PrivacyFinding]
    {
        for id in waivers where !findings.contains(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) {
            throw .unknownWaiver(id: id, findings: findings)
        }
        let open = findings.filter { finding in
            !waivers.contains { $0.caseInsensitiveCompare(finding.id) == .orderedSame }
        }
        guard open.isEmpty else { throw .privacyFindings(open) }
        return findings
    }
}
