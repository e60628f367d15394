extension CasePhase {
    /// Timeline event kinds that move a household into a phase. The phase is always derived from the
    /// timeline, never stored as a flag; capabilities that add phase changes add their kinds here.
    public static let entryEvents: [String: CasePhase] = [
        "household.created": .intake,
        "signal.received": .intake,
        "information_round.started": .informationRound,
        "case.opened": .active,
        "case.reopened": .active,
        "case.closed": .aftercare,
        "aftercare.ended": .closed,
    ]

    /// The phase after the given event kinds, oldest first; `intake` when none moves the phase.
    public static func derive(fromEventKinds kinds: [String]) -> CasePhase {
        kinds.reduce(CasePhase.intake) { phase, kind in entryEvents[kind] ?? phase }
    }
}
