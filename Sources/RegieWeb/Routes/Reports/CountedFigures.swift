import RegieCore

/// Figures with their tally and the fact stamp they were counted at, to count on from after a change: the changed
/// households' old shares out, their new ones in.
struct CountedFigures: Sendable {
    let stamp: String
    let tally: FigureTally
    let figures: NetworkFigures

    init(stamp: String, tally: FigureTally) {
        (self.stamp, self.tally, figures) = (stamp, tally, tally.figures)
    }

    /// The figures of `reading`, counted on from `earlier` (a count of the same period, profiles and day) where the
    /// reading built on the one `earlier` was counted from, else afresh.
    static func count(
        _ reading: FigureFactsLedger.Reading, on earlier: CountedFigures?, period: ReportPeriod,
        profiles: (NetworkID) -> WorkflowProfile?, calendar: WorkingDayCalendar, today: Day
    ) -> CountedFigures {
        if let earlier, let change = reading.change, change.since == earlier.stamp {
            var tally = earlier.tally
            for household in change.households {
                if let old = change.before[household] { tally.remove(old, profile: profiles(old.network)) }
                if let new = reading.facts[household] { tally.add(new, profile: profiles(new.network)) }
            }
            return CountedFigures(stamp: reading.stamp, tally: tally)
        }
        var tally = FigureTally(period: period, calendar: calendar, today: today)
        for fact in reading.facts.values { tally.add(fact, profile: profiles(fact.network)) }
        return CountedFigures(stamp: reading.stamp, tally: tally)
    }
}
