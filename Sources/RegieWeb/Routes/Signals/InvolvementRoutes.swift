import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The known-household check ("wie is betrokken?"): anyone who may signal in a network can ask whether a
/// person is known there, which organisations are involved and whether a case is open — never what is in it.
struct InvolvementRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("who-is-involved") { request, context in try await check(request, context) }
    }

    private func check(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try await app.page("involved.title", context)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(.signal, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let query = request.uri.queryParameters
        let bsn = query["bsn"].map(String.init) ?? ""
        let family = query["family"].map(String.init) ?? ""
        let birth = query["birth"].map(String.init) ?? ""
        var values: [String: Any] = ["bsn": bsn, "family": family, "birth": birth, "networkName": network.name]
        let asked = !(bsn + family + birth).isEmpty
        var errors: [String: String] = [:]
        if !bsn.isEmpty && BSN(bsn) == nil { errors["bsn"] = "error.bsn_invalid" }
        if !birth.isEmpty && Day(birth) == nil { errors["birth"] = "error.date_invalid" }
        if asked && bsn.isEmpty && (family.isEmpty || birth.isEmpty) { errors["family"] = "error.involved_needs_facts" }
        let t = app.views.translations
        values["errors"] = errors.mapValues { t.text($0, context.locale) }
        if asked && errors.isEmpty {
            let person = SignalDraft.Person(
                givenName: "", familyName: family, birthDate: Day(birth), bsn: bsn,
                relation: .other)
            var matches: [(household: HouseholdID, version: Int64, reference: String)] = []
            for candidate in try await SignalStore.candidates(for: person, network: network.id, on: app.database.sql)
            where candidate.strength >= .familyNameAndBirthDate {
                guard let household = candidate.household, !matches.contains(where: { $0.household == household })
                else { continue }
                matches.append((household, candidate.householdVersion ?? 0, candidate.householdReference ?? "—"))
            }
            var results: [[String: Any]] = []
            for (grant, version, reference) in try await grants(matches, user: user, context) {
                let organisations = try await involvedOrganisations(grant, version: version, user: user)
                results.append([
                    "reference": reference,
                    "status": t.text("involved_status.\(grant.context.phase.rawValue)", context.locale),
                    "organisations": organisations.joined(separator: ", "),
                ])
            }
            values["asked"] = true
            values["results"] = results
            values["known"] = !results.isEmpty
        }
        return app.views.render(
            "who_is_involved", page: page, values: values,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The organisations involved with the grant's household, kept under its fact version and the directory's version
    /// read with the user (`WebApp.involvedOrganisations`); read afresh when the user came without that version.
    private func involvedOrganisations(_ grant: AccessGrant, version: Int64, user: SignedInUser) async throws
        -> [String]
    {
        let db = app.database.sql
        guard let frame = user.frame else { return try await HouseholdStore.involvedOrganisations(grant, on: db) }
        return try await app.involvedOrganisations.value(
            of: grant.context.household, stamp: "\(version):\(frame.directory)", day: Day(Date())
        ) { try await HouseholdStore.involvedOrganisations(grant, on: db) }
    }

    /// The grants to answer for the matched households, with the fact version each was decided at (read with the
    /// match), decided like a list's: on access contexts kept under each household's fact version
    /// (`HouseholdFactsCache`), and logged in one write. A refusal is decided again on a context read afresh, logged
    /// on its own and shown as such.
    private func grants(
        _ matches: [(household: HouseholdID, version: Int64, reference: String)], user: SignedInUser,
        _ context: AppRequestContext
    ) async throws -> [(AccessGrant, Int64, String)] {
        let versions = matches.map { (household: $0.household, version: $0.version) }
        let entries = try await app.householdEntries(versions, today: Day(Date()))
        let allowed = AccessGuard.decide(user.actor, .whoIsInvolved, contexts: entries.map(\.context))
        for match in matches where !allowed.contains(where: { $0.context.household == match.household }) {
            _ = try await AccessGuard.authorize(
                user.actor, .whoIsInvolved, household: match.household, requestID: context.requestID,
                database: app.database)
        }
        try await AccessGuard.record(allowed, requestID: context.requestID, database: app.database)
        return matches.compactMap { match in
            allowed.first { $0.context.household == match.household }.map { ($0, match.version, match.reference) }
        }
    }
}
