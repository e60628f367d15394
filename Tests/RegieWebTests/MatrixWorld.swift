import Foundation
import HTTPTypes
import HummingbirdTesting
import RegieCore
import RegieStore
import SQLKit
import Testing

@testable import RegieWeb

/// The people and households the authorisation matrix is tried with: one household per phase (intake, open case,
/// aftercare) and a signed-in browser for every role, inside and outside the care team.
struct MatrixWorld {
    struct User {
        let account: UserAccount
        var browser: Browser
    }

    /// What the policy says a request should get.
    enum Expected: CustomStringConvertible {
        case allowed
        case denied
        case reasonAsked

        func matches(_ status: HTTPResponse.Status) -> Bool {
            switch self {
            case .allowed: return status != .forbidden && status.code < 500
            case .denied: return status == .forbidden
            case .reasonAsked: return status == .unprocessableContent
            }
        }

        var description: String {
            switch self {
            case .allowed: return "not 403"
            case .denied: return "403"
            case .reasonAsked: return "422 (break-glass reason)"
            }
        }
    }

    let harness: Harness
    var users: [String: User]
    /// The household per phase, with the id of its signal and one of its members.
    let households: [CasePhase: HouseholdID]
    let signals: [HouseholdID: String]
    let members: [HouseholdID: String]

    static func make(_ harness: Harness, _ client: any TestClientProtocol) async throws -> MatrixWorld {
        let network = harness.network.id
        let accounts: [(String, String, Set<RoleAssignment>)] = [
            ("case_director_own", "eigen@test.nl", [RoleAssignment(role: .caseDirector, network: network)]),
            ("case_director_other", "ander@test.nl", [RoleAssignment(role: .caseDirector, network: network)]),
            ("partner_outside", "buiten@test.nl", [RoleAssignment(role: .partnerWorker, network: network)]),
            ("process_manager", "proces@test.nl", [RoleAssignment(role: .processManager, network: network)]),
            ("policy_officer", "beleid@test.nl", [RoleAssignment(role: .policyOfficer, network: network)]),
            ("support_staff", "steun@test.nl", [RoleAssignment(role: .supportStaff, network: network)]),
        ]
        var made: [String: UserAccount] = [:]
        for (name, email, roles) in accounts { made[name] = try await harness.user(email, roles) }
        var users: [String: User] = [:]
        for (name, email) in [
            ("network_director", "regisseur@test.nl"), ("partner_in_team", "partner@test.nl"),
            ("administrator", "beheer@test.nl"),
        ] + accounts.map({ ($0.0, $0.1) }) {
            var browser = Browser(client)
            _ = try await browser.login(email)
            let account = try #require(
                try await UserStore.findForLogin(email: email, on: harness.app.database.sql)?.user)
            users[name] = User(account: account, browser: browser)
        }
        var director = users["network_director"]!.browser
        var partner = users["partner_in_team"]!.browser
        var households: [CasePhase: HouseholdID] = [:]
        var signals: [HouseholdID: String] = [:]
        for (phase, family) in [(CasePhase.intake, "Bakker"), (.active, "Pietersen"), (.aftercare, "Visser")] {
            _ = try await partner.post("/signals/new", SignalTests.fields(family: family))
            let signal = try await CaseWorkTests.column(
                harness,
                "SELECT s.id AS v FROM signals s JOIN household_members m ON m.household_id = s.household_id "
                    + "JOIN persons p ON p.id = m.person_id WHERE p.family_name = '\(family)' LIMIT 1")[0]
            let household = try #require(
                try await SignalStore.household(ofSignal: signal, on: harness.app.database.sql))
            households[phase] = household
            signals[household] = signal
            guard phase != .intake else { continue }
            _ = try await director.post(
                "/signals/\(signal)/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
            _ = try await director.post(
                "/signals/\(signal)/information-round", [("organisation", harness.organisation.id.rawValue)])
            _ = try await director.post(
                "/signals/\(signal)/coordination", [("coordination", "open_case"), ("coordination_reason", "Matrix")])
            let page = "/cases/\(household.rawValue)"
            _ = try await director.post("\(page)/lawful-basis", [("basis", "legal_task"), ("basis_note", "Wmo")])
            _ = try await director.post(
                "\(page)/director",
                [
                    ("director", made["case_director_own"]!.id.rawValue), ("direction", "casusregie"),
                    ("director_from", Day(Date()).dutch),
                ])
            if phase == .aftercare {
                _ = try await director.post(
                    "\(page)/closure",
                    [
                        ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).dutch),
                        ("safety_check", "safe"), ("closure_safety_note", "Veilig"),
                    ])
            }
        }
        var members: [HouseholdID: String] = [:]
        for household in households.values {
            members[household] = try await CaseWorkTests.column(
                harness, "SELECT person_id AS v FROM household_members WHERE household_id = '\(household.rawValue)'")[0]
        }
        for (phase, household) in households {
            let context = try #require(
                try await HouseholdStore.accessContext(household, on: harness.app.database.sql))
            #expect(context.phase == phase, "the \(phase.rawValue) household is in its phase")
        }
        return MatrixWorld(harness: harness, users: users, households: households, signals: signals, members: members)
    }

    /// The route's path for this household: its id (or its signal's id), a member, and unknown ids elsewhere.
    func path(_ route: String, household: HouseholdID) -> String {
        route.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            switch part {
            case "{id}": return route.hasPrefix("/signals") ? signals[household]! : household.rawValue
            case "{person}": return members[household]!
            default: return part.hasPrefix("{") ? UUID().uuidString.lowercased() : String(part)
            }
        }
        .joined(separator: "/")
    }

    /// What the access policy says about this user on this household for a gate, with the household as it is now.
    func expectation(_ gate: AuthorisationMatrixTests.Gate, user: User, household: HouseholdID) async throws
        -> Expected
    {
        let db = harness.app.database.sql
        let context = try #require(try await HouseholdStore.accessContext(household, on: db))
        let actor = AccessActor(
            user: user.account.id, organisation: user.account.organisation,
            assignments: try await UserStore.roles(of: user.account.id, on: db))
        func allows(_ action: AccessAction) -> Bool {
            AccessPolicy.decide(actor: actor, action: action, context: context).allowed
        }
        switch gate {
        case .action(let action): return allows(action) ? .allowed : .denied
        case .casePage: return [.viewContent, .viewOwnPart, .viewProcess].contains(where: allows) ? .allowed : .denied
        case .breakGlass:
            if allows(.viewContent) { return .allowed }
            return AccessPolicy.mayAskBreakGlass(actor: actor, context: context) ? .reasonAsked : .denied
        case .elsewhere, .feature, .personal, .administration: return .allowed
        }
    }
}
