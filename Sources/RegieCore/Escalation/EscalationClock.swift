/// Where an escalation stands on its ladder today (BRIEF.md step 7): each rung has its time to answer in the
/// profile; an escalation that is not decided when a rung's deadline passes rises to the next rung by itself,
/// from that deadline. Derived from the recorded steps and the working-day calendar — nothing is stored by a
/// timer, so every app server sees the same rung.
public struct EscalationClock: Sendable {
    /// A rung reached: recorded by a person or risen because the deadline passed.
    public struct Step: Sendable, Hashable {
        public let rung: Int
        public let from: Day
        public let deadline: Day
        public let automatic: Bool
    }

    public let ladder: [WorkflowProfile.Rung]
    public let calendar: WorkingDayCalendar

    public init(ladder: [WorkflowProfile.Rung], calendar: WorkingDayCalendar) {
        self.ladder = ladder
        self.calendar = calendar
    }

    /// Every rung the escalation has been on, oldest first. `recorded` are the (rung, day) steps people took,
    /// starting with the raise; `decidedOn` stops the clock.
    public func steps(recorded: [(rung: Int, on: Day)], decidedOn: Day?, today: Day) -> [Step] {
        guard !ladder.isEmpty else { return [] }
        let taken = recorded.sorted { ($0.on, $0.rung) < ($1.on, $1.rung) }
        var steps: [Step] = []
        let stop = decidedOn ?? today
        for (index, step) in taken.enumerated() {
            let rung = min(max(step.rung, 0), ladder.count - 1)
            steps.append(Step(rung: rung, from: step.on, deadline: deadline(rung, from: step.on), automatic: false))
            // Between two recorded steps, and after the last one, the deadline may have passed.
            let until = index + 1 < taken.count ? taken[index + 1].on : stop.adding(days: 1)
            while let current = steps.last, current.rung + 1 < ladder.count, current.deadline < min(until, stop) {
                let next = current.rung + 1
                let from = current.deadline.adding(days: 1)
                steps.append(Step(rung: next, from: from, deadline: deadline(next, from: from), automatic: true))
            }
        }
        return steps
    }

    /// Whether the top rung's deadline has passed without a decision.
    public func isOverdueAtTop(_ steps: [Step], decided: Bool, today: Day) -> Bool {
        guard !decided, let last = steps.last else { return false }
        return last.rung == ladder.count - 1 && last.deadline < today
    }

    private func deadline(_ rung: Int, from day: Day) -> Day {
        ladder[rung].answerWithin.dueDay(from: day, calendar: calendar)
    }
}
