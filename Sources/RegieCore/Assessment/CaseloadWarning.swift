/// Each case director's number of households against the profile's maximum (Amsterdam: ≤ 10 per
/// gezinsmanager, seed-003 §6). A warning, never a block: the network director decides.
public struct CaseloadWarning: Sendable, Hashable {
    public let households: Int
    public let maximum: Int?

    public init(households: Int, profile: WorkflowProfile) {
        self.households = households
        self.maximum = profile.caseloadMaximum
    }

    public var isAboveMaximum: Bool { maximum.map { households > $0 } ?? false }

    /// Whether one more household would go above the maximum, for the appointment form.
    public var wouldExceedWithOneMore: Bool { maximum.map { households + 1 > $0 } ?? false }
}
