import ArgumentParser
import FeedbackLoop
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

extension Yswd {
    struct Updates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an activity's recorded updates, show one exactly as published, or compare two.",
            discussion: HelpText.reflowed(
                """
                Updates are numbered from 1 within each activity; each has one or more renditions (the web page,
                easy read, large print…). --show prints the exact bytes published, of its first rendition or of
                the one --rendition names (if the update was later redacted because a participant was erased, a
                note on stderr says so and when).

                Examples:
                  yswd updates GP-ACCESS-2026
                  yswd updates GP-ACCESS-2026 --show 1 > as-published.html
                  yswd updates GP-ACCESS-2026 --show 1 --rendition easy-read > easy-read.html
                  yswd updates GP-ACCESS-2026 --diff 1 2
                """))

        @OptionGroup var store: StoreOptions
        @Argument(help: "The activity's ref.")
        var activity: String
        @Option(help: "Print update N exactly as published.")
        var show: Int?
        @Option(help: "With --show: the rendition to print, by its format (default: the update's first).")
        var rendition: PublishFormat?
        @Option(
            help: ArgumentHelp(
                "With --show: the rendition's language (cy; cy+en for Welsh then English; default: the source"
                    + " language's).", valueName: "TAG"))
        var language: String?
        @Option(parsing: .upToNextOption, help: "Show what changed between updates N and M.")
        var diff: [Int] = []
        @OptionGroup var listing: ListingOptions

        func validate() throws {
            if !diff.isEmpty, diff.count != 2 {
                throw ValidationError("--diff takes two update numbers, such as --diff 1 2")
            }
            if show != nil, !diff.isEmpty { throw ValidationError("use --show or --diff, not both") }
            if rendition != nil, show == nil { throw ValidationError("--rendition goes with --show N") }
            if language != nil, show == nil { throw ValidationError("--language goes with --show N") }
        }

        func run() async throws {
            let store = try await self.store.open()
            if let show {
                let update = try await store.update(ref: activity, number: show)
                let format = rendition?.rawValue ?? update.format
                guard let chosen = update.rendition(format, language: language ?? "en") else {
                    throw CommandError(
                        "update \(show) of \(activity) was not published as \(format)"
                            + (language.map { " in \($0)" } ?? "") + "; its renditions are "
                            + update.renditions.map {
                                $0.language == "en" ? $0.format : "\($0.format) (\($0.language))"
                            }
                            .joined(separator: ", "))
                }
                if let redacted = chosen.redactedAt {
                    note(
                        "Note: this update was redacted on \(redacted.prefix(10)): quotes from a participant who was "
                            + "erased were removed. SHA-256 \(chosen.sha256) is of the bytes as first published.")
                }
                FileHandle.standardOutput.write(chosen.bytes)
            } else if diff.count == 2 {
                let old = try await store.update(ref: activity, number: diff[0])
                let new = try await store.update(ref: activity, number: diff[1])
                let (earlier, later) = old.recordedAt <= new.recordedAt ? (old, new) : (new, old)
                let reasons = try await store.changeReasons(activity: activity, since: earlier.recordedAt).filter {
                    $0.at < later.recordedAt
                }
                let diff = await UpdateDiff(
                    old: old, new: new, decisions: try store.decisions(activity: activity), reasons: reasons)
                print(diff.text, terminator: "")
            } else {
                let updates = try await store.updates(ref: activity)
                Listing.print(
                    updates.map(UpdateRow.init), as: listing.format,
                    empty: "No updates recorded for \(activity) yet (yswd publish \(activity) --record).\n")
                for line in try await outOfDate(updates, store: store) { note(line) }
            }
        }
    }
}

extension Yswd.Updates {
    /// A rendition in another language is out of date when one of its translations changed after it
    /// was recorded. No answer changed, so the loop is not reopened: staff are told, and can publish
    /// it again.
    func outOfDate(_ updates: [PublishedUpdate], store: any RecordStore) async throws -> [String] {
        var latest: [String: String] = [:]
        var lines: [String] = []
        for update in updates {
            for rendition in update.renditions where rendition.language != "en" {
                let code = String(rendition.language.prefix { $0 != "+" })
                guard let language = try? LanguageTag(parsing: code) else { continue }
                if latest[code] == nil {
                    latest[code] =
                        try await store.translations(ref: activity, language: language).compactMap(\.recordedAt).max()
                        ?? ""
                }
                if let changed = latest[code], changed > rendition.recordedAt {
                    let option = rendition.language.contains("+") ? "--bilingual" : "--language"
                    lines.append(
                        "note: update \(update.number)'s \(rendition.format) in \(language.englishName) is out of date: a"
                            + " translation changed after it was recorded. Publish it again on the same update with"
                            + " yswd publish \(activity) --record --add-to \(update.number) \(option) \(code)"
                            + " --format \(rendition.format) --out FILE")
                }
            }
        }
        return lines
    }
}

/// One recorded update, as `yswd updates` lists it.
struct UpdateRow: ListingRow {
    var number: Int
    var published: String
    var format: String
    var renditions: [String]
    var channels: [String]
    var themes: [String]
    var sha256: String
    var recordedBy: String
    var redactedAt: String?

    init(_ update: PublishedUpdate) {
        number = update.number
        published = update.published.description
        format = update.format
        renditions = update.renditions.map {
            $0.language == "en"
                ? $0.format : "\($0.format) (\($0.language)\($0.revision > 1 ? ", version \($0.revision)" : ""))"
        }
        channels = update.channels.map(\.rawValue)
        themes = update.themes.map { "\($0.key):\($0.answer.rawValue)" }
        sha256 = update.sha256
        recordedBy = update.recordedBy
        redactedAt = update.redactedAt
    }

    static let headers = [
        "number", "published", "renditions", "channels", "sha256", "recordedBy", "redactedAt", "themes",
    ]
    var cells: [String] {
        [
            String(number), published, renditions.joined(separator: " "), channels.joined(separator: " "),
            String(sha256.prefix(12)), recordedBy,
            redactedAt ?? "", themes.joined(separator: " "),
        ]
    }
}
