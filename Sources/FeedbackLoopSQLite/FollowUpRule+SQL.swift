import FeedbackLoop
import FeedbackLoopStore

extension FollowUpRule {
    /// ``FollowUpRule/isOwed(_:)`` in SQL, for a participant aliased `p` with contact details `pc`
    /// (left-joined) and the activity `activity` (an SQL expression). The caller joins `p` to the
    /// activity's themed contributions, which is the rule's last condition. Every query that asks who
    /// is owed a follow-up uses this one fragment; RuleAgreementTests proves it agrees with Swift.
    static func owedSQL(activity: String) -> String {
        """
        p.wantsFeedback = 1 AND p.erasedAt IS NULL AND coalesce(pc.prefers, '') <> 'none'
        AND NOT \(SQLiteStore.followUpCurrent(activity: activity))
        """
    }
}
