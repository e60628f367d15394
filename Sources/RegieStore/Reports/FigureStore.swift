import Foundation
import RegieCore
import SQLKit

/// Reads the facts the management figures count, for whole networks at once (one query per kind of fact, not per
/// household). Figures are aggregates: no grant per household is needed, and nothing here leaves the store but
/// codes, days, counts and the directors' names for the caseload.
public enum FigureStore {
    /// The facts of every household in `networks`, or only of `households` among them (at most 500: the
    /// parameter limit of a query); `profiles` gives each network's aftercare schedule.
    public static func facts(
        in networks: [NetworkID], households only: [HouseholdID]? = nil, profiles: (NetworkID) -> WorkflowProfile?,
        calendar: WorkingDayCalendar, today: Day, on db: any SQLDatabase
    ) async throws -> [FigureFacts] {
        guard !networks.isEmpty, only?.isEmpty != true else { return [] }
        precondition((only?.count ?? 0) <= 500, "read households in chunks of 500")
        let scope = FigureScope(networks: networks, households: only)
        let householdQuery = db.select().columns("id", "network_id").from("households")
            .where(scope.network(SQLColumn("network_id")), .in, scope.networks)
        if let chosen = scope.households { householdQuery.where("id", .in, chosen) }
        let households = try await householdQuery.all(decoding: HouseholdRow.self, keyDecodingStrategy: .snakeCase)
        let events = try await grouped(
            db.select().columns("household_id", "kind", "occurred_at").from("timeline_events")
                .within(scope, "timeline_events").orderBy("seq")
                .all(decoding: EventRow.self), by: \.householdId)
        let signals = try await signals(scope, on: db)
        let directors = try await grouped(
            db.select().column(SQLColumn("household_id", table: "case_directors"))
                .column(SQLColumn("started_on", table: "case_directors"))
                .column(SQLColumn("ended_on", table: "case_directors")).column(SQLColumn("name", table: "users"))
                .from("case_directors")
                .join(
                    SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                    SQLColumn("user_id", table: "case_directors")
                )
                .inNetworks(scope, householdOf: "case_directors")
                .where(
                    SQLColumn("kind", table: "case_directors"), .equal,
                    SQLBind(DirectorAppointment.Kind.caseDirection.rawValue)
                )
                .all(decoding: DirectorRow.self, keyDecodingStrategy: .snakeCase), by: \.householdId)
        let plans = try await PlanFacts.load(scope, on: db)
        let escalations = try await EscalationFacts.load(scope, on: db)
        let closures = try await ClosureFacts.load(scope, on: db)
        let levels = try await FamilyLevelStore.current(in: networks, households: only, on: db)
        let organisations = grouped(
            try await db.select().distinct().columns("household_id", "organisation_id").from("commitments")
                .within(scope, "commitments")
                .all(decoding: PairRow.self, keyDecodingStrategy: .snakeCase), by: \.householdId)
        let informal = Set(
            try await db.select().distinct().column(SQLColumn("household_id", table: "informal_network"))
                .column(SQLColumn("household_id", table: "informal_network"), as: "organisation_id")
                .from("informal_network")
                .inNetworks(scope, householdOf: "informal_network")
                .all(decoding: PairRow.self, keyDecodingStrategy: .snakeCase).map(\.householdId))
        return households.map { row in
            let id = HouseholdID(rawValue: row.id)
            let network = NetworkID(rawValue: row.networkId)
            let kinds = events[row.id] ?? []
            let decision = kinds.first { $0.kind.hasPrefix("triage.") }
            let appointments = directors[row.id] ?? []
            return FigureFacts(
                household: id, network: network, phase: CasePhase.derive(fromEventKinds: kinds.map(\.kind)),
                signals: signals[row.id] ?? [],
                decision: decision.map {
                    (Day(Date(millis: $0.occurredAt)), String($0.kind.dropFirst("triage.".count)))
                },
                openedOn: kinds.first { $0.kind == "case.opened" }.map { Day(Date(millis: $0.occurredAt)) },
                firstDirectorOn: appointments.compactMap { Day($0.startedOn) }.min(),
                currentDirector: appointments.first { $0.endedOn == nil }?.name,
                firstAdoptedOn: plans.firstAdopted[row.id], planComplete: plans.complete[row.id],
                householdWords: plans.householdWords.contains(row.id), informalNetwork: informal.contains(row.id),
                escalations: escalations[row.id] ?? [],
                closures: (closures[row.id] ?? []).map {
                    $0.facts(
                        schedule: profiles(network).map { AftercareSchedule(profile: $0, calendar: calendar) },
                        relapses: kinds.filter { $0.kind == "case.relapse" }.map { Day(Date(millis: $0.occurredAt)) },
                        today: today)
                },
                scores: plans.scoreChanges[row.id] ?? [:], organisations: organisations[row.id]?.count ?? 0,
                familyLevel: levels[id])
        }
    }

    private struct HouseholdRow: Decodable { let id: String, networkId: String }
    struct EventRow: Decodable {
        let householdId: String, kind: String, occurredAt: Int64
        // Named explicitly: decoding a million events with snake-case conversion per key was the dashboard's cost.
        enum CodingKeys: String, CodingKey { case kind, householdId = "household_id", occurredAt = "occurred_at" }
    }
    private struct DirectorRow: Decodable { let householdId: String, startedOn: String, endedOn: String?, name: String }
    private struct SignalRow: Decodable {
        let id: String, householdId: String, receivedOn: String, kind: String, channel: String, neighbourhood: String?
    }

    static func grouped<Row>(_ rows: [Row], by key: KeyPath<Row, String>) -> [String: [Row]] {
        Dictionary(grouping: rows, by: { $0[keyPath: key] })
    }

    private static func signals(_ scope: FigureScope, on db: any SQLDatabase) async throws
        -> [String: [FigureFacts.Signal]]
    {
        let rows = try await db.select()
            .column(SQLColumn("id", table: "signals")).column(SQLColumn("household_id", table: "signals"))
            .column(SQLColumn("received_on", table: "signals")).column(SQLColumn("kind", table: "organisations"))
            .column(SQLColumn("channel", table: "signals")).column(SQLColumn("neighbourhood", table: "households"))
            .from("signals")
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("reporter_organisation_id", table: "signals")
            )
            .inNetworks(scope, householdOf: "signals")
            .all(decoding: SignalRow.self, keyDecodingStrategy: .snakeCase)
        let concerns = try await grouped(
            db.select().column(SQLColumn("signal_id", table: "signal_concerns")).column(
                SQLColumn("domain_code", table: "signal_concerns")
            )
            .from("signal_concerns")
            .join(
                SQLIdentifier("signals"), on: SQLColumn("id", table: "signals"), .equal,
                SQLColumn("signal_id", table: "signal_concerns")
            )
            .within(scope, "signals")
            .all(decoding: ConcernRow.self, keyDecodingStrategy: .snakeCase), by: \.signalId)
        var result: [String: [FigureFacts.Signal]] = [:]
        for row in rows {
            guard let day = Day(row.receivedOn) else { continue }
            result[row.householdId, default: []].append(
                FigureFacts.Signal(
                    receivedOn: day, sourceKind: OrganisationKind(rawValue: row.kind) ?? .other, channel: row.channel,
                    neighbourhood: row.neighbourhood ?? "", domains: (concerns[row.id] ?? []).map(\.domainCode)))
        }
        return result
    }

    private struct ConcernRow: Decodable { let signalId: String, domainCode: String }
    private struct PairRow: Decodable { let householdId: String, organisationId: String }
}
