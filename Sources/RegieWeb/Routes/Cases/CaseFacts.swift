import Foundation
import RegieCore
import RegieStore
import SQLKit

/// Everything the case page shows, read once under one `viewContent` grant (and kept, see `CaseFactsCache`).
struct CaseFacts: Sendable {
    /// The grant of the view being shown; a kept entry gets each viewer's own.
    var grant: AccessGrant
    let network: Network
    let profile: WorkflowProfile
    let reference: String
    let members: [HouseholdStore.Member]
    let events: [TimelineEvent]
    let directors: [DirectorAppointment]
    let scores: ScoreHistory
    let safety: [SafetyPicture]
    let informal: [InformalNetworkEntry]
    let plan: PlanStore.Plan?
    /// On a reopened case without a new plan yet: the plan the case was closed with, shown read-only beside the
    /// start of the new one, whose goals can be taken over (`PlanCarryOver`).
    var previousPlan: PlanStore.Plan?
    let commitments: [CommitmentStore.Item]
    let conferences: [MeetingStore.Meeting]
    let lawfulBasis: (basis: LawfulBasis?, note: String)
    let progress: [MonitoringStore.Entry]
    let evaluations: [MonitoringStore.Evaluation]
    let answerDays: [String: Day]
    let escalations: [EscalationStore.Escalation]
    let coercion: [CoercionMeasure]
    let closure: ClosureStore.Closure?
    let aftercare: [AftercareStore.Answer]
    /// Every organisation, for naming a blocking party in an escalation.
    let organisations: [Organisation]
    /// The networks a household that moved can be handed over to, and the hand-overs offered so far.
    let otherNetworks: [Network]
    let handovers: [HandoverStore.Offer]
    let consents: [ConsentStore.Item]
    let careTeam: [HouseholdStore.CareTeamMember]
    let legalHold: String?
    let familyLevels: FamilyLevelHistory
    /// The network's care-purchase budget, where the profile gives that mandate.
    var careBudget: CareBudget?
    /// The household's fact version and the directory's version these facts were read under (`CaseFactsCache`).
    var stamp = ""

    /// Reads the facts on `db` — inside a transaction, pass the transaction's connection.
    static func load(_ grant: AccessGrant, app: WebApp, on db: (any SQLDatabase)? = nil) async throws -> CaseFacts {
        let db = db ?? app.database.sql
        let networks = try await NetworkStore.all(on: db)
        guard let network = networks.first(where: { $0.id == grant.context.network }),
            let profile = app.profiles.profile(for: network)
        else { throw StoreError.notFound("network") }
        let closure = try await ClosureStore.latest(grant, on: db)
        let aftercare = try await closure.asyncMap {
            try await AftercareStore.answers(closure: $0.id, grant: grant, on: db)
        }
        let plan = try await PlanStore.shown(grant, on: db)
        var facts = CaseFacts(
            grant: grant, network: network, profile: profile,
            reference: try await HouseholdStore.reference(grant, on: db),
            members: try await HouseholdStore.members(grant, on: db),
            events: try await TimelineStore.events(grant, on: db),
            directors: try await DirectorStore.history(grant, on: db),
            scores: try await AssessmentStore.scores(grant, on: db),
            safety: try await AssessmentStore.safety(grant, on: db),
            informal: try await AssessmentStore.network(grant, on: db),
            plan: plan,
            commitments: try await CommitmentStore.items(grant, on: db),
            conferences: try await MeetingStore.conferences(grant, on: db),
            lawfulBasis: try await HouseholdStore.lawfulBasis(grant, on: db),
            progress: try await MonitoringStore.entries(grant, on: db),
            evaluations: try await MonitoringStore.evaluations(grant, on: db),
            answerDays: try await MonitoringStore.commitmentAnswerDays(grant, on: db),
            escalations: try await EscalationStore.escalations(grant, on: db),
            coercion: try await CoercionStore.measures(grant, on: db), closure: closure,
            aftercare: aftercare ?? [], organisations: try await OrganisationStore.all(on: db),
            otherNetworks: networks.filter { $0.id != network.id },
            handovers: try await HandoverStore.offers(grant, on: db),
            consents: try await ConsentStore.items(grant, on: db),
            careTeam: try await HouseholdStore.careTeam(grant, on: db),
            legalHold: try await RetentionStore.legalHold(grant, on: db),
            familyLevels: try await FamilyLevelStore.history(grant, on: db),
            careBudget: profile.mandates.careBudget ? try await CareBudgetStore.budget(of: network.id, on: db) : nil)
        if plan == nil && grant.context.phase == .active {
            facts.previousPlan = try await PlanStore.previous(grant, on: db)
        }
        return facts
    }

    /// The monitoring state of the case today: progress norms, evaluations due and why care stalls.
    func monitor(calendar: WorkingDayCalendar, today: Day = Day(Date())) -> CaseMonitor {
        CaseMonitor(
            .of(
                plan: plan, progress: progress.map(\.entry), evaluations: evaluations.map(\.evaluation),
                commitments: commitments, answerDays: answerDays, scores: scores, events: events),
            profile: profile, calendar: calendar, today: today)
    }

    /// The day the case was opened (the coordination decision), if it was.
    var openedOn: Day? { InformationRoundStore.coordination(in: events).map { Day($0.at) } }

    /// Names of current members by person id.
    var memberNames: [String: String] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.name.isEmpty ? "—" : $0.name) })
    }

    /// The plan version to show: the concept being worked on, else the version in force.
    var shownVersion: PlanStore.Version? { plan?.concept ?? plan?.adopted }

    /// Domains scored 1–2 that the shown version leaves without a goal or reason.
    var missingDomains: [LifeDomain] {
        guard let version = shownVersion else { return [] }
        return PlanCompleteness.missing(
            scores: scores, goals: version.goals, reasons: version.reasons, domains: profile.domains)
    }

    /// Why the concept cannot be adopted yet; empty when it can.
    var adoptionBlocks: [PlanAdoptionRules.Reason] {
        guard let version = shownVersion else { return [.notConcept] }
        return PlanAdoptionRules.blocking(
            status: version.status, goals: version.goals, members: Set(members.map(\.id)), safety: safety,
            missingDomains: missingDomains, agreement: version.agreement)
    }
}
