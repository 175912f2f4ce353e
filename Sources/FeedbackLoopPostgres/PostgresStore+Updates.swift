import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records privacy findings waived after review in history, for an output that is not itself recorded.
    public func recordWaivers(ref: String, _ waivers: [PrivacyWaiver]) async throws {
        guard !waivers.isEmpty else { return }
        try await writing { session in
            try await Self.recordWaivers(session, activityId: try await Self.activityId(session, ref: ref), waivers)
        }
    }

    static func recordWaivers(_ session: PostgresSession, activityId: Int64, _ waivers: [PrivacyWaiver]) async throws {
        for waiver in waivers {
            try await session.execute(
                """
                INSERT INTO history (at, actor, action, entity, entityId, activityId, before, after)
                VALUES (yswd_now(), yswd_actor(), 'insert', 'privacyWaiver', NULL, \(activityId), NULL,
                        json_build_object('finding', \(waiver.id)::text, 'kind', \(waiver.kind)::text,
                                          'location', \(waiver.location)::text)::text)
                """)
        }
    }

    /// Records a published update, immutably, with the themes it reported and the answer each had.
    @discardableResult
    public func recordUpdate(ref: String, _ recording: UpdateRecording) async throws -> PublishedUpdate {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            guard
                try await Self.answerSignatures(session, activityId: activityId) == recording.snapshot.answerSignatures
            else { throw StoreError.recordChanged(ref) }
            // One update at a time per activity gets the next number, whichever server records it.
            try await session.execute(
                "SELECT pg_advisory_xact_lock(hashtext('yswd update'), \(Int32(truncatingIfNeeded: activityId)))")
            let number = try await session.count(
                "SELECT coalesce(max(number), 0) + 1 AS n FROM publishedUpdate WHERE activityId = \(activityId)")
            let channels = String(decoding: try JSONEncoder().encode(recording.channels.map(\.rawValue)), as: UTF8.self)
            var bindings = PostgresBindings()
            bindings.append(activityId)
            bindings.append(Int64(number))
            bindings.append(recording.snapshot.asOf.description)
            bindings.append(recording.format)
            bindings.append(channels)
            bindings.append(recording.sha256)
            bindings.append(ByteBuffer(bytes: recording.bytes))
            bindings.append(ByteBuffer(bytes: recording.data))
            guard
                let updateId = try await session.value(
                    "id", as: Int64.self,
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO publishedUpdate (activityId, number, published, recordedAt, recordedBy, format,
                                channels, sha256, content, data, coverage)
                            VALUES ($1, $2, $3, yswd_now(), yswd_actor(), $4, $5, $6, $7, $8,
                                    coalesce(\(AnswerSignature.activity("$1::bigint")), ''))
                            RETURNING id
                            """, binds: bindings))
            else { throw StoreError.unreadable(column: "publishedUpdate.id") }
            for theme in recording.snapshot.record.themes {
                var binds = PostgresBindings()
                binds.append(updateId)
                binds.append(theme.answer.rawValue)
                binds.append(activityId)
                binds.append(theme.key)
                try await session.execute(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO publishedUpdateTheme (updateId, themeId, key, said, answer, signature)
                            SELECT $1, id, key, said, $2, \(AnswerSignature.theme("t")) FROM theme t
                            WHERE activityId = $3 AND key = $4
                            """, binds: binds))
            }
            for quote in recording.quotes {
                try await session.execute(
                    """
                    INSERT INTO publishedQuote (updateId, participantId, inData, published, redacted)
                    VALUES (\(updateId), \(quote.participantId), \(quote.inData ? 1 : 0), \(quote.published), \(quote.redacted))
                    """)
            }
            for rendition in recording.renditions
            where (rendition.format, rendition.language) != (recording.format, "en") {
                try await Self.insertRendition(session, updateId: updateId, rendition)
            }
            try await Self.recordWaivers(session, activityId: activityId, recording.waivers)
            return try await Self.updates(session, updateId: updateId)[0]
        }
    }

    /// The activity's recorded updates, numbered from 1.
    public func updates(ref: String) async throws -> [PublishedUpdate] {
        try await reading { session in
            try await Self.updates(session, activityId: try await Self.activityId(session, ref: ref))
        }
    }

    /// Update `number` of the activity.
    public func update(ref: String, number: Int) async throws -> PublishedUpdate {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            guard let update = try await Self.updates(session, activityId: activityId, number: number).first else {
                let count = try await session.count(
                    "SELECT count(*) AS n FROM publishedUpdate WHERE activityId = \(activityId)")
                throw StoreError.unknownUpdate(activity: ref, number: number, count: count)
            }
            return update
        }
    }

    /// Every recorded update of every activity, for the website.
    public func allUpdates() async throws -> [PublishedUpdate] {
        try await reading { session in try await Self.updates(session) }
    }

    /// Adds renditions to update `number` of the activity while the record still says what it said.
    @discardableResult
    public func addRenditions(
        ref: String, number: Int, data: Data, _ renditions: [RenditionRecording], waivers: [PrivacyWaiver]
    ) async throws -> PublishedUpdate {
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            guard
                let row = try await session.rows(
                    "SELECT id, format, data FROM publishedUpdate WHERE activityId = \(activityId) AND number = \(number)"
                ).first
            else {
                let count = try await session.count(
                    "SELECT count(*) AS n FROM publishedUpdate WHERE activityId = \(activityId)")
                throw StoreError.unknownUpdate(activity: ref, number: number, count: count)
            }
            let updateId: Int64 = try row.read("id")
            let stored = Data(try row.read("data", as: ByteBuffer.self).readableBytesView)
            for rendition in renditions {
                let latest = try await session.rows(
                    """
                    SELECT revision, sha256 FROM updateRendition
                    WHERE updateId = \(updateId) AND format = \(rendition.format) AND language = \(rendition.language)
                    ORDER BY revision DESC LIMIT 1
                    """
                ).first
                let revision = try RenditionRecording.revision(
                    after: try latest.map { (Int(try $0.read("revision", as: Int64.self)), try $0.read("sha256")) },
                    mainFormat: try row.read("format"), rendition)
                guard let revision else {
                    throw StoreError.renditionExists(activity: ref, number: number, format: rendition.format)
                }
                guard stored == data else { throw StoreError.updateOutdated(activity: ref, number: number) }
                try await Self.insertRendition(session, updateId: updateId, rendition, revision: revision)
            }
            try await Self.recordWaivers(session, activityId: activityId, waivers)
            return try await Self.updates(session, updateId: updateId)[0]
        }
    }

    static func insertRendition(
        _ session: PostgresSession, updateId: Int64, _ rendition: RenditionRecording, revision: Int = 1
    ) async throws {
        guard
            let renditionId = try await session.value(
                "id", as: Int64.self,
                """
                INSERT INTO updateRendition (updateId, format, language, revision, recordedAt, recordedBy, sha256,
                    content)
                VALUES (\(updateId), \(rendition.format), \(rendition.language), \(Int64(revision)), yswd_now(), yswd_actor(),
                        \(rendition.sha256), \(ByteBuffer(bytes: rendition.bytes)))
                RETURNING id
                """)
        else { throw StoreError.unreadable(column: "updateRendition.id") }
        for quote in rendition.quotes where !quote.inData {
            try await session.execute(
                """
                INSERT INTO publishedQuote (updateId, participantId, inData, published, redacted, renditionId)
                VALUES (\(updateId), \(quote.participantId), 0, \(quote.published), \(quote.redacted), \(renditionId))
                """)
        }
    }

    /// Updates, with the themes each reported and its renditions: one, an activity's (or one of
    /// them), or every one.
    static func updates(
        _ session: PostgresSession, updateId: Int64? = nil, activityId: Int64? = nil, number: Int? = nil
    ) async throws -> [PublishedUpdate] {
        let rows = try await session.rows(
            """
            SELECT a.ref, a.title, a.service, u.id, u.number, u.published, u.recordedAt, u.format, u.channels,
                   u.sha256, u.content, u.data, u.redactedAt, u.recordedBy
            FROM publishedUpdate u JOIN activity a ON a.id = u.activityId
            WHERE (\(updateId)::bigint IS NULL OR u.id = \(updateId))
              AND (\(activityId)::bigint IS NULL OR u.activityId = \(activityId))
              AND (\(number.map(Int64.init))::bigint IS NULL OR u.number = \(number.map(Int64.init)))
            ORDER BY a.ref COLLATE "C", u.number
            """)
        var updates: [PublishedUpdate] = []
        for row in rows {
            let id = try row.read("id", as: Int64.self)
            // Reported themes are never changed or removed, so their physical order is their order.
            let themes = try await session.rows(
                "SELECT key, said, answer, signature FROM publishedUpdateTheme WHERE updateId = \(id) ORDER BY ctid")
            let channels = try row.readJSON("channels", as: [String].self)
            func bytes(_ column: String) throws -> Data {
                Data(try row.read(column, as: ByteBuffer.self).readableBytesView)
            }
            var update = PublishedUpdate(
                activityRef: try row.read("ref"), activityTitle: try row.read("title"),
                service: try row.read("service"),
                number: Int(try row.read("number", as: Int64.self)),
                published: try CalendarDate.stored(try row.read("published"), column: "published"),
                recordedAt: try row.read("recordedAt"), format: try row.read("format"),
                channels: channels.compactMap(FeedbackChannel.init(rawValue:)), sha256: try row.read("sha256"),
                bytes: try bytes("content"), data: try bytes("data"), redactedAt: try row.read("redactedAt"),
                themes: try themes.map { theme in
                    ReportedTheme(
                        key: try theme.read("key"), said: try theme.read("said"),
                        answer: try ThemeAnswer.stored(try theme.read("answer"), column: "answer"),
                        signature: try theme.read("signature"))
                }, recordedBy: try row.read("recordedBy"))
            update.renditions =
                [
                    Rendition(
                        format: update.format, sha256: update.sha256, bytes: update.bytes,
                        recordedAt: update.recordedAt, redactedAt: update.redactedAt)
                ]
                + (try await session.rows(
                    """
                    SELECT format, language, revision, sha256, content, recordedAt, redactedAt FROM updateRendition r
                    WHERE updateId = \(id) AND revision = (
                        SELECT max(revision) FROM updateRendition
                        WHERE updateId = r.updateId AND format = r.format AND language = r.language)
                    ORDER BY id
                    """
                ).map {
                    Rendition(
                        format: try $0.read("format"), language: try $0.read("language"), sha256: try $0.read("sha256"),
                        bytes: Data(try $0.read("content", as: ByteBuffer.self).readableBytesView),
                        recordedAt: try $0.read("recordedAt"), redactedAt: try $0.read("redactedAt"),
                        revision: Int(try $0.read("revision", as: Int64.self)))
                })
            updates.append(update)
        }
        return updates
    }
}

extension ThemeAnswer {
    /// A stored answer, or ``StoreError/unreadable(column:)``.
    static func stored(_ text: String, column: String) throws(StoreError) -> ThemeAnswer {
        guard let answer = ThemeAnswer(rawValue: text) else { throw .unreadable(column: column) }
        return answer
    }
}
