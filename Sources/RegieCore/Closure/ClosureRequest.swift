/// What the network director records to close a case, checked by `problems` before anything is stored.
public struct ClosureRequest: Sendable, Hashable, Codable {
    /// The safety check before closing: is every member, and every child in particular, safe without the
    /// network?
    public enum SafetyCheck: String, Sendable, Codable, CaseIterable {
        case safe
        /// Not (yet) safe: the case cannot be closed.
        case unsafe
    }

    public let reason: ClosureReason
    public let closedOn: Day
    public let safety: SafetyCheck?
    public let safetyNote: String
    /// For `regularCare`: the director in regular care, and the organisation.
    public let regularDirector: String
    /// For `moved`: the municipality or network the household moved to.
    public let destination: String
    /// For `refuses`: how the household stays in view, or background presence instead of closing.
    public let staysInView: String
    public let note: String

    public init(
        reason: ClosureReason, closedOn: Day, safety: SafetyCheck?, safetyNote: String, regularDirector: String = "",
        destination: String = "", staysInView: String = "", note: String = ""
    ) {
        self.reason = reason
        self.closedOn = closedOn
        self.safety = safety
        self.safetyNote = safetyNote
        self.regularDirector = regularDirector
        self.destination = destination
        self.staysInView = staysInView
        self.note = note
    }

    /// Field problems; empty when the case may close. A case is never closed without a safety check that says
    /// every member is safe, and never in the future.
    public func problems(today: Day) -> [String: String] {
        var problems: [String: String] = [:]
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        switch safety {
        case nil: problems["closureSafety"] = "error.safety_check_required"
        case .unsafe: problems["closureSafety"] = "error.unsafe_cannot_close"
        case .safe: if blank(safetyNote) { problems["closureSafetyNote"] = "error.closure_safety_note" }
        }
        if closedOn > today { problems["closedOn"] = "error.date_future" }
        switch reason {
        case .regularCare where blank(regularDirector): problems["regularDirector"] = "error.regular_director"
        case .moved where blank(destination): problems["destination"] = "error.destination"
        case .refuses where blank(staysInView): problems["staysInView"] = "error.stays_in_view"
        case .other where blank(note): problems["note"] = "error.closure_note"
        default: break
        }
        return problems
    }
}
