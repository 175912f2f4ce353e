import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    static func answerSignatures(_ db: Database, activityId: Int64) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT t.key, \(AnswerSignature.theme("t")) AS signature FROM theme t WHERE t.activityId = ?",
            arguments: [activityId])
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.read("key", as: String.self), try $0.read("signature", as: String.self))
            })
    }

    /// Records privacy findings waived after review in history, for an output that is not itself recorded.
    public func recordWaivers(ref: String, _ waivers: [PrivacyWaiver]) async throws {
        guard !waivers.isEmpty else { return }
        try await writing { db in
            try Self.recordWaivers(db, activityId: try Self.activityId(db, ref: ref), waivers)
        }
    }

    static func recordWaivers(_ db: Database, activityId: Int64, _ waivers: [PrivacyWaiver]) throws {
        for waiver in waivers {
            try db.execute(
                sql: """
                    INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
                    VALUES (yswd_now(), yswd_actor(), 'insert', 'privacyWaiver', NULL, ?, NULL,
                            json_object('finding', ?, 'kind', ?, 'location', ?))
                    """, arguments: [activityId, waiver.id, waiver.kind, waiver.location])
        }
    }

    /// Records a published update, immutably, with the themes it reported and the answer each had.
    /// - Throws: ``StoreError/recordChanged(_:)`` when an answer changed after the snapshot was read.
    /// - Returns: the update as recorded.
    @discardableResult
    public func recordUpdate(ref: String, _ recording: UpdateRecording) async throws -> PublishedUpdate {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            guard try Self.answerSignatures(db, activityId: activityId) == recording.snapshot.answerSignatures else {
                throw StoreError.recordChanged(ref)
            }
            let number =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(max(number), 0) + 1 FROM publishedUpdate WHERE activityId = ?",
                    arguments: [activityId]) ?? 1
            let channels = String(decoding: try JSONEncoder().encode(recording.channels.map(\.rawValue)), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO publishedUpdate (activityId, number, published, recordedAt, recordedBy, format, channels,
                        sha256, content, data, coverage)
                    VALUES (?, ?, ?, yswd_now(), yswd_actor(), ?, ?, ?, ?, ?, coalesce(\(AnswerSignature.activity("?")), ''))
                    """,
                arguments: [
                    activityId, number, recording.snapshot.asOf.description, recording.format, channels,
                    recording.sha256, recording.bytes, recording.data, activityId,
                ])
            let updateId = db.lastInsertedRowID
            for theme in recording.snapshot.record.themes {
                try db.execute(
                    sql: """
                        INSERT INTO publishedUpdateTheme (updateId, themeId, key, said, answer, signature)
                        SELECT ?, id, key, said, ?, \(AnswerSignature.theme("t")) FROM theme t WHERE activityId = ? AND key = ?
                        """, arguments: [updateId, theme.answer.rawValue, activityId, theme.key])
            }
            for quote in recording.quotes {
                try db.execute(
                    sql: """
                        INSERT INTO publishedQuote (updateId, participantId, inData, published, redacted)
                        VALUES (?, ?, ?, ?, ?)
                        """, arguments: [updateId, quote.participantId, quote.inData, quote.published, quote.redacted])
            }
            for rendition in recording.renditions
            where (rendition.format, rendition.language) != (recording.format, "en") {
                try Self.insertRendition(db, updateId: updateId, rendition)
            }
            try Self.recordWaivers(db, activityId: activityId, recording.waivers)
            return try Self.updates(db, condition: "u.id = ?", arguments: [updateId])[0]
        }
    }

    /// The activity's recorded updates, numbered from 1.
    public func updates(ref: String) async throws -> [PublishedUpdate] {
        try await reading { db in
            try Self.updates(db, condition: "u.activityId = ?", arguments: [try Self.activityId(db, ref: ref)])
        }
    }

    /// Update `number` of the activity.
    /// - Throws: ``StoreError/unknownUpdate(activity:number:count:)`` when there is no such update.
    public func update(ref: String, number: Int) async throws -> PublishedUpdate {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            let found = try Self.updates(
                db, condition: "u.activityId = ? AND u.number = ?", arguments: [activityId, number])
            guard let update = found.first else {
                let count =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM publishedUpdate WHERE activityId = ?", arguments: [activityId])
                    ?? 0
                throw StoreError.unknownUpdate(activity: ref, number: number, count: count)
            }
            return update
        }
    }

    /// Every recorded update of every activity, for the website.
    public func allUpdates() async throws -> [PublishedUpdate] {
        try await reading { db in try Self.updates(db, condition: "1", arguments: []) }
    }

    static func updates(_ db: Database, condition: String, arguments: StatementArguments) throws -> [PublishedUpdate] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.ref, a.title, a.service, u.id, u.number, u.published, u.recordedAt, u.format, u.channels,
                       u.sha256, u.content, u.data, u.redactedAt, u.recordedBy
                FROM publishedUpdate u JOIN activity a ON a.id = u.activityId
                WHERE \(condition) ORDER BY a.ref, u.number
                """, arguments: arguments)
        return try rows.map { row in
            let updateId = try row.read("id", as: Int64.self)
            let themes = try Row.fetchAll(
                db,
                sql: "SELECT key, said, answer, signature FROM publishedUpdateTheme WHERE updateId = ? ORDER BY rowid",
                arguments: [updateId])
            let channelNames = try row.readJSON("channels", as: [String].self, empty: [])
            var update = PublishedUpdate(
                activityRef: try row.read("ref"), activityTitle: try row.read("title"),
                service: try row.read("service"),
                number: try row.read("number"), published: try row.read("published"),
                recordedAt: try row.read("recordedAt"), format: try row.read("format"),
                channels: channelNames.compactMap(FeedbackChannel.init(rawValue:)), sha256: try row.read("sha256"),
                bytes: try row.read("content"), data: try row.read("data"), redactedAt: try row.read("redactedAt"),
                themes: try themes.map { theme in
                    guard let answer = ThemeAnswer(rawValue: try theme.read("answer")) else {
                        throw StoreError.unreadable(column: "answer")
                    }
                    return ReportedTheme(
                        key: try theme.read("key"), said: try theme.read("said"), answer: answer,
                        signature: try theme.read("signature"))
                }, recordedBy: try row.read("recordedBy"))
            update.renditions =
                [
                    Rendition(
                        format: update.format, sha256: update.sha256, bytes: update.bytes,
                        recordedAt: update.recordedAt, redactedAt: update.redactedAt)
                ]
                + (try Row.fetchAll(
                    db,
                    sql: """
                        SELECT format, language, revision, sha256, content, recordedAt, redactedAt FROM updateRendition r
                        WHERE updateId = ? AND revision = (
                            SELECT max(revision) FROM updateRendition
                            WHERE updateId = r.updateId AND format = r.format AND language = r.language)
                        ORDER BY id
                        """, arguments: [updateId]
                ).map {
                    Rendition(
                        format: try $0.read("format"), language: try $0.read("language"), sha256: try $0.read("sha256"),
                        bytes: try $0.read("content"),
                        recordedAt: try $0.read("recordedAt"), redactedAt: try $0.read("redactedAt"),
                        revision: try $0.read("revision"))
                })
            return update
        }
    }

    /// Takes an erased participant's quotes out of every stored update, keeping each update's original hash.
    /// - Returns: how many updates were redacted.
    static func redactQuotes(_ db: Database, participantId: Int64, at now: String) throws -> Int {
        let quotes = try Row.fetchAll(
            db,
            sql:
                "SELECT updateId, inData, published, redacted, renditionId FROM publishedQuote WHERE participantId = ?",
            arguments: [participantId])
        var updates = Set<Int64>()
        for quote in quotes {
            let updateId = try quote.read("updateId", as: Int64.self)
            let published = try quote.read("published", as: String.self)
            let redacted = try quote.read("redacted", as: String.self)
            if let rendition = try quote.read("renditionId", as: Int64?.self) {
                try db.execute(
                    sql: """
                        UPDATE updateRendition SET content = CAST(replace(CAST(content AS TEXT), ?, ?) AS BLOB),
                            redactedAt = ?
                        WHERE id = ?
                        """, arguments: [published, redacted, now, rendition])
                updates.insert(updateId)
                continue
            }
            let column = try quote.read("inData", as: Bool.self) ? "data" : "content"
            try db.execute(
                sql: """
                    UPDATE publishedUpdate SET \(column) = CAST(replace(CAST(\(column) AS TEXT), ?, ?) AS BLOB),
                        redactedAt = ?
                    WHERE id = ?
                    """, arguments: [published, redacted, now, updateId])
            updates.insert(updateId)
        }
        try db.execute(sql: "DELETE FROM publishedQuote WHERE participantId = ?", arguments: [participantId])
        return updates.count
    }
}
