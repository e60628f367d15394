import Foundation
import RegieCore
import RegieStore
import SQLKit

/// The case part of a demo household's history: picture, plan, progress, escalation, closure, aftercare, reopening.
extension DemoStory {
    /// Scores, safety, a plan with one goal per concern domain and a partner commitment, adopted `adoptedDaysAgo`.
    func plan(_ household: HouseholdID, adoptedDaysAgo adopted: Int) async throws {
        let update = try await grant(.update, household)
        let members = try await HouseholdStore.members(update, on: database.sql)
        let domains = cast.profile.domains.map(\.code)
        let weak = [domains[story.rawValue % domains.count], domains[(story.rawValue + 2) % domains.count]]
        let partner = cast.partner
        let start = adopted + 20
        try await write { db in
            for member in members {
                var scores = Dictionary(
                    uniqueKeysWithValues: domains.map { ($0, SelfSufficiencyScore.barelySelfReliant) })
                for domain in weak { scores[domain] = .notSelfReliant }
                try await AssessmentStore.record(
                    scores: scores, person: member.id, on: day(start), grant: update, at: moment(start), on: db)
                try await AssessmentStore.record(
                    SafetyPicture(
                        person: member.id, asOf: day(start), concerns: [], note: "Geen signalen van onveiligheid"),
                    grant: update, at: moment(start), on: db)
            }
            try await PlanStore.start(
                context: DemoCases.planContexts[story.rawValue], grant: update, at: moment(start - 1), on: db)
            for (position, domain) in weak.enumerated() {
                try await PlanStore.add(
                    PlanGoal(
                        key: UUID().uuidString.lowercased(), domain: domain, persons: [members[0].id],
                        description: DemoCases.goals[(story.rawValue + position) % DemoCases.goals.count],
                        householdWords: position == 0 ? "Weer rust in huis" : "",
                        targetOn: day(adopted).adding(months: 9)),
                    grant: update, at: moment(start - 1), on: db)
            }
            try await PlanStore.record(
                HouseholdAgreement(answer: .agreed, on: day(adopted + 5), how: "Aan de keukentafel besproken"),
                grant: update, at: moment(adopted + 5), on: db)
            if let partner {
                try await CommitmentStore.propose(
                    Commitment(
                        description: "Huisbezoek en afspraken over de huur", organisation: partner.organisation,
                        person: partner.id,
                        dueOn: story == .plan ? today.adding(days: 28) : day(adopted).adding(days: 42),
                        goalKey: nil),
                    grant: update, at: moment(adopted + 2), on: db)
            }
        }
        let decide = try await grant(.decide, household)
        try await write { db in
            try await PlanStore.adopt(on: day(adopted), meeting: nil, grant: decide, at: moment(adopted), on: db)
        }
    }

    /// Progress talks and reports: recent for a running plan, long ago for stalled care.
    func progress(_ household: HouseholdID, adoptedDaysAgo adopted: Int) async throws {
        let own = try await grant(.addToOwnPart, household, by: cast.caseDirectorActor)
        let recent = story == .plan
        let talks = recent ? [adopted - 14, 12] : [adopted - 14]
        try await write { db in
            for talk in talks where talk > 0 {
                try await MonitoringStore.record(
                    ProgressEntry(kind: .talk, on: day(talk)), withWhom: "Het huishouden",
                    text: "Afspraken doorgenomen; de huur is deze maand betaald.", grant: own, at: moment(talk), on: db)
            }
        }
    }

    /// An escalation on the content ladder, raised weeks ago so the ladder has risen by itself since.
    func escalate(_ household: HouseholdID) async throws {
        let decide = try await grant(.decide, household)
        try await write { db in
            try await EscalationStore.raise(
                .content, blockingOrganisation: nil, blockingRule: "",
                reason: "Geen voortgang sinds maanden; het gezin komt afspraken niet na en de huurschuld loopt op.",
                on: day(25), grant: decide, at: moment(25), on: db)
        }
    }

    /// The closure by the profile's criterion, then aftercare as the story needs: ended, running, or reopened.
    func close(_ household: HouseholdID) async throws {
        let closedDaysAgo = [DemoCases.Story.closed: 300, .aftercare: 40, .reopened: 200][story] ?? 40
        let decide = try await grant(.decide, household)
        let reason = ClosureReason.meeting(cast.profile.closureCriterion)
        let request = ClosureRequest(
            reason: reason, closedOn: day(closedDaysAgo), safety: .safe,
            safetyNote: "Iedereen in het huishouden is veilig zonder het netwerk.",
            regularDirector: reason == .regularCare ? "Wijkteam, mevrouw De Boer" : "",
            note: "Doelen bereikt; het huishouden weet de weg naar de wijkpost.")
        let closure = try await database.write { db in
            try await ClosureStore.close(request, grant: decide, at: moment(closedDaysAgo), on: db)
        }
        switch story {
        case .closed:
            let own = try await grant(.addToOwnPart, household)
            let answered = closedDaysAgo - 180
            try await write { db in
                try await AftercareStore.answer(
                    .endedWell, note: "Huur op tijd, kinderen naar school; geen zorgen meer.", check: 0,
                    closure: closure, endsAftercare: true, grant: own, at: moment(answered), on: db)
            }
        case .reopened:
            let reopen = try await grant(.decide, household)
            try await write { db in
                try await ClosureStore.reopen(
                    reason: "Nieuwe melding van de woningcorporatie: opnieuw huurachterstand en zorgen om de kinderen.",
                    grant: reopen, at: moment(8), on: db)
            }
        default: break
        }
    }
}
