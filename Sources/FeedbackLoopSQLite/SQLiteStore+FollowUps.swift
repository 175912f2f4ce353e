import FeedbackLoop
import FeedbackLoopStore
import Foundation
import GRDB

extension SQLiteStore {
    /// The condition that a participant (`p`) has been sent a follow-up for activity `activity` since
    /// the answers to their themes last changed.
    static func followUpCurrent(activity: String) -> String {
        """
        EXISTS (SELECT 1 FROM followUp f WHERE f.activityId = \(activity) AND f.participantId = p.id
                AND f.signature = \(AnswerSignature.participant(activity: activity, participant: "p.id"))
                AND (f.deliveryId IS NULL OR NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = f.deliveryId
                     AND d.status IN ('permanent-failure', 'returned'))))
        """
    }

    /// Participants owed a personal follow-up for the activity (DOMAIN.md: "Who is owed a personal
    /// follow-up"), with their private contact details and the themes their views fed into, by ref.
    /// Those with no usable contact for their format are included: the caller lists them as unreachable.
    /// (Each theme query says `themeLinks > 0`, true of every contribution in a theme, so SQLite
    /// reads the participant's themed contributions through their partial index.)
    public func followUpRecipients(ref: String) async throws -> [FollowUpRecipient] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.ref, pc.prefers, pc.email, pc.phone, pc.address, pc.name, pc.salutation, pc.failedChannel, pc.language,
                        (SELECT group_concat(key, char(31)) FROM (
                             SELECT DISTINCT t.key FROM contribution c
                             JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                             WHERE c.activityId = :a AND c.participantId = p.id AND c.themeLinks > 0 ORDER BY t.key)) AS themes,
                        (SELECT json_array(f.sent, u.number, json(f.themes)) FROM followUp f
                         LEFT JOIN publishedUpdate u ON u.id = f.updateId
                         WHERE f.activityId = :a AND f.participantId = p.id ORDER BY f.id DESC LIMIT 1) AS lastSent
                    FROM participant p LEFT JOIN participantContact pc ON pc.participantId = p.id
                    WHERE p.id IN (SELECT participantId FROM contribution INDEXED BY contribution_activity_participant
                                   WHERE activityId = :a AND participantId IS NOT NULL AND themeLinks > 0)
                      AND \(FollowUpRule.owedSQL(activity: ":a"))
                    ORDER BY p.ref
                    """, arguments: ["a": activityId])
            return try rows.map { row in
                let prefers = try row.read("prefers", as: String?.self)
                var recipient = FollowUpRecipient(
                    participantId: try row.read("id"), ref: try row.read("ref"),
                    prefers: try prefers.map { value throws(StoreError) in
                        guard let format = PreferredFormat(rawValue: value) else {
                            throw .unreadable(column: "prefers")
                        }
                        return format
                    },
                    name: try row.read("name"), email: try row.read("email"), phone: try row.read("phone"),
                    address: try row.read("address"),
                    themes: try row.read("themes", as: String?.self)?.split(separator: "\u{1F}").map(String.init) ?? [])
                recipient.salutation = try row.read("salutation")
                recipient.language = try row.read("language", as: String?.self)
                recipient.failedChannel = try row.read("failedChannel", as: String?.self).flatMap(
                    SendingChannel.init(rawValue:))
                if let last = try row.readJSON("lastSent", as: LastFollowUp?.self, empty: nil) {
                    recipient.lastSent = try? CalendarDate.parse(last.sent, field: "date")
                    recipient.lastUpdate = last.update
                    recipient.toldThemes = last.themes
                }
                return recipient
            }
        }
    }

    /// Records follow-ups as sent, which closes those participants' part of the loop until the
    /// answers to their themes change.
    public func recordFollowUps(
        ref: String, _ sent: [(participantId: Int64, format: PreferredFormat)], on day: CalendarDate
    )
        async throws
    {
        try await writing { db in
            let activityId = try Self.activityId(db, ref: ref)
            for item in sent {
                try db.execute(
                    sql: """
                        INSERT INTO followUp (activityId, participantId, updateId, format, sent, signature, themes)
                        SELECT :a, p.id,
                            (SELECT id FROM publishedUpdate WHERE activityId = :a ORDER BY number DESC LIMIT 1),
                            :format, :sent, coalesce(\(AnswerSignature.participant(activity: ":a", participant: "p.id")), ''),
                            (SELECT json_group_array(key) FROM (
                                 SELECT DISTINCT t.key FROM contribution c
                                 JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                                 WHERE c.activityId = :a AND c.participantId = p.id AND c.themeLinks > 0 ORDER BY t.key))
                        FROM participant p WHERE p.id = :p
                        """,
                    arguments: [
                        "a": activityId, "p": item.participantId, "format": item.format.rawValue,
                        "sent": day.description,
                    ])
            }
        }
    }
}

extension SQLiteStore {
    /// Each participant's latest follow-up for an activity, newest first.
    public func givenFollowUps(ref: String) async throws -> [GivenFollowUp] {
        try await reading { db in
            let activityId = try Self.activityId(db, ref: ref)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT p.ref, f.sent, f.format FROM followUp f JOIN participant p ON p.id = f.participantId
                    WHERE f.activityId = ? AND f.id = (
                        SELECT max(id) FROM followUp WHERE activityId = f.activityId AND participantId = f.participantId)
                    ORDER BY f.sent DESC, p.ref
                    """, arguments: [activityId]
            ).map { row in
                // The table's checks keep both to their forms: a failure here is a damaged record.
                GivenFollowUp(
                    ref: try row.read("ref"),
                    sent: try CalendarDate.parse(try row.read("sent", as: String.self), field: "followUp.sent"),
                    format: try PreferredFormat.parse(try row.read("format", as: String.self), field: "followUp.format")
                )
            }
        }
    }
}
