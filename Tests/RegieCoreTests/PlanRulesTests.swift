import Foundation
import Testing

@testable import RegieCore

@Suite("Plan rules: completeness, adoption, commitments")
struct PlanRulesTests {
    let domains = [LifeDomain(code: "wonen", name: "Wonen"), LifeDomain(code: "werken", name: "Werken")]
    let day = Day("2026-03-02")!

    func score(_ person: String, _ domain: String, _ value: Int, _ on: Day? = nil) -> DomainScore {
        DomainScore(
            person: person, domain: domain, score: SelfSufficiencyScore(rawValue: value)!, assessedOn: on ?? day,
            assessor: "A")
    }

    func goal(_ domain: String) -> PlanGoal {
        PlanGoal(
            key: UUID().uuidString, domain: domain, persons: ["p1"], description: "x", householdWords: "", targetOn: day
        )
    }

    @Test("Every domain whose latest score is 1 or 2 needs a goal or a written reason")
    func completeness() {
        let scores = ScoreHistory([score("p1", "wonen", 2), score("p1", "werken", 1), score("p2", "werken", 4)])
        #expect(
            PlanCompleteness.missing(scores: scores, goals: [], reasons: [:], domains: domains).map(\.code) == [
                "wonen", "werken",
            ])
        #expect(
            PlanCompleteness.missing(scores: scores, goals: [goal("wonen")], reasons: [:], domains: domains).map(\.code)
                == ["werken"])
        #expect(
            PlanCompleteness.missing(
                scores: scores, goals: [goal("wonen")], reasons: ["werken": "  "], domains: domains
            ).count == 1, "a blank reason is no reason")
        #expect(
            PlanCompleteness.missing(
                scores: scores, goals: [goal("wonen")], reasons: ["werken": "Eerst wonen"], domains: domains
            ).isEmpty)
        let improved = ScoreHistory(
            scores.scores + [
                score("p1", "werken", 3, day.adding(days: 30)), score("p1", "wonen", 4, day.adding(days: 30)),
            ])
        #expect(
            PlanCompleteness.missing(scores: improved, goals: [], reasons: [:], domains: domains).isEmpty,
            "the latest score counts")
    }

    @Test("Adoption needs goals, a safety picture for every member, completeness and the household's answer")
    func adoption() {
        let agreement = HouseholdAgreement(answer: .notAgreed, on: day, how: "Wil geen schuldhulp")
        let safety = [SafetyPicture(person: "p1", asOf: day, concerns: [], note: "")]
        #expect(
            PlanAdoptionRules.blocking(
                status: .concept, goals: [], members: ["p1", "p2"], safety: safety, missingDomains: domains,
                agreement: nil) == [.noGoals, .safetyPictureMissing, .incomplete, .agreementMissing])
        #expect(
            PlanAdoptionRules.blocking(
                status: .concept, goals: [goal("wonen")], members: ["p1"], safety: safety, missingDomains: [],
                agreement: agreement
            ).isEmpty, "non-agreement, recorded, does not block: it is the household's answer")
        #expect(
            PlanAdoptionRules.blocking(
                status: .adopted, goals: [goal("wonen")], members: ["p1"], safety: safety, missingDomains: [],
                agreement: agreement) == [.notConcept])
    }

    @Test("Not agreeing needs what the household does not agree with; a concern needs a note")
    func explanations() {
        #expect(
            HouseholdAgreement(answer: .partly, on: day, how: "").problems == ["agreementHow": "error.agreement_how"])
        #expect(HouseholdAgreement(answer: .agreed, on: day, how: "In het overleg").problems.isEmpty)
        #expect(
            SafetyPicture(person: "p", asOf: day, concerns: [.childAtRisk], note: "").problems == [
                "safetyNote": "error.safety_note"
            ])
        #expect(SafetyPicture(person: "p", asOf: day, concerns: [], note: "").problems.isEmpty)
        #expect(
            InformalNetworkEntry(kind: .family, name: "", description: "Oma past op").problems == [
                "networkName": "error.required"
            ])
        #expect(InformalNetworkEntry(kind: .strength, name: "", description: "Kookt graag").problems.isEmpty)
    }

    @Test("A partner accepts, declines with a reason or finishes with a note; a closed commitment stays closed")
    func responses() {
        #expect(Commitment.problem(responding: .accept, from: .proposed, note: "") == nil)
        #expect(Commitment.problem(responding: .decline, from: .proposed, note: " ") == "error.decline_reason")
        #expect(Commitment.problem(responding: .decline, from: .accepted, note: "Wachtlijst") == nil)
        #expect(Commitment.problem(responding: .done, from: .accepted, note: "") == "error.done_note")
        #expect(Commitment.problem(responding: .done, from: .proposed, note: "Aanvraag ingediend") == nil)
        #expect(Commitment.problem(responding: .accept, from: .accepted, note: "") == "error.commitment_closed")
        for closed in [Commitment.Status.done, .declined] {
            #expect(Commitment.problem(responding: .accept, from: closed, note: "x") == "error.commitment_closed")
        }
    }

    @Test("A declined or overdue commitment needs the director's attention, derived from status and today")
    func attention() {
        #expect(CommitmentAttention.of(status: .declined, dueOn: nil, today: day) == .declined)
        #expect(CommitmentAttention.of(status: .accepted, dueOn: day.adding(days: -1), today: day) == .overdue)
        #expect(CommitmentAttention.of(status: .proposed, dueOn: day, today: day) == nil, "due today is not late")
        #expect(CommitmentAttention.of(status: .done, dueOn: day.adding(days: -10), today: day) == nil)
    }

    @Test("A goal needs a known domain, members of the household, a text and a target date")
    func goals() {
        let bad = PlanGoal(
            key: "k", domain: "maan", persons: ["x"], description: " ", householdWords: "", targetOn: nil)
        #expect(
            bad.problems(domains: domains, members: ["p1"], today: day) == [
                "goalDomain": "error.invalid_choice", "goalPersons": "error.goal_persons",
                "goalDescription": "error.required", "goalTarget": "error.date_invalid",
            ])
        #expect(goal("wonen").problems(domains: domains, members: ["p1"], today: day).isEmpty)
    }
}
