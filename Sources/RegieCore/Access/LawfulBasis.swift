/// The legal ground on which a household's data is shared in the care team (AVG art. 6 and 9).
public enum LawfulBasis: String, Sendable, Codable, CaseIterable {
    /// The household (or its representative) consented, per recipient organisation.
    case consent
    /// Sharing without consent to protect a child (meldcode, Jeugdwet).
    case childSafety = "child_safety"
    /// A public task laid down by law (Wmo, Participatiewet).
    case legalTask = "legal_task"
    /// The Wet gemeentelijke schuldhulpverlening.
    case wgs
    /// Another basis, explained in text on the case.
    case other
}
