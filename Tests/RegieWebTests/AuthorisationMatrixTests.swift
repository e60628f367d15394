import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// The authorisation matrix, generated from the route table: every route that touches one household is tried by
/// every role — inside and outside the care team — in every phase, and the response must agree with the access
/// policy. A route added without an entry here fails the test.
@Suite("Authorisation matrix: every household route × role × care team × phase agrees with the policy")
struct AuthorisationMatrixTests {
    /// What a route needs from the policy.
    enum Gate {
        /// The route asks the policy for this action on the household in its path.
        case action(AccessAction)
        /// The case page: the whole file, or else the own part, or else the process view, or else the refusal.
        case casePage
        /// Opening with break-glass: allowed by the rules, or a director asked for a reason, or refused.
        case breakGlass
        /// A network-wide feature of the current network (`AccessPolicy.mayUse`).
        case feature(NetworkFeature)
        /// The user's own things (home, account, messages): every signed-in user.
        case personal
        /// Administration: administrators only.
        case administration
        /// Not about one household in the path; reached by audience and checked by its own tests.
        case elsewhere(String)
    }

    static let matrix: [String: Gate] = [
        "GET /cases/{id}": .casePage,
        "POST /cases/{id}/break-glass": .breakGlass,
        "GET /cases/{id}/plan/print": .action(.export),
        "GET /cases/{id}/members/{person}/access-report": .action(.export),
        "GET /cases/{id}/members/{person}/access-report.csv": .action(.export),
        "GET /cases/{id}/members/{person}/export": .action(.export),
        "GET /cases/{id}/members/{person}/export.json": .action(.export),
        "GET /cases/{id}/conferences/{meeting}": .action(.viewContent),
        "POST /cases/{id}/lawful-basis": .action(.decide),
        "POST /cases/{id}/director": .action(.decide),
        "POST /cases/{id}/assessment": .action(.update),
        "POST /cases/{id}/family-level": .action(.decide),
        "POST /cases/{id}/safety": .action(.update),
        "POST /cases/{id}/network": .action(.update),
        "POST /cases/{id}/members/{person}/leave": .action(.update),
        "POST /cases/{id}/plan": .action(.update),
        "POST /cases/{id}/plan/context": .action(.update),
        "POST /cases/{id}/plan/goals": .action(.update),
        "POST /cases/{id}/plan/goals/{key}/remove": .action(.update),
        "POST /cases/{id}/plan/reasons": .action(.update),
        "POST /cases/{id}/plan/agreement": .action(.update),
        "POST /cases/{id}/plan/adopt": .action(.decide),
        "POST /cases/{id}/plan/revise": .action(.update),
        "POST /cases/{id}/commitments": .action(.update),
        "POST /cases/{id}/conferences": .action(.decide),
        "POST /cases/{id}/conferences/{meeting}/minutes": .action(.update),
        "POST /cases/{id}/conferences/{meeting}/agreements": .action(.update),
        "POST /cases/{id}/progress": .action(.addToOwnPart),
        "POST /cases/{id}/evaluations": .action(.update),
        "POST /cases/{id}/escalations": .action(.decide),
        "POST /cases/{id}/escalations/{escalation}/raise": .action(.decide),
        "POST /cases/{id}/escalations/{escalation}/decision": .action(.decide),
        "POST /cases/{id}/coercion": .action(.update),
        "POST /cases/{id}/closure": .action(.decide),
        "POST /cases/{id}/legal-hold": .action(.decide),
        "POST /cases/{id}/legal-hold/lift": .action(.decide),
        "POST /cases/{id}/background": .action(.decide),
        "POST /cases/{id}/reopen": .action(.decide),
        "POST /cases/{id}/aftercare": .action(.addToOwnPart),
        "POST /cases/{id}/consents": .action(.decide),
        "POST /cases/{id}/care-team/{user}/remove": .action(.decide),
        "POST /cases/{id}/sharing": .action(.decide),
        "POST /cases/{id}/consents/{consent}/withdraw": .action(.decide),
        "GET /signals/{id}": .action(.viewIntake),
        "POST /signals/{id}/decision": .action(.decide),
        "POST /signals/{id}/crisis": .action(.decide),
        "POST /signals/{id}/information-round": .action(.decide),
        "POST /signals/{id}/home-visit": .action(.decide),
        "POST /signals/{id}/coordination": .action(.decide),
        "GET /signals/new": .feature(.signal),
        "POST /signals/new": .feature(.signal),
        "GET /who-is-involved": .feature(.signal),
        "GET /signals": .feature(.signalList),
        "GET /cases": .feature(.caseList),
        "GET /meetings": .feature(.networkMeetings),
        "POST /meetings": .feature(.networkMeetings),
        "GET /meetings/{meeting}": .feature(.networkMeetings),
        "GET /access/break-glass": .feature(.breakGlassReview),
        "GET /figures": .feature(.figures), "GET /figures.csv": .feature(.figures),
        "GET /figures.json": .feature(.figures),
        "GET /figures/cases": .feature(.figureCases), "GET /inspection": .feature(.inspection),
        "POST /inspection/{indicator}": .elsewhere("network directors; an unknown indicator is 404 — InspectionTests"),
        "GET /policy-signals": .feature(.policySignals), "GET /policy-signals.csv": .feature(.policySignals),
        "POST /policy-signals": .feature(.raisePolicySignal),
        "POST /policy-signals/{signal}/answer": .elsewhere(
            "policy officers; another network's signal is 404 — PolicySignalTests"),
        "GET /neighbourhoods": .feature(.neighbourhoods),
        "GET /care-budget": .feature(.careBudget), "POST /care-budget": .feature(.setCareBudget),
        "POST /neighbourhoods/marks": .elsewhere(
            "the network in the form decides (markNeighbourhood) — PolicySignalTests"),
        "POST /access/break-glass/{entry}/review": .feature(.breakGlassReview),
        "GET /": .personal, "POST /network": .personal, "GET /account": .personal,
        "POST /account/language": .personal, "POST /account/password": .personal, "POST /account/tokens": .personal,
        "POST /account/tokens/{id}/revoke": .personal, "GET /account/totp": .personal, "POST /account/totp": .personal,
        "GET /my-signals": .personal, "GET /inbox": .personal, "GET /notifications": .personal,
        "POST /notifications/read": .personal, "POST /notifications/{notification}/open": .personal,
        "POST /commitments/{commitment}": .elsewhere("the owner answers; CommitmentStore checks the organisation"),
        "POST /inbox/{request}": .elsewhere("the asked organisation answers; IntakeService checks it"),
        "GET /handovers/{handover}": .elsewhere("network directors of the receiving network; HandoverTests"),
        "POST /handovers/{handover}/accept": .elsewhere("network directors of the receiving network; HandoverTests"),
        "POST /handovers/{handover}/decline": .elsewhere("network directors of the receiving network; HandoverTests"),
    ]

