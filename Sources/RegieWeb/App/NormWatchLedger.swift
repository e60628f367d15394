import RegieCore

/// The networks a norm watch round went through on this server, each with what the round judged: the network's
/// fact stamp, the day, and the network's settings and profile. Everything the watch does is derived from those —
/// rungs, aftercare checks and the purge are due on days, from recorded facts — so a network unchanged since its
/// last round on the same day would give the same answers and is skipped. At region scale a full round keeps a
/// core busy for many seconds; every minute, that was most of a core. Per server and in memory: a restarted or
/// second server goes through every network once, and the dedupe keys keep that harmless.
actor NormWatchLedger {
    /// What one network's round judged.
    struct Judged: Equatable {
        let stamp: String
        let day: Day
        let network: Network
        let profile: WorkflowProfile
    }

    private var judged: [NetworkID: Judged] = [:]

    /// Whether the network was gone through on exactly these facts, day and settings.
    func isSettled(_ round: Judged) -> Bool { judged[round.network.id] == round }

    /// Records a network's round once it completed; a round that failed is not recorded, so it is tried again.
    func settle(_ round: Judged) { judged[round.network.id] = round }
}
