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
        case name

        public var label: String {
            switch self {
            case .email: "an email address"
            case .phone: "a UK phone number"
            case .nhsNumber: "an NHS number"
            case .postcode: "a full UK postcode"
            case .participant: "a participant's ref, name or address"
            case .name: "a person's name"
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
/// NHS numbers (ten digits passing the modulus 11 check), full UK postcodes, likely personal names
/// (a title or role followed by a capitalised word: "Nurse Sarah", "Dr Patel"; the names of staff
/// recorded against the activity) and the refs, names and addresses of its participants.
///
/// Every pattern is compiled once; participants' details are looked up by word (see
/// ``words(in:)``), so the cost follows the length of the texts, not the number of participants.
///
/// The public contact (the activity's own, or the team's) is meant to be published, so what it
/// contains is never a finding.
public enum PrivacyGuard {
    /// The findings in what an update of `snapshot` publishes, in the order the texts appear.
    /// `snapshot.privateTerms` must hold the participants' details that could appear (the store's
    /// `privateTerms(ref:words:)` for ``words(in:)``).
    public static func scan(_ snapshot: UpdateSnapshot) -> [PrivacyFinding] {
        let allowed = [snapshot.publicContact, snapshot.activity.publicContact].compactMap {
            $0.map { normalised($0).lowercased() }
        }
        let terms = Set(snapshot.privateTerms.map(normalised)).filter { $0.count >= 3 }.sorted()
        let staff = staffNameWords(snapshot.staffNames)
        return texts(snapshot).flatMap { location, text in
            let text = normalised(text)
            var found = scanNormalised(text, at: location)
            for term in terms {
                for match in occurrences(of: term, in: text) {
                    found.append(PrivacyFinding(kind: .participant, location: location, match: match))
                }
            }
            for match in staffNames(staff, in: text) where !found.contains(where: { $0.match.contains(match) }) {
                found.append(PrivacyFinding(kind: .name, location: location, match: match))
            }
            return found.filter { finding in !allowed.contains { $0.contains(finding.match.lowercased()) } }
        }
    }

    /// Every published text of the snapshot, with where it comes from.
    public static func texts(_ snapshot: UpdateSnapshot) -> [(String, String)] {
        let activity = snapshot.activity
        var texts: [(String, String)] = [
            ("activity ref", activity.ref), ("activity title", activity.title), ("activity purpose", activity.purpose),
            ("activity can-influence", activity.canInfluence),
        ]
        if let summary = activity.publicSummary { texts.append(("activity public summary", summary)) }
        if let constraints = activity.constraints { texts.append(("activity constraints", constraints)) }
        if let service = activity.service { texts.append(("activity service", service)) }
        if let organisation = snapshot.organisation { texts.append(("organisation setting", organisation)) }
        var decisions = Set<String>()
        for theme in snapshot.record.themes {
            texts.append(("theme \(theme.key), key", theme.key))
            texts.append(("theme \(theme.key), you said", theme.said))
            if let easyRead = theme.easyRead { texts.append(("theme \(theme.key), easy read", easyRead)) }
            for response in theme.responses where response.status != .dropped {
                guard decisions.insert(response.decision).inserted else { continue }
                texts.append(("decision \(response.decision), key", response.decision))
                texts.append(("decision \(response.decision), text", response.text))
                if let easyRead = response.easyRead {
                    texts.append(("decision \(response.decision), easy read", easyRead))
                }
                if let impact = snapshot.decision(response.decision)?.impact {
                    texts.append(("decision \(response.decision), impact", impact))
                }
            }
            if let explanation = theme.explanation {
                texts.append(("explanation of theme \(theme.key)", explanation.why))
                if let easyRead = explanation.easyRead {
                    texts.append(("explanation of theme \(theme.key), easy read", easyRead))
                }
            }
            for quote in snapshot.quotes[theme.key] ?? [] {
                texts.append(("quote from contribution \(quote.contributionId)", quote.text))
            }
        }
        for step in snapshot.nextSteps where !decisions.contains(step.key) {
            texts.append(("decision \(step.key), key", step.key))
            texts.append(("decision \(step.key), text", step.text))
            if let easyRead = step.easyRead { texts.append(("decision \(step.key), easy read", easyRead)) }
        }
        return texts
    }

    /// The findings in one text.
    public static func findings(in text: String, at location: String) -> [PrivacyFinding] {
        scanNormalised(normalised(text), at: location)
    }

    private static func scanNormalised(_ text: String, at location: String) -> [PrivacyFinding] {
        var found: [PrivacyFinding] = []
        func add(_ kind: PrivacyFinding.Kind, _ match: String) {
            let finding = PrivacyFinding(kind: kind, location: location, match: match)
            if !found.contains(finding) { found.append(finding) }
        }
        if text.contains("@") {
            for match in matches(of: email, in: text) { add(.email, match) }
        }
        for number in DigitRuns.candidates(in: text) { add(number.kind, number.match) }
        for match in matches(of: postcode, in: text) { add(.postcode, match) }
        for match in matches(of: titledName, in: text) { add(.name, match) }
        return found
    }

    /// The text as the guard reads it, so disguised details are found: Unicode compatibility forms
    /// folded (full-width `＠` and digits become ASCII), invisible characters dropped, every run of
    /// spaces (non-breaking ones included) and line breaks made one space, and an address's `@`
    /// written as `(at)`, `[at]`, ` at ` or ` @ ` made a plain `@`.
    public static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if invisible.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                space = true
                continue
            }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(scalar)
        }
        let folded = String(out)
        guard folded.contains("@") || folded.range(of: "at", options: .caseInsensitive) != nil else { return folded }
        let range = NSRange(folded.startIndex..., in: folded)
        return spelledAt.stringByReplacingMatches(in: folded, range: range, withTemplate: "@")
    }

    /// Zero-width and other invisible characters that can hide inside an address or a number.
    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E]

    /// Whether the ten digits in `text` pass the NHS number modulus 11 check.
    public static func isNHSNumber(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 10 else { return false }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        let check = 11 - sum % 11
        guard check != 10 else { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }

    private static func matches(of expression: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    private static func regex(_ pattern: String, caseInsensitive: Bool = true) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            // The patterns are constants (or escaped terms) that every test compiles: this is a defect.
            preconditionFailure("a privacy guard pattern does not compile: \(error)")
        }
    }

    /// Internationalised too: letters and digits of any script on both sides of the `@`.
    private static let email = regex(#"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}"#)
    /// `(at)`, `[at]`, ` at ` and ` @ ` between something that can end an address's local part and
    /// a domain. ` at ` counts only before a domain in lower case that is not a `www.` site, and not
    /// after words that point to a website ("find out more at nhs.uk", "details are online at …").
    private static let spelledAt = regex(
        #"(?<=[\p{L}\p{N}._%+'-])(?:\s?[(\[{]\s?at\s?[)\]}]\s?|\s@\s?(?=[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})|@\s(?=[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})|(?<!\b(?:more|us|online|here|website|site|page|visit|details|available|found|out|them|it|this|that|web|information))\s(?-i:at)\s(?!www\.)(?=[\p{Ll}\p{N}-]+(?:\.[\p{Ll}\p{N}-]+)*\.\p{Ll}{2,}(?![\p{L}\p{N}@+_%'-]|\.[\p{L}\p{N}])))"#
    )
    /// A title or role, then a capitalised word: "Nurse Sarah", "Dr Patel", "Mrs. O'Neill" (a full
    /// stop only after an abbreviation, so "a nurse. Nobody came" is two sentences, not a name).
    private static let titledName = regex(
        #"(?<![\p{L}\p{N}])(?i:(?:dr|mr|mrs|ms|mx|prof|rev)\.?|miss|nurse|sister|matron|doctor|professor|sir|"#
            + #"dame|midwife|consultant|receptionist|surgeon|reverend)\s\p{Lu}[\p{L}'’-]*[\p{L}]"#,
        caseInsensitive: false)
    private static let postcode = regex(
        #"\b(?:GIR[\s-]?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[\s-]?\d[ABD-HJLNP-UW-Z]{2})\b"#)
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
