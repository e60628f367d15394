import Foundation
import Hummingbird
import RegieCore
import RegieStore
import SQLKit

/// The receiving side of a warm hand-over: the network directors of the network a household moved to see who
/// offers it, accept it — the persons and the case summary then enter their intake as a signal — or decline it
/// with a reason. Before acceptance nothing about the household is shown.
struct HandoverRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("handovers/:handover") { _, context in try await page(context, problems: [:], form: nil) }
        routes.post("handovers/:handover/accept") { request, context in try await accept(request, context) }
        routes.post("handovers/:handover/decline") { request, context in try await decline(request, context) }
    }

    /// The offer, for a network director of the receiving network only.
    private func offer(_ context: AppRequestContext) async throws -> HandoverStore.Offer {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        guard let offer = try await HandoverStore.find(try context.parameters.require("handover"), on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        guard AccessPolicy.mayUse(.handovers, roles: user.actor.roles(in: offer.toNetwork)) else {
            throw HTTPError(.forbidden, message: "error.forbidden")
        }
        return offer
    }

    private func page(_ context: AppRequestContext, problems: [String: String], form: FormData?) async throws
        -> Response
    {
        let offer = try await offer(context)
        let t = app.views.translations
        return app.views.render(
            "handover", page: try await app.page("handover.title", context),
            values: [
                "id": offer.id, "from": offer.fromNetworkName, "to": offer.toNetworkName, "by": offer.offeredBy,
                "at": DutchFormat.moment(offer.offeredAt), "open": offer.accepted == nil,
                "accepted": offer.accepted == true, "declined": offer.accepted == false,
                "declineReason": offer.declineReason,
                "signalLink": offer.toHousehold.map { "/cases/\($0.rawValue)" } ?? "",
                "errors": problems.mapValues { t.text($0, context.locale) },
                "reasonInput": form?.value("decline_reason") ?? "",
            ], status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func accept(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let offer = try await offer(context)
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        _ = try await app.form(request, context)
        guard offer.accepted == nil,
            let network = try await NetworkStore.find(offer.toNetwork, on: app.database.sql),
            let profile = app.profiles.profile(for: network)
        else { throw HTTPError(.conflict, message: "error.handover_decided") }
        let household = HouseholdID()
        let signal = try await AccessGuard.authorizeNewHousehold(
            user.actor, network: network.id, household: household, requestID: context.requestID,
            database: app.database
        ) { db in
            let recorded = try await SignalStore.record(
                offer.handover.signal(receivingDomains: profile.domains), network: network.id, household: household,
                reporter: user.actor, enteredBy: user.account.id, on: db)
            try await HandoverStore.decide(
                offer.id, accepted: true, household: recorded.household, by: user.account.id, on: db)
            try await tellSender(offer, on: db)
            return (recorded.signalID, recorded.household)
        }
        return .redirect(to: "/signals/\(signal)?notice=notice.handover_accepted", type: .found)
    }

    private func decline(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let offer = try await offer(context)
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let form = try await app.form(request, context)
        let reason = form.value("decline_reason") ?? ""
        if reason.trimmed.isEmpty {
            return try await page(context, problems: ["declineReason": "error.required"], form: form)
        }
        do {
            try await app.database.write { db in
                try await HandoverStore.decide(
                    offer.id, accepted: false, reason: reason, household: nil, by: user.account.id, on: db)
                try await tellSender(offer, on: db)
            }
        } catch StoreError.refused(let key) {
            return try await page(context, problems: ["general": key], form: form)
        }
        return .redirect(to: "/?notice=notice.handover_declined", type: .found)
    }

    /// Tells the director who offered the hand-over, and the sending network's directors, the answer.
    private func tellSender(_ offer: HandoverStore.Offer, on db: any SQLDatabase) async throws {
        let notifier = Notifier(app: app)
        try await notifier.tell(
            try await notifier.users(with: [.networkDirector], in: offer.fromNetwork, on: db), .handoverAnswered,
            household: offer.fromHousehold, network: offer.fromNetwork,
            reference: try await HouseholdStore.reference(of: offer.fromHousehold, on: db),
            key: "handover-answered:\(offer.id)", on: db)
    }
}
