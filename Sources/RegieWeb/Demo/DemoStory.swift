import Foundation
import RegieCore
import RegieStore
import SQLKit

/// One demo household's history, step by step: each step a back-dated write under its own access grant (logged
/// like any other), so the phase, the norms and the worklists are derived from it exactly as in real use.
struct DemoStory {
    let cast: DemoCases.Cast
    let story: DemoCases.Story
    /// Who the household is, and how much further back than its story its history lies.
    let household: DemoHousehold
    let database: RegieDatabase
    let calendar: WorkingDayCalendar

    var today: Day { Day(Date()) }

    /// This moment of day, `days` calendar days (plus the household's extra history) ago.
    func moment(_ days: Int) -> Date { Date().addingTimeInterval(-Double(days + household.extraDays) * 86_400) }

    func day(_ days: Int) -> Day { Day(moment(days)) }

    func grant(_ action: AccessAction, _ household: HouseholdID, by actor: AccessActor? = nil) async throws
        -> AccessGrant
    {
        try await AccessGuard.authorize(
            actor ?? cast.director, action, household: household, requestID: "demo", database: database)
    }

    func write(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await database.write { db in try await body(db) }
    }

    func tell() async throws {
        let household = try await signal()
        guard story != .newSignal else { return }
        let days = story.signalledDaysAgo
        let decide = try await grant(.decide, household)
        try await write { db in
            try await TriageStore.record(
                TriageDecision(
                    outcome: .coordinate, urgency: .normal, safety: .safe,
                    reason: "Problemen op meerdere leefgebieden; geen partner heeft het overzicht."),
                grant: decide, at: moment(days - 1), on: db)
        }
        guard story != .informationRound else { return try await round(household) }
        try await open(household, daysAgo: days - 4)
        let adopted = days - 30
        try await plan(household, adoptedDaysAgo: adopted)
        try await progress(household, adoptedDaysAgo: adopted)
        if story == .escalated { try await escalate(household) }
        if [.closed, .aftercare, .reopened].contains(story) { try await close(household) }
    }

    /// The signal that starts the story, from the network's reporter.
    private func signal() async throws -> HouseholdID {
        let who = household
        var persons = [
            SignalDraft.Person(
                givenName: who.parentName, familyName: who.familyName, birthDate: who.parentBirth, relation: .parent)
        ]
        for child in who.children {
            persons.append(
                .init(givenName: child.name, familyName: who.familyName, birthDate: child.birth, relation: .child))
        }
        let domains = cast.profile.domains.map(\.code)
        let concerns = (0..<3).map { domains[(story.rawValue + $0 * 2) % domains.count] }
        let zwolle = !cast.profile.intake.requiredTriggers.isEmpty
        let draft = SignalDraft(
            channel: story.rawValue % 3 == 0 ? .phone : .form, persons: persons, street: who.street,
            houseNumber: who.houseNumber, postcode: "\(DemoCases.postcodes[cast.municipality] ?? "9999") ZZ",
            city: cast.municipality, neighbourhood: who.neighbourhood, concerns: concerns,
            description: DemoCases.descriptions[who.description % DemoCases.descriptions.count],
            householdInformed: true, origin: .environment,
            trigger: zwolle ? cast.profile.intake.requiredTriggers[story.rawValue % 2] : "",
            ownAttempt: cast.profile.intake.proofOfOwnAttempt
                ? "Twee huisbezoeken afgelegd en een betalingsregeling aangeboden; niet nagekomen." : "")
        let reporter = cast.reporter
        let at = moment(story.signalledDaysAgo)
        return try await database.write { db in
            try await SignalStore.record(
                draft, network: cast.network, household: HouseholdID(), reporter: reporter, enteredBy: reporter.user,
                at: at, on: db
            ).household
        }
    }

    /// The information round, asked of two partners with the profile's answer norm.
    private func round(_ household: HouseholdID) async throws {
        let decide = try await grant(.decide, household)
        let asked = moment(story.signalledDaysAgo - 2)
        let norm = cast.profile.norms.informationRoundAnswer ?? NormPeriod(5, .workingDays)
        let due = norm.dueDay(from: Day(asked), calendar: calendar)
        let organisations = Array(cast.organisations.prefix(2))
        try await write { db in
            try await InformationRoundStore.start(
                organisations: organisations, dueOn: due, grant: decide, at: asked, on: db)
        }
    }

    /// The coordination decision, the legal basis and the case director.
    private func open(_ household: HouseholdID, daysAgo: Int) async throws {
        let decide = try await grant(.decide, household)
        let caseDirector = cast.caseDirector
        try await write { db in
            try await InformationRoundStore.decide(
                CoordinationDecision(outcome: .openCase, reason: "Drie leefgebieden; het huishouden wil meedoen."),
                grant: decide, at: moment(daysAgo), on: db)
        }
        let opened = try await grant(.decide, household)
        try await write { db in
            try await HouseholdStore.recordLawfulBasis(
                .legalTask, note: "Wmo-onderzoek en bemoeizorg", grant: opened, at: moment(daysAgo), on: db)
            try await DirectorStore.appoint(
                caseDirector, kind: .caseDirection, from: day(daysAgo - 2), grant: opened, at: moment(daysAgo - 2),
                on: db)
        }
        if !cast.profile.familyLevels.isEmpty {
            let level = story == .escalated ? 3 : story == .stalled ? 2 : 1
            try await write { db in
                try await FamilyLevelStore.record(
                    level, on: day(daysAgo - 2), reason: "Ingeschaald bij de start van de regie", grant: opened,
                    at: moment(daysAgo - 2), on: db)
            }
        }
    }
}
