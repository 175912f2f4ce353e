import FeedbackLoop
import Foundation

/// Participants, their private contact details and erasure.
public protocol ParticipantStore: Sendable {
    /// Records a participant and, apart from them, their private contact details.
    @discardableResult
    func addParticipant(_ participant: Participant, contact: ParticipantContact) async throws -> Participant

    /// Changes a participant's consents and contact details in one transaction.
    func updateParticipant(
        ref: String, _ change: @escaping @Sendable (inout Participant, inout ParticipantContact) throws -> Void)
        async throws

    /// Participants, ordered by ref; `wantsFeedback` keeps only those who asked to hear back.
    func participants(wantsFeedback: Bool) async throws -> [ParticipantSummary]

    /// Erases a participant's contact details, and every trace of them in history. With
    /// `contributions`, also redacts the text of what they said; their theme links and counts stay.
    ///
    /// Afterwards the write-ahead log is checkpointed so no copy of the details stays in the files.
    /// History records the erasure as incomplete until that is done.
    /// - Throws: ``ErasureIncomplete`` when another connection's read kept the checkpoint from
    ///   finishing within ``erasureTimeout``: the record is erased, but a copy may remain in the files
    ///   until ``finishErasure(ref:)`` succeeds.
    @discardableResult
    func eraseParticipant(ref: String, contributions: Bool) async throws -> ErasureReport

    /// Finishes an erasure that ``eraseParticipant(ref:contributions:)`` could not: removes the
    /// last copies of the erased values from the database files.
    /// - Returns: whether an incomplete erasure was finished (false when none was waiting).
    /// - Throws: ``ErasureIncomplete`` when another connection still keeps the files from being
    ///   cleaned; ``StoreError/notErased(_:)`` for a participant who was never erased.
    @discardableResult
    func finishErasure(ref: String) async throws -> Bool
}

extension ParticipantStore {
    public func participants(wantsFeedback: Bool = false) async throws -> [ParticipantSummary] {
        try await participants(wantsFeedback: wantsFeedback)
    }
}
