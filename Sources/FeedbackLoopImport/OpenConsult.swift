import FeedbackLoop

/// The OpenConsult open-data datasets: consultations, and their status changes.
public enum OpenConsult {
    /// One consultation: an activity and where its loop stands.
    public struct Consultation: Sendable, Equatable {
        public var id: String
        public var title: String
        public var description: String
        public var state: LoopState
        /// When it was first recorded.
        public var recorded: CalendarDate?
        public var opens: CalendarDate?
        public var closes: CalendarDate?

        public init(
            id: String, title: String, description: String, state: LoopState, recorded: CalendarDate? = nil,
            opens: CalendarDate? = nil, closes: CalendarDate? = nil
        ) {
            self.id = id
            self.title = title
            self.description = description
            self.state = state
            self.recorded = recorded
            self.opens = opens
            self.closes = closes
        }
    }

    /// OpenConsult's status for a loop state: planned is Planned, collecting Active, reopened
    /// Re-opened, and every later state Completed.
    public static func mapped(_ state: LoopState) -> String {
        switch state {
        case .planned: "Planned"
        case .collecting: "Active"
        case .reopened: "Re-opened"
        case .awaitingResponse, .readyToPublish, .followingUp, .closed: "Completed"
        }
    }

    /// The core consultations dataset. `organisation` names each consultation's organisation (the
    /// activity's own, else the team's name).
    public static func consultationsCSV(_ consultations: [Consultation], organisation: (Consultation) -> String?)
        -> String
    {
        let header = [
            "ConsultationId", "Title", "StatusCurrent", "Description", "OrganizationName", "StatusCurrentMapped",
        ]
        return
            ([header]
            + consultations.map {
                [$0.id, $0.title, $0.state.rawValue, $0.description, organisation($0) ?? "", mapped($0.state)]
            }).map { CSVWriter.line($0) }.joined()
    }

    /// The status-changes dataset: when each consultation was recorded (planned, or collecting if
    /// already open), opened, and moved on from collecting, as far as the record tells.
    public static func statusChangesCSV(_ consultations: [Consultation], asOf today: CalendarDate) -> String {
        var rows = [["ConsultationId", "Status", "StatusDate", "StatusMapped"]]
        for consultation in consultations {
            var changes: [(LoopState, CalendarDate)] = []
            if let recorded = consultation.recorded {
                let opened = consultation.opens.map { $0 <= recorded } ?? true
                changes.append((opened ? .collecting : .planned, recorded))
            }
            if let opens = consultation.opens, opens <= today, changes.last?.0 != .collecting {
                changes.append((.collecting, opens))
            }
            if consultation.state > .collecting, let closes = consultation.closes, closes < today {
                changes.append((consultation.state, closes.adding(days: 1)))
            }
            for (state, date) in changes {
                rows.append([consultation.id, state.rawValue, date.description, mapped(state)])
            }
        }
        return rows.map { CSVWriter.line($0) }.joined()
    }
}
