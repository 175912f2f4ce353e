import FeedbackLoop
import Foundation

/// One result of Decidim's accountability component, as its CSV export and import hold it.
public struct DecidimResult: Sendable, Equatable {
    public var id: String
    public var parentId: String?
    public var title: String
    /// Plain text (Decidim holds HTML).
    public var description: String?
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var progress: Double?
    public var proposalURLs: String?
    /// Where delivery stands; read from a file, what its progress means.
    public var status: DeliveryStatus
    /// The line of the file it was read from, for messages.
    public var line: Int

    public init(
        id: String, parentId: String? = nil, title: String, description: String? = nil, startDate: CalendarDate? = nil,
        endDate: CalendarDate? = nil, progress: Double? = nil, proposalURLs: String? = nil,
        status: DeliveryStatus? = nil,
        line: Int = 0
    ) {
        self.id = id
        self.parentId = parentId
        self.title = title
        self.description = description
        self.startDate = startDate
        self.endDate = endDate
        self.progress = progress
        self.proposalURLs = proposalURLs
        self.status = status ?? DeliveryStatus(progress: progress ?? 0)
        self.line = line
    }
}

/// Reads and writes Decidim's accountability results CSV (semicolon-separated).
public enum DecidimResults {
    /// Reads every result, checking the whole file: an empty title in the chosen locale or a
    /// parent id not in the file rejects it.
    public static func read(path: String, locale: String = "en") throws -> [DecidimResult] {
        var reader = try CSVReader(path: path, delimiter: UInt8(ascii: ";"))
        guard let header = try reader.next() else { throw ImportError.emptyFile }
        let names = header.fields.map { $0.trimmed }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let titleColumn = "title/\(locale)"
        for required in ["id", titleColumn] where index[required] == nil {
            throw ImportError.missingColumn(name: required, found: names)
        }
        var results: [DecidimResult] = []
        while let record = try reader.next() {
            func value(_ name: String) -> String? {
                guard let position = index[name], position < record.fields.count else { return nil }
                let text = record.fields[position].trimmed
                return text.isEmpty ? nil : text
            }
            func bad(_ column: String, _ problem: String) -> ImportError {
                .badValue(line: record.line, column: column, problem: problem)
            }
            func date(_ column: String) throws -> CalendarDate? {
                guard let text = value(column) else { return nil }
                guard let date = try? CalendarDate.parse(String(text.prefix(10)), field: Field(.plain, column)) else {
                    throw bad(column, "'\(text)' is not a date; use YYYY-MM-DD")
                }
                return date
            }
            guard let id = value("id") else { throw bad("id", "the result id is empty") }
            guard EntryRules.isIdentifier("decidim-" + id) else {
                throw bad("id", "'\(id.prefix(40))' is not a Decidim result id; use letters, digits, '-', '_' and '.'")
            }
            guard let title = value(titleColumn).map(HTMLText.plain), !title.isEmpty else {
                throw bad(titleColumn, "the title is empty; every result needs one in locale '\(locale)'")
            }
            var progress: Double?
            if let text = value("progress") {
                guard let number = Double(text), number.isFinite, (0...100).contains(number) else {
                    throw bad("progress", "'\(text)' is not a percentage from 0 to 100")
                }
                progress = (number * 100).rounded() / 100  // kept to two decimals, as Decidim gives it
            }
            results.append(
                DecidimResult(
                    id: id, parentId: value("parent/id"), title: title,
                    description: value("description/\(locale)").map(HTMLText.plain).flatMap { $0.isEmpty ? nil : $0 },
                    startDate: try date("start_date"), endDate: try date("end_date"), progress: progress,
                    proposalURLs: value("proposal_urls"), line: record.line))
        }
        guard !results.isEmpty else { throw ImportError.noRows }
        var ids = Set<String>()
        for result in results where !ids.insert(result.id).inserted {
            throw ImportError.badValue(
                line: result.line, column: "id", problem: "result '\(result.id)' appears twice in the file")
        }
        for result in results {
            if let parent = result.parentId, !ids.contains(parent) {
                throw ImportError.badValue(
                    line: result.line, column: "parent/id", problem: "parent '\(parent)' is not a result in this file")
            }
        }
        return results
    }

    /// The results as Decidim's CSV, ready to import into Decidim.
    /// A progress percentage as Decidim writes it: a whole number when it is one (`100`), else with
    /// up to two decimals (`46.33`, `12.5`).
    static func percentage(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return "\(whole).\(decimals)"
    }

    public static func csv(_ results: [DecidimResult], locale: String = "en") -> String {
        let header = [
            "id", "parent/id", "title/\(locale)", "description/\(locale)", "start_date", "end_date", "status/id",
            "status/name/\(locale)", "progress", "proposal_urls",
        ]
        let names: [DeliveryStatus: String] = [
            .planned: "Planned", .inProgress: "In progress", .done: "Done", .dropped: "Dropped",
        ]
        let rows = results.map { result in
            [
                result.id, result.parentId ?? "", result.title, result.description.map(HTMLText.html) ?? "",
                result.startDate?.description ?? "", result.endDate?.description ?? "", result.status.rawValue,
                names[result.status] ?? "", result.progress.map(Self.percentage) ?? "", result.proposalURLs ?? "",
            ]
        }
        return ([header] + rows).map { CSVWriter.line($0, delimiter: ";") }.joined()
    }
}

/// Writes RFC 4180 CSV lines for machine exports (no spreadsheet formula guard: the values go to
/// another system exactly as recorded).
public enum CSVWriter {
    /// One CSV line: each field bidi-safe (``SafeText/bidi(_:)``), quoted where it must be.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map(SafeText.bidi).map { field in
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
                return field
            }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: String(delimiter)) + "\r\n"
    }
}
