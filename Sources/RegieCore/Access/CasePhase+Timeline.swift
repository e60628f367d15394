extension CasePhase {
    /// Timeline event kinds that move a household into a phase. The phase is always derived from the
    /// timeline, never stored as a flag; capabilities that add phase changes add their kinds here.
    public static let entryEvents: [String: CasePhase] = [
        "household.created": .intake,
        "information_round.started": .informationRound,
        "triage.coordinate": .informationRound,
        "triage.refer_on": .closed,
        "triage.advice_only": .closed,
        "triage.no_help_needed": .closed,
        "case.opened": .active,
        "coordination.referred": .closed,
        "case.reopened": .active,
        "case.closed": .aftercare,
        "aftercare.ended": .closed,
    ]

    /// The phase after the given event kinds, oldest first; `intake` when none moves the phase.
    ///
    /// A new signal starts a new intake only when nothing is running: on an open case or in aftercare it is
    /// added to what is already happening (the aftercare capability decides about relapse).
    public static func derive(fromEventKinds kinds: [String]) -> CasePhase {
        kinds.reduce(CasePhase.intake) { phase, kind in
            if kind == "signal.received" { return phase == .closed ? .intake : phase }
            return entryEvents[kind] ?? phase
        }
    }
}
