import RegieCore

/// Four households in Enschede with hand-computed figures for 2026 (see `NetworkFiguresTests` for the sums).
enum ReportFixture {
    static let network = NetworkID()
    static let (a, b, c, d) = (HouseholdID(), HouseholdID(), HouseholdID(), HouseholdID())
    static let period = ReportPeriod(from: day("01-01-2026"), to: day("31-12-2026"))
    static let today = day("01-06-2026")

    static func day(_ text: String) -> Day { Day(text)! }

    static func signal(_ on: String, _ kind: OrganisationKind, _ channel: String, _ area: String, _ domains: [String])
        -> FigureFacts.Signal
    {
        .init(receivedOn: day(on), sourceKind: kind, channel: channel, neighbourhood: area, domains: domains)
    }

    static let facts: [FigureFacts] = [
        FigureFacts(
            household: a, network: network, phase: .active,
            signals: [signal("02-03-2026", .police, "form", "Oost", ["wonen", "financien"])],
            decision: (day("05-03-2026"), "coordinate"), openedOn: day("05-03-2026"),
            firstDirectorOn: day("09-03-2026"), currentDirector: "Carla", firstAdoptedOn: day("20-03-2026"),
            planComplete: true, householdWords: true, informalNetwork: true, escalations: [], closures: [],
            scores: ["wonen": (2, 4), "financien": (1, 1)], organisations: 3),
        FigureFacts(
            household: b, network: network, phase: .active,
            signals: [signal("03-03-2026", .police, "phone", "Oost", ["wonen"])],
            decision: (day("16-03-2026"), "coordinate"), openedOn: day("16-03-2026"),
            firstDirectorOn: day("30-03-2026"), currentDirector: "Carla", firstAdoptedOn: nil, planComplete: nil,
            householdWords: false, informalNetwork: false, escalations: [], closures: [], scores: ["wonen": (3, 2)],
            organisations: 1),
        FigureFacts(
            household: c, network: network, phase: .closed,
            signals: [signal("10-03-2026", .school, "form", "", ["opvoeding"])],
            decision: (day("11-03-2026"), "advice_only"), openedOn: nil, firstDirectorOn: nil, currentDirector: nil,
            firstAdoptedOn: nil, planComplete: nil, householdWords: false, informalNetwork: false, escalations: [],
            closures: [], scores: [:], organisations: 0),
        FigureFacts(
            household: d, network: network, phase: .aftercare,
            signals: [signal("01-06-2025", .housingCorporation, "email", "West", ["wonen"])],
            decision: (day("03-06-2025"), "coordinate"), openedOn: day("03-06-2025"),
            firstDirectorOn: day("05-06-2025"), currentDirector: nil, firstAdoptedOn: day("01-07-2025"),
            planComplete: false, householdWords: false, informalNetwork: true,
            escalations: [.init(raisedOn: day("01-04-2026"), kind: .content, rung: 2, decided: true)],
            closures: [
                .init(
                    closedOn: day("15-04-2026"), reason: .refuses, followUpRecorded: false,
                    aftercareAnswers: [.stillInCare], checksDue: 1, checksAnswered: 1, relapsed: true)
            ],
            scores: [:], organisations: 2),
    ]
}
