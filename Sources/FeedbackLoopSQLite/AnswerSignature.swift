/// SQL for a theme's answer "signature": its statement and every decision and explanation that
/// answers it, as one text that changes whenever any of them does. A recorded update keeps the
/// signatures it reported; the loop rules compare them with today's to tell whether the latest update
/// still covers the record, and a follow-up keeps its participant's, to tell whether they are owed another.
///
/// An easy-read wording joins the signature only when one is recorded, so the signatures kept before
/// easy-read wordings existed still match an unchanged answer.
///
/// Plain SQL with no yswd functions, so the sqlite3 shell can run the loops benchmark query too.
enum AnswerSignature {
    /// One theme's signature; the theme is aliased `alias`.
    static func theme(_ alias: String) -> String {
        """
        (\(alias).key || char(31) || \(alias).said || coalesce(char(31) || \(alias).easyRead, '') || char(30)
         || coalesce((SELECT group_concat(part, char(29)) FROM (
             SELECT d.id || char(31) || dt.outcome || char(31) || d.status || char(31) || coalesce(d.due, '')
                 || char(31) || d.text || char(31) || coalesce(d.impact, '') || coalesce(char(31) || d.easyRead, '')
                 AS part
             FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId WHERE dt.themeId = \(alias).id ORDER BY d.id)), '')
         || char(30) || coalesce((SELECT e.reason || char(31) || e.why || coalesce(char(31) || e.easyRead, '')
                                  FROM explanation e WHERE e.themeId = \(alias).id), ''))
        """
    }

    /// The signatures of every theme of an activity, in theme order; `activity` is an SQL expression.
    static func activity(_ activity: String) -> String {
        """
        (SELECT group_concat(signature, char(28)) FROM (
             SELECT \(theme("st")) AS signature FROM theme st WHERE st.activityId = \(activity) ORDER BY st.id))
        """
    }

    /// The signatures of the themes a participant's contributions to an activity fed into. (A
    /// contribution in a theme has `themeLinks > 0`: saying so lets SQLite use the partial index of
    /// themed contributions by activity and participant, rather than read every contribution of the
    /// activity for each participant.)
    static func participant(activity: String, participant: String) -> String {
        """
        (SELECT group_concat(signature, char(28)) FROM (
             SELECT \(theme("pt")) AS signature FROM theme pt
             WHERE pt.id IN (SELECT tc.themeId FROM contribution pc
                             JOIN themeContribution tc ON tc.contributionId = pc.id
                             WHERE pc.activityId = \(activity) AND pc.participantId = \(participant)
                               AND pc.themeLinks > 0)
             ORDER BY pt.id))
        """
    }
}
