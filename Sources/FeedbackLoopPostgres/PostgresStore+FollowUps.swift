import FeedbackLoop
import FeedbackLoopStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Participants owed a personal follow-up for the activity, with their private contact details and
    /// the themes their views fed into, by ref; those with no usable contact are included.
    public func followUpRecipients(ref: String) async throws -> [FollowUpRecipient] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            let sql = """
                SELECT p.id, p.ref, pc.prefers, pc.email, pc.phone, pc.address, pc.name, pc.salutation, pc.failedChannel, pc.language,
                    (SELECT string_agg(DISTINCT t.key, chr(31) ORDER BY t.key) FROM contribution c
                     JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                     WHERE c.activityId = $1 AND c.participantId = p.id AND c.themeLinks > 0) AS themes,
                    (SELECT json_build_array(f.sent, u.number, f.themes::json)::text FROM followUp f
                     LEFT JOIN publishedUpdate u ON u.id = f.updateId
                     WHERE f.activityId = $1 AND f.participantId = p.id ORDER BY f.id DESC LIMIT 1) AS lastSent
                FROM participant p LEFT JOIN participantContact pc ON pc.participantId = p.id
                WHERE p.id IN (SELECT participantId FROM contribution
                               WHERE activityId = $1 AND participantId IS NOT NULL AND themeLinks > 0)
                  AND \(FollowUpRule.owedSQL(activity: "$1"))
                ORDER BY p.ref COLLATE "C"
                """
            return try await session.rows(PostgresQuery(unsafeSQL: sql, binds: Self.bindings(activityId))).map { row in
                var recipient = FollowUpRecipient(
                    participantId: try row.read("id"), ref: try row.read("ref"),
                    prefers: try row.read("prefers", as: String?.self).map {
                        try PreferredFormat.stored($0, column: "prefers")
                    },
                    name: try row.read("name"), email: try row.read("email"), phone: try row.read("phone"),
                    address: try row.read("address"),
                    themes: try row.read("themes", as: String?.self)?.split(separator: "\u{1F}").map(String.init) ?? [])
                recipient.salutation = try row.read("salutation")
                recipient.language = try row.read("language", as: String?.self)
                recipient.failedChannel = try row.read("failedChannel", as: String?.self).flatMap(
                    SendingChannel.init(rawValue:))
                if let text = try row.read("lastSent", as: String?.self) {
                    guard let last = try? JSONDecoder().decode(LastFollowUp.self, from: Data(text.utf8)) else {
                        throw StoreError.unreadable(column: "lastSent")
                    }
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
    ) async throws {
        let sql = """
            INSERT INTO followUp (activityId, participantId, updateId, format, sent, signature, themes)
            SELECT $1, p.id, (SELECT id FROM publishedUpdate WHERE activityId = $1 ORDER BY number DESC LIMIT 1),
                $3, $4, coalesce(\(AnswerSignature.participant(activity: "$1", participant: "p.id")), ''),
                (SELECT coalesce(json_agg(key ORDER BY key), '[]'::json)::text FROM (
                     SELECT DISTINCT t.key COLLATE "C" AS key FROM contribution c
                     JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                     WHERE c.activityId = $1 AND c.participantId = p.id AND c.themeLinks > 0) AS told)
            FROM participant p WHERE p.id = $2
            """
        try await writing { session in
            let activityId = try await Self.activityId(session, ref: ref)
            for item in sent {
                var bindings = PostgresBindings()
                bindings.append(activityId)
                bindings.append(item.participantId)
                bindings.append(item.format.rawValue)
                bindings.append(day.description)
                try await session.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
            }
        }
    }

    /// Each participant's latest follow-up for an activity, newest first.
    public func givenFollowUps(ref: String) async throws -> [GivenFollowUp] {
        try await reading { session in
            let activityId = try await Self.activityId(session, ref: ref)
            return try await session.rows(
                """
                SELECT p.ref, f.sent, f.format FROM followUp f JOIN participant p ON p.id = f.participantId
                WHERE f.activityId = \(activityId) AND f.id = (
                    SELECT max(id) FROM followUp WHERE activityId = f.activityId AND participantId = f.participantId)
                ORDER BY f.sent DESC, p.ref COLLATE "C"
                """
            ).map { row in
                GivenFollowUp(
                    ref: try row.read("ref"),
                    sent: try CalendarDate.parse(try row.read("sent", as: String.self), field: "followUp.sent"),
                    format: try PreferredFormat.parse(try row.read("format", as: String.self), field: "followUp.format")
                )
            }
        }
    }
}
