import Foundation
import RegieCore
import RegieStore

extension EscalationStore.Escalation {
    /// The escalation's clock in `profile` and every rung it has stood on up to `today` (or its decision).
    func course(in profile: WorkflowProfile, calendar: WorkingDayCalendar, today: Day) -> (
        clock: EscalationClock, steps: [EscalationClock.Step]
    ) {
        let clock = EscalationClock(ladder: kind.ladder(in: profile), calendar: calendar)
        return (clock, clock.steps(recorded: recorded, decidedOn: decidedOn, today: today))
    }

    /// "2. Stuurgroep": the number and name of a rung on this escalation's ladder.
    func rungName(_ step: EscalationClock.Step?, clock: EscalationClock) -> String {
        step.map { "\($0.rung + 1). \(clock.ladder[$0.rung].name)" } ?? "—"
    }
}
