/// What a user wants to do with a household's data; the access policy decides per action.
///
/// The actions follow the privacy rule "minimal data per phase": seeing who is involved is less than
/// seeing an intake, which is less than seeing the whole file.
public enum AccessAction: String, Sendable, Codable, CaseIterable {
    /// See which organisations are involved and whether a case is open — no content (Verwijsindex-like).
    case whoIsInvolved = "who_is_involved"
    /// See process facts: dates, statuses, overdue norms, escalations — never content.
    case viewProcess = "view_process"
    /// See what an eligibility decision or an information-round answer needs.
    case viewIntake = "view_intake"
    /// See the household's file: persons, picture, plan, notes.
    case viewContent = "view_content"
    /// See one's own part of the file: the members, one's organisation's commitments, the goals they serve
    /// and one's organisation's progress notes — what a partner sees unless the care team agreed to share.
    case viewOwnPart = "view_own_part"
    /// Add to one's own part: answer a commitment, record progress on it, answer an aftercare check.
    case addToOwnPart = "add_to_own_part"
    /// Bring in a signal about a household.
    case createSignal = "create_signal"
    /// Enter minutes or signals on behalf of someone else (support staff).
    case recordOnBehalf = "record_on_behalf"
    /// Change the household's file (plan, notes, commitments).
    case update
    /// Take a process decision (eligibility, coordination, appointing, escalating, closing).
    case decide
    /// Take data out of Regie (print, CSV, data-subject export).
    case export

    /// Whether the action reveals content beyond process facts.
    public var touchesContent: Bool {
        switch self {
        case .whoIsInvolved, .viewProcess, .createSignal: return false
        default: return true
        }
    }
}
