/// The process phase a household is in; access narrows or widens with it.
public enum CasePhase: String, Sendable, Codable, CaseIterable {
    /// A signal is received and not yet decided on (steps 1–2).
    case intake
    /// Partners are asked what they know (step 3).
    case informationRound = "information_round"
    /// Coordinated in the network: picture, plan, execution, evaluation (steps 4–7).
    case active
    /// Closed and followed up (step 9).
    case aftercare
    /// Closed, with the aftercare period over.
    case closed
}
