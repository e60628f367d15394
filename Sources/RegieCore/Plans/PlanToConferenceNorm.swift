/// The norm for bringing the plan to the case conference: Enschede ≤ 10 working days after the case director
/// accepted the case (seed-000 §5.2). The clock starts on the first case director's appointment and stops when
/// a plan version is adopted.
public struct PlanToConferenceNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.planToConference
        self.calendar = calendar
    }

    public func status(directorAppointed: Day, adopted: Day?, today: Day) -> NormStatus {
        .of(period, start: directorAppointed, met: adopted, today: today, calendar: calendar)
    }
}