    /// Every signed-in route of the route table, with its gate; fails for a route without an entry.
    static func routes(_ table: RouteTable) -> [(method: String, path: String, gate: Gate)] {
        table.entries.filter { $0.audience == .signedIn }.compactMap { entry in
            let key = "\(entry.method) \(entry.path)"
            guard let gate = matrix[key] else {
                Issue.record("No authorisation matrix entry for \(key)")
                return nil
            }
            return (entry.method, entry.path, gate)
        }
    }

    /// The routes about one household in their path.
    static func householdRoutes(_ table: RouteTable) -> [(method: String, path: String, gate: Gate)] {
        routes(table).filter {
            switch $0.gate {
            case .action, .casePage, .breakGlass: return true
            default: return false
            }
        }
    }

    @Test("Every signed-in route has a matrix entry, and every entry is a served route")
    func complete() async throws {
        try await Harness.run(.sqlite) { harness, _ in
            let served = Set(
                harness.app.routes.entries.filter { $0.audience == .signedIn }.map { "\($0.method) \($0.path)" })
            #expect(Set(Self.matrix.keys) == served)
        }
    }

    @Test("Network features, personal pages and administration × every role agree with the policy")
    func features() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let world = try await MatrixWorld.make(harness, client)
            let administration = harness.app.routes.entries.filter { $0.audience == .administrator }
            var mismatches: [String] = []
            for (name, user) in world.users.sorted(by: { $0.key < $1.key }) {
                var browser = user.browser
                let roles = try await UserStore.roles(of: user.account.id, on: harness.app.database.sql)
                let inNetwork = Set(roles.filter { $0.network == harness.network.id }.map(\.role))
                let isAdministrator = roles.contains { $0.role == .administrator }
                var tried = Self.routes(harness.app.routes).compactMap { route -> (String, String, Bool)? in
                    switch route.gate {
                    case .feature(let feature):
                        return (route.method, route.path, AccessPolicy.mayUse(feature, roles: inNetwork))
                    case .personal: return (route.method, route.path, true)
                    default: return nil
                    }
                }
                tried += administration.map { ($0.method, $0.path, isAdministrator) }
                for (method, path, allowed) in tried where path != "/logout" {
                    let concrete = world.path(path, household: world.households[.active]!)
                    let page = method == "GET" ? try await browser.get(concrete) : try await browser.post(concrete, [])
                    if (page.status == .forbidden) == allowed || page.status.code >= 500 {
                        mismatches.append("\(method) \(path) · \(name): got \(page.status.code), allowed \(allowed)")
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test("Household routes × roles × care team × phase agree with AccessPolicy", arguments: TestDatabases.backends)
    func matrix(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let world = try await MatrixWorld.make(harness, client)
            var mismatches: [String] = []
            var tried = 0
            for route in Self.householdRoutes(harness.app.routes) {
                for phase in world.households.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let household = world.households[phase]!
                    for (name, user) in world.users.sorted(by: { $0.key < $1.key }) {
                        var browser = user.browser
                        let path = world.path(route.path, household: household)
                        // Decided before the request: a POST may change the household (e.g. start a round).
                        let expected = try await world.expectation(route.gate, user: user, household: household)
                        let page =
                            route.method == "GET" ? try await browser.get(path) : try await browser.post(path, [])
                        tried += 1
                        if !expected.matches(page.status) {
                            mismatches.append(
                                "\(route.method) \(route.path) · \(name) · \(phase.rawValue): got \(page.status.code), "
                                    + "expected \(expected)")
                        }
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
            #expect(tried > 1000)
        }
    }
}
