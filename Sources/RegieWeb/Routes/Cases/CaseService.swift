import Foundation
import Hummingbird
import RegieCore
import RegieStore
import SQLKit

/// What every route on a household's case shares: finding the household, asking the access policy, and
/// running one user action in one transaction — showing the case page again with the problems and the
/// input kept when the action is refused.
struct CaseService {
    let app: WebApp

    /// The household of the `:id` in the path.
    func household(_ context: AppRequestContext) throws -> HouseholdID {
        let id = try context.parameters.require("id")
        guard UUID(uuidString: id) != nil else { throw HTTPError(.notFound, message: "error.not_found") }
        return HouseholdID(rawValue: id)
    }

    /// Decides and logs `action` on the household for the signed-in user.
    func grant(_ action: AccessAction, _ context: AppRequestContext, household: HouseholdID? = nil) async throws
        -> AccessGrant
    {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        do {
            return try await AccessGuard.authorize(
                user.actor, action, household: household ?? self.household(context), requestID: context.requestID,
                database: app.database)
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "error.not_found")
        }
    }

    /// Grants the first of `actions` the policy allows on the household (a page that shows as much as the user
    /// may see), logging only that one; throws the refusal of the first when none is allowed. Returns the case
    /// stamp it read first: the decision is made on the access context kept at that fact version (read afresh
    /// when none is), so a case opened again and again while nothing changes is decided without reading its
    /// care team, reporters, director and timeline every time, and the case facts are kept under the same stamp.
    /// The user's current network follows the case's (`WebApp.follow`).
    func grant(firstOf actions: [AccessAction], _ context: AppRequestContext) async throws
        -> (grant: AccessGrant, stamp: CaseStamp)
    {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let household = try household(context)
        guard let stamp = try await DirectoryVersion.caseStamp(of: household, on: app.database.sql),
            let entry = try await app.householdEntries([(household, stamp.facts)], today: Day(Date())).first
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let grant = try await AccessGuard.authorize(
            user.actor, firstOf: actions, context: entry.context, requestID: context.requestID,
            database: app.database)
        app.follow(grant.context.network, context)
        return (grant, stamp)
    }

    /// Runs one action on the case under an `action` grant in one transaction, then redirects back to the
    /// case (Post/Redirect/Get). Field problems and refusals show the case page again, nothing stored. An action
    /// that saves over a part of the file names it as `guarding`: see `performLeading`.
    func perform(
        _ request: Request, _ context: AppRequestContext, _ action: AccessAction, notice: String,
        guarding section: EditSection? = nil, back: ((HouseholdID) -> String)? = nil,
        again: ((FormData, [String: String]) async throws -> Response)? = nil,
        _ body: @escaping @Sendable (FormData, AccessGrant, any SQLDatabase) async throws -> Void
    ) async throws -> Response {
        let household = try household(context)
        let destination = "\(back?(household) ?? "/cases/\(household.rawValue)")?notice=\(notice)"
        return try await performLeading(request, context, action, guarding: section, again: again) { form, grant, db in
            try await body(form, grant, db)
            return destination
        }
    }

    /// `perform` for an action that itself says where the user goes next — for instance to the worklist when
    /// the action ends the user's access to the case, so nobody lands on a refusal after a successful save.
    ///
    /// With `guarding`, the form's `seen` (the position of the newest timeline event its page showed) is checked
    /// in the same transaction: when a colleague changed that part of the file since, nothing is saved and the
    /// case page shows what changed, with the user's input kept (HTTP 409). A post without `seen` (a script) is
    /// not checked; every form on the case page carries it.
    func performLeading(
        _ request: Request, _ context: AppRequestContext, _ action: AccessAction, guarding section: EditSection? = nil,
        again: ((FormData, [String: String]) async throws -> Response)? = nil,
        _ body: @escaping @Sendable (FormData, AccessGrant, any SQLDatabase) async throws -> String
    ) async throws -> Response {
        let form = try await app.form(request, context)
        let showAgain =
            again ?? { form, problems in
                try await CaseRoutes(app: app).casePage(context, form: form, problems: problems)
            }
        let destination: String
        let tooLong = form.fields(longerThan: TextLimit.characters)
        guard tooLong.isEmpty else {
            var problems = ["general": "error.text_too_long"]
            for name in tooLong { problems[Self.problemKey(name)] = "error.text_too_long" }
            return try await showAgain(form, problems)
        }
        do {
            let grant = try await grant(action, context)
            let seen = form.value("seen").flatMap { Int64($0) }
            destination = try await app.database.write { db in
                if let section, let seen,
                    !(try await TimelineStore.changes(to: section, since: seen, grant: grant, on: db)).isEmpty
                {
                    throw FieldProblems(["general": "error.stale_save", CaseView.staleKey: section.rawValue])
                }
                return try await body(form, grant, db)
            }
        } catch let problems as FieldProblems {
            return try await showAgain(form, problems.fields)
        } catch StoreError.refused(let key) {
            return try await showAgain(form, ["general": key])
        }
        return .redirect(to: destination, type: .found)
    }

    /// The problem key of a form field: `network_description` → `networkDescription`.
    static func problemKey(_ field: String) -> String {
        let parts = field.split(separator: "_")
        return
            ([parts.first.map(String.init) ?? ""] + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() })
            .joined()
    }

    /// Someone who can take part in a network's case work, with their organisation and roles there.
    struct Person: Sendable {
        let user: UserAccount
        let organisation: String
        var roles: Set<Role>
    }

    /// Everyone who can take part in the network's work — directors, case directors and partner workers —
    /// for owner, chair and participant choices. `organisations`, when the caller read them already, name each
    /// person's organisation.
    func people(in network: NetworkID, organisations: [Organisation]? = nil, on db: (any SQLDatabase)? = nil)
        async throws -> [Person]
    {
        let db = db ?? app.database.sql
        let known: [Organisation]
        if let organisations { known = organisations } else { known = try await OrganisationStore.all(on: db) }
        let names = Dictionary(uniqueKeysWithValues: known.map { ($0.id, $0.name) })
        var people: [UserID: Person] = [:]
        let held = try await UserStore.users(
            withAnyOf: [.networkDirector, .caseDirector, .partnerWorker], in: network, on: db)
        for (user, role) in held where user.active {
            people[user.id, default: Person(user: user, organisation: names[user.organisation] ?? "", roles: [])]
                .roles.insert(role)
        }
        return people.values.sorted { $0.user.name < $1.user.name }
    }

    /// The workflow profile of `network`.
    func profile(of network: NetworkID, on db: any SQLDatabase) async throws -> WorkflowProfile {
        guard let network = try await NetworkStore.find(network, on: db),
            let profile = app.profiles.profile(for: network)
        else { throw StoreError.notFound("network") }
        return profile
    }

    /// A day from a form field, or the problem for that field.
    static func day(_ form: FormData, _ name: String, field: String, into problems: inout [String: String]) -> Day? {
        guard let day = Day(form.value(name) ?? "") else {
            problems[field] = "error.date_invalid"
            return nil
        }
        return day
    }

    /// A meeting's start (day and hh:mm) and duration from a form, or the problems for those fields.
    static func meetingTime(
        _ form: FormData, day dayName: String, time timeName: String, fields: (day: String, time: String),
        into problems: inout [String: String]
    ) -> (start: Date, minutes: Int)? {
        let day = Self.day(form, dayName, field: fields.day, into: &problems)
        let parts = (form.value(timeName) ?? "").split(separator: ":").compactMap { Int($0) }
        let timeValid = parts.count == 2 && (0..<24).contains(parts[0]) && (0..<60).contains(parts[1])
        if !timeValid { problems[fields.time] = "error.time_invalid" }
        let minutes = Int(form.value("duration") ?? "") ?? 0
        if !(15...480).contains(minutes) { problems["duration"] = "error.duration" }
        guard let day, timeValid, (15...480).contains(minutes) else { return nil }
        return (day.date(hour: parts[0], minute: parts[1]), minutes)
    }
}
