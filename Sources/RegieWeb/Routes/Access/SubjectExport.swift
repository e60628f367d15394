import Foundation
import RegieCore
import RegieStore

/// All data Regie holds about one person (AVG art. 15 and 20): the person, the signals about their household,
/// their scores and safety picture, the goals for them with their evaluations, their consents, the household's
/// progress and timeline, and who accessed the data. The same structure is served as JSON and rendered as HTML.
struct SubjectExport: Encodable {
    struct Person: Encodable {
        let givenName: String, familyNamePrefix: String, familyName: String, birthDate: String, bsn: String
        let relation: String, custody: String, protectionMeasure: String, placement: String
    }
    struct Signal: Encodable {
        let received: String, channel: String, reporterOrganisation: String, description: String
    }
    struct Score: Encodable { let assessedOn: String, domain: String, score: Int }
    struct Safety: Encodable { let asOf: String, concerns: String, note: String }
    struct Evaluation: Encodable { let on: String, status: String, householdView: String }
    struct Goal: Encodable {
        let domain: String, description: String, householdWords: String, target: String, evaluations: [Evaluation]
    }
    struct Consent: Encodable {
        let purpose: String, organisation: String, givenBy: String, givenOn: String, withdrawnOn: String
    }
    struct Entry: Encodable { let on: String, kind: String, text: String }
    struct Event: Encodable { let at: String, summary: String }
    struct Access: Encodable { let at: String, who: String, organisation: String, what: String, rule: String }

    let made: String
    let network: String
    let household: String
    let person: Person
    let signals: [Signal]
    let scores: [Score]
    let safety: [Safety]
    let goals: [Goal]
    let consents: [Consent]
    let progress: [Entry]
    let timeline: [Event]
    let access: [Access]

    /// The export for `member`, from the case facts read under an `export` grant.
    static func of(
        _ member: HouseholdStore.Member, bsn: String?, facts: CaseFacts, signals: [Signal],
        access: [AccessLogStore.ReportLine], text: (String) -> String
    ) -> SubjectExport {
        let domains = Dictionary(uniqueKeysWithValues: facts.profile.domains.map { ($0.code, $0.name) })
        let goals = (facts.plan?.adopted ?? facts.plan?.concept)?.goals.filter { $0.persons.contains(member.id) } ?? []
        return SubjectExport(
            made: DutchFormat.moment(Date()), network: facts.network.name, household: facts.reference,
            person: Person(
                givenName: member.givenName, familyNamePrefix: member.familyNamePrefix, familyName: member.familyName,
                birthDate: member.birthDate?.dutch ?? "", bsn: bsn ?? "", relation: text(member.relation.textKey),
                custody: member.custody.map { text($0.textKey) } ?? "",
                protectionMeasure: member.protectionMeasure.map { text($0.textKey) } ?? "",
                placement: member.placement.map { text($0.textKey) } ?? ""),
            signals: signals,
            scores: facts.scores.scores.filter { $0.person == member.id }.map {
                Score(
                    assessedOn: $0.assessedOn.dutch, domain: domains[$0.domain] ?? $0.domain, score: $0.score.rawValue)
            },
            safety: facts.safety.filter { $0.person == member.id }.map { picture in
                Safety(
                    asOf: picture.asOf.dutch,
                    concerns: picture.concerns.map { text($0.textKey) }.sorted().joined(separator: ", "),
                    note: picture.note)
            },
            goals: goals.map { goal in
                Goal(
                    domain: domains[goal.domain] ?? goal.domain, description: goal.description,
                    householdWords: goal.householdWords, target: goal.targetOn?.dutch ?? "",
                    evaluations: facts.evaluations.filter { $0.evaluation.goalKey == goal.key }.map {
                        Evaluation(
                            on: $0.evaluation.evaluatedOn.dutch, status: text($0.evaluation.status.textKey),
                            householdView: $0.householdView)
                    })
            },
            consents: facts.consents.filter { $0.record.person == member.id }.map {
                Consent(
                    purpose: text($0.record.purpose.textKey), organisation: $0.organisationName,
                    givenBy: "\(text($0.record.givenBy.textKey)) — \($0.giverName)", givenOn: $0.record.givenOn.dutch,
                    withdrawnOn: $0.record.withdrawnOn?.dutch ?? "")
            },
            progress: facts.progress.map {
                Entry(on: $0.entry.on.dutch, kind: text($0.entry.kind.textKey), text: $0.text)
            },
            timeline: facts.events.map { Event(at: DutchFormat.moment($0.occurredAt), summary: $0.summary) },
            access: access.map {
                Access(
                    at: DutchFormat.moment(Date(millis: $0.occurredAt)), who: $0.userName,
                    organisation: $0.organisationName, what: text("access_action.\($0.action)"),
                    rule: text("access_rule.\($0.rule)"))
            })
    }
}
