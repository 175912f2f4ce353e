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
            $0.map { GuardText($0).text.lowercased() }
        }
        let terms = Set(snapshot.privateTerms.map { GuardText($0).text }).filter { $0.count >= 3 }.sorted()
        let staffTerms = Set(staffNameForms(snapshot.allStaffNames).map { GuardText($0).text }).filter {
            $0.count >= 3
        }.sorted()
        let staff = staffNameWords(snapshot.staffNames)
        return texts(snapshot).flatMap { location, text in
            let guarded = GuardText(text)
            var hits = detect(guarded.text)
            for range in termRanges(terms, in: guarded.text) { hits.append(Hit(kind: .participant, range: range)) }
            for range in termRanges(staffTerms, in: guarded.text) where !hits.contains(where: { $0.overlaps(range) }) {
                hits.append(Hit(kind: .name, range: range))
            }
            for range in staffNames(staff, in: guarded.text) where !hits.contains(where: { $0.overlaps(range) }) {
                hits.append(Hit(kind: .name, range: range))
            }
            return findings(hits, in: guarded, at: location, allowing: allowed)
        }
    }

    /// Something found, and where it is in the normalised text.
    struct Hit {
        var kind: PrivacyFinding.Kind
        var range: NSRange

        func overlaps(_ other: NSRange) -> Bool { NSIntersectionRange(range, other).length > 0 }
    }

    /// The findings for `hits`, quoting the text as written, in the order they appear, once each;
    /// leaving out what a public contact holds.
    private static func findings(_ hits: [Hit], in text: GuardText, at location: String, allowing allowed: [String])
        -> [PrivacyFinding]
    {
        var found: [PrivacyFinding] = []
        for hit in hits {
            let plain = (text.text as NSString).substring(with: hit.range).lowercased()
            if allowed.contains(where: { $0.contains(plain) }) { continue }
            let finding = PrivacyFinding(kind: hit.kind, location: location, match: text.original(hit.range))
            if !found.contains(finding) { found.append(finding) }
        }
        return found
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
        for translated in snapshot.translatedTexts { texts.append((translated.location, translated.text)) }
        return texts
    }

    /// The findings in one text.
    public static func findings(in text: String, at location: String) -> [PrivacyFinding] {
        let guarded = GuardText(text)
        return findings(detect(guarded.text), in: guarded, at: location, allowing: [])
    }

    /// The UK phone numbers in a text, as written.
    public static func phoneNumbers(in text: String) -> [String] {
        let guarded = GuardText(text)
        return DigitRuns.candidates(in: guarded.text).filter { $0.kind == .phone }.map {
            guarded.original(from: $0.start, to: $0.end)
        }
    }

    /// Details found by their shape in a normalised text.
    static func detect(_ text: String) -> [Hit] {
        var hits: [Hit] = []
        let whole = NSRange(text.startIndex..., in: text)
        for match in email.matches(in: text, range: whole) where isEmail(match, in: text) {
            hits.append(Hit(kind: .email, range: match.range))
        }
        for number in DigitRuns.candidates(in: text) {
            hits.append(
                Hit(kind: number.kind, range: NSRange(location: number.start, length: number.end - number.start)))
        }
        for expression in [postcode, spacedPostcode] {
            for match in expression.matches(in: text, range: whole) {
                hits.append(Hit(kind: .postcode, range: match.range))
            }
        }
        for match in titledName.matches(in: text, range: whole) { hits.append(Hit(kind: .name, range: match.range)) }
        return hits
    }

    /// An address found by ``email``, unless its `at` is a bare word that points to a website:
    /// "find out more at nhs.uk", "details are online at www.example.org", "at Coventry.gov.uk".
    private static func isEmail(_ match: NSTextCheckingResult, in text: String) -> Bool {
        let source = text as NSString
        let at = source.substring(with: match.range(at: 2))
        guard !at.contains("@"), at.rangeOfCharacter(from: CharacterSet(charactersIn: "([{<")) == nil else {
            return true
        }
        let local = source.substring(with: match.range(at: 1)).lowercased()
        let domain = source.substring(with: match.range(at: 3))
        // A site's name is written with capitals ("Coventry.gov.uk"); an address spelled out to
        // disguise it is in one case.
        let labels = domain.replacing(/(?i)\s?[(\[{<]?\s?\bdot\b\s?[)\]}>]?\s?/, with: ".")
        if labels.lowercased().hasPrefix("www") { return false }
        if labels.contains(where: \.isUppercase) && labels.contains(where: \.isLowercase) { return false }
        let lastWord = local.split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? local
        return !websiteWords.contains(lastWord)
    }

    /// Words after which a bare "at" points to a website, not an email address.
    private static let websiteWords: Set<String> = [
        "more", "us", "online", "here", "website", "site", "page", "visit", "details", "available", "found", "out",
        "them", "it", "this", "that", "web", "information", "info", "look", "looked", "seen", "published",
    ]

    /// The text as the guard reads it (see ``GuardText``): compatibility forms folded, digits of
    /// any script made ASCII, character references decoded, invisible characters dropped, white space
    /// made single spaces, and spelled-out or O-for-zero digits read as digits.
    public static func normalised(_ text: String) -> String { GuardText(text).text }

    /// Whether the ten digits in `text` pass the NHS number modulus 11 check.
    public static func isNHSNumber(_ text: String) -> Bool {
        isNHSNumber(text.compactMap(\.wholeNumberValue))
    }

    static func isNHSNumber(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        let check = 11 - sum % 11
        guard check != 10 else { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }

    private static func regex(_ pattern: String, caseInsensitive: Bool = true) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            // The patterns are constants (or escaped terms) that every test compiles: this is a defect.
            preconditionFailure("a privacy guard pattern does not compile: \(error)")
        }
    }

    /// An email address, written plainly or spelled out: letters and digits of any script on both
    /// sides; `@` or "at" (bare, or in brackets: `[at]`, `(at)`) between the parts, and `.` or "dot"
    /// (bare or bracketed) between the words of each. Groups: 1 the local part, 2 the at, 3 the domain.
    private static let email: NSRegularExpression = {
        // Bounded repetitions, so a long run of words joined by "dot" costs no more than a short one.
        let dot = #"(?:\.|\s\.\s|\s?[(\[{<]\s?dot\s?[)\]}>]\s?|\sdot\s)"#
        let at = #"(\s?@\s?|\s?[(\[{<]\s?at\s?[)\]}>]\s?|\sat\s)"#
        let word = #"[\p{L}\p{N}_%+'-]+"#
        let label = #"[\p{L}\p{N}-]+"#
        return regex(
            #"(?<![\p{L}\p{N}._%+'-])("# + word + "(?:" + dot + word + "){0,8})" + at + "(" + label + "(?:" + dot
                + label + "){0,8}" + dot + #"\p{L}{2,})(?![\p{L}\p{N}@_%+'-]|\.[\p{L}\p{N}])"#)
    }()
    /// A title or role, then a capitalised word: "Nurse Sarah", "Dr Patel", "Mrs. O'Neill" (a full
    /// stop only after an abbreviation, so "a nurse. Nobody came" is two sentences, not a name).
    private static let titledName = regex(
        #"(?<![\p{L}\p{N}])(?i:(?:dr|mr|mrs|ms|mx|prof|rev)\.?|miss|nurse|sister|matron|doctor|professor|sir|"#
            + #"dame|midwife|consultant|receptionist|surgeon|reverend)\s\p{Lu}[\p{L}'’-]*[\p{L}]"#,
        caseInsensitive: false)
    /// A full postcode, its halves joined by nothing, a space or a mark (`CV1.2AB`, `CV1/2AB`), but
    /// not an ordinal ("A1 2nd").
    private static let postcode = regex(
        #"\b(?:GIR[\s._/|:,-]?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?(?:[\s._/|:,-]|\s?[._/|:,-]\s?)?(?!\d(?:st|nd|rd|th)\b)\d[ABD-HJLNP-UW-Z]{2})\b"#
    )
    /// A postcode with a space or mark between every character (`C V 1 2 A B`).
    private static let spacedPostcode = regex(
        #"(?<![\p{L}\p{N}])[A-PR-UWYZ](?:[ ._-][A-HK-Y])?[ ._-]\d(?:[ ._-][A-Z\d])?[ ._-]\d[ ._-][ABD-HJLNP-UW-Z][ ._-][ABD-HJLNP-UW-Z](?![\p{L}\p{N}])"#
    )
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
