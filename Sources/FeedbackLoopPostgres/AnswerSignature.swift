/// SQL for a theme's answer "signature" in PostgreSQL's dialect: the same text, byte for byte, as
/// the SQLite engine's `AnswerSignature` (FeedbackLoopSQLite), so a record copied between engines
/// reads the same loops. The theme's statement, easy-read wording, every decision and explanation
/// that answers it, joined by the control characters 28 to 31.
enum AnswerSignature {
    /// One theme's signature; the theme is aliased `alias`.
    static func theme(_ alias: String) -> String {
        """
        (\(alias).key || chr(31) || \(alias).said || coalesce(chr(31) || \(alias).easyRead, '') || chr(30)
         || coalesce((SELECT string_agg(
                 d.id::text || chr(31) || dt.outcome || chr(31) || d.status || chr(31) || coalesce(d.due, '')
                 || chr(31) || d.text || chr(31) || coalesce(d.impact, '') || coalesce(chr(31) || d.easyRead, ''),
                 chr(29) ORDER BY d.id)
             FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId WHERE dt.themeId = \(alias).id), '')
         || chr(30) || coalesce((SELECT e.reason || chr(31) || e.why || coalesce(chr(31) || e.easyRead, '')
                                 FROM explanation e WHERE e.themeId = \(alias).id), ''))
        """
    }

    /// The signatures of every theme of an activity, in theme order; `activity` is an SQL expression.
    static func activity(_ activity: String) -> String {
        """
        (SELECT string_agg(\(theme("st")), chr(28) ORDER BY st.id) FROM theme st WHERE st.activityId = \(activity))
        """
    }

    /// The signatures of the themes a participant's contributions to an activity fed into.
    static func participant(activity: String, participant: String) -> String {
        """
        (SELECT string_agg(\(theme("pt")), chr(28) ORDER BY pt.id) FROM theme pt
         WHERE pt.id IN (SELECT tc.themeId FROM contribution pc
                         JOIN themeContribution tc ON tc.contributionId = pc.id
                         WHERE pc.activityId = \(activity) AND pc.participantId = \(participant)
                           AND pc.themeLinks > 0))
        """
    }
}
