import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The partner's side of the closed loop: in the inbox a partner accepts, declines (with a reason) or marks
/// done (with a note) the commitments they own.
struct CommitmentRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("commitments/:commitment") { request, context in try await respond(request, context) }
    }

    /// The open commitments of the signed-in user, per household, for the inbox.
    func inboxItems(_ context: AppRequestContext) async throws -> [[String: Any]] {
        guard let user = context.identity else { return [] }
        let t = app.views.translations
        var items: [[String: Any]] = []
        for network in user.actor.networks {
            for household in try await CommitmentStore.households(
                withOpenCommitmentsOf: user.account.id, in: network, on: app.database.sql)
            {
                guard
                    let grant = try? await AccessGuard.authorize(
                        user.actor, .viewOwnPart, household: household, requestID: context.requestID,
                        database: app.database)
                else { continue }
                let own = try await OwnPartStore.commitments(grant, on: app.database.sql)
                let goals = own.goals
                let reference = try await HouseholdStore.reference(grant, on: app.database.sql)
                for item in own.items
                where item.person == user.account.id && item.status.isOpen {
                    let attention = CommitmentAttention.of(
                        status: item.status, dueOn: item.dueOn, phase: grant.context.phase, today: Day(Date()))
                    items.append([
                        "id": item.id, "reference": reference, "description": item.description,
                        "due": item.dueOn?.dutch ?? "—", "status": t.text(item.status.textKey, context.locale),
                        "proposed": item.status == .proposed, "overdue": attention == .overdue,
                        "goal": goals.first { $0.key == item.goalKey }?.description ?? "",
                        "hasGoal": goals.contains { $0.key == item.goalKey },
                    ])
                }
            }
        }
        return items
    }

    private func respond(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let id = try context.parameters.require("commitment")
        let form = try await app.form(request, context)
        guard let household = try await CommitmentStore.household(ofCommitment: id, on: app.database.sql),
            let response = Commitment.Response(rawValue: form.value("response") ?? "")
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let grant = try await AccessGuard.authorize(
            user.actor, .addToOwnPart, household: household, requestID: context.requestID, database: app.database)
        do {
            try await app.database.write { db in
                try await CommitmentStore.respond(id, response, note: form.value("note") ?? "", grant: grant, on: db)
            }
        } catch StoreError.refused(let key) {
            return try await InformationRoundRoutes(app: app).inbox(
                context, notice: nil, problem: (id, key, form.value("note") ?? ""))
        }
        return .redirect(to: "/inbox?notice=notice.commitment_\(response.rawValue)", type: .found)
    }
}
