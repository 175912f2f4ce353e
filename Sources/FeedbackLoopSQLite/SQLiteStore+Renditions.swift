import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Adds renditions to update `number` of the activity, with the privacy waivers given for them,
    /// in one write: the same update in other formats (or languages). Only while the record still
    /// says what the update said: `data` (the new rendering's open data, as of the update's day) must
    /// equal the update's own.
    /// - Throws: ``StoreError/updateOutdated(activity:number:)`` when the record has changed since, and
    ///   ``StoreError/renditionExists(activity:number:format:)`` when it has one of them already.
    @discardableResult
    public func addRenditions(
        ref: String, number: Int, data: Data, _ renditions: [RenditionRecording], waivers: [PrivacyWaiver]
    ) async throws -> PublishedUpdate {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, format, data FROM publishedUpdate WHERE activityId = ? AND number = ?",
                    arguments: [activityId, number])
            else {
                let count =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM publishedUpdate WHERE activityId = ?", arguments: [activityId])
                    ?? 0
                throw StoreError.unknownUpdate(activity: ref, number: number, count: count)
            }
            let updateId: Int64 = try row.read("id")
            for rendition in renditions {
                let latest = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT revision, sha256 FROM updateRendition WHERE updateId = ? AND format = ? AND language = ?
                        ORDER BY revision DESC LIMIT 1
                        """, arguments: [updateId, rendition.format, rendition.language])
                let newest: (Int, String)? = try latest.map { (try $0.read("revision"), try $0.read("sha256")) }
                let revision = RenditionRecording.revision(
                    after: newest, mainFormat: try row.read("format"), rendition)
                guard let revision else {
                    throw StoreError.renditionExists(activity: ref, number: number, format: rendition.format)
                }
                guard (try row.read("data", as: Data.self)) == data else {
                    throw StoreError.updateOutdated(activity: ref, number: number)
                }
                try Self.insertRendition(db, updateId: updateId, rendition, revision: revision)
            }
            try Self.recordWaivers(db, activityId: activityId, waivers)
            return try Self.updates(db, condition: "u.id = ?", arguments: [updateId])[0]
        }
    }

    static func insertRendition(_ db: Database, updateId: Int64, _ rendition: RenditionRecording, revision: Int = 1)
        throws
    {
        try db.execute(
            sql: """
                INSERT INTO updateRendition (updateId, format, language, revision, recordedAt, recordedBy, sha256,
                    content)
                VALUES (?, ?, ?, ?, yswd_now(), yswd_actor(), ?, ?)
                """,
            arguments: [updateId, rendition.format, rendition.language, revision, rendition.sha256, rendition.bytes])
        let renditionId = db.lastInsertedRowID
        for quote in rendition.quotes where !quote.inData {
            try db.execute(
                sql: """
                    INSERT INTO publishedQuote (updateId, participantId, inData, published, redacted, renditionId)
                    VALUES (?, ?, 0, ?, ?, ?)
                    """, arguments: [updateId, quote.participantId, quote.published, quote.redacted, renditionId])
        }
    }
}
