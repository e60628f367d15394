import Foundation
import RegieCore
import RegieStore

/// The worklist on every user's home page: what needs them in the current network, each item derived from
/// recorded facts and the profile's norms — never from a flag — with why and since when. Directors, support
/// staff and process managers see the network's cases (process facts only); case directors their own
/// households; partners their requests, commitments and aftercare checks.
struct Worklist {
    let app: WebApp
    let context: AppRequestContext

    /// The items shown under `limit`, how many of each kind were left out, and the kept network part they are
    /// when they are exactly that (`WorklistRows.part`). Only the households of shown items are logged as seen — on
    /// every view, also when the network's part comes from the cache.
    func items(network: Network, profile: WorkflowProfile, limit: WorklistLimit, today: Day = Day(Date()))
        async throws -> (items: [WorklistItem], leftOut: [WorklistItem.Kind: Int], part: UInt64?)
    {
        guard let user = context.identity else { return ([], [:], nil) }
        let roles = user.actor.roles(in: network.id)
        let reviews = AccessPolicy.mayUse(.breakGlassReview, roles: roles)
        let answersHandovers = AccessPolicy.mayUse(.handovers, roles: roles)
        let (stamp, waiting) = try await stamp(
            of: network.id, for: user, reviews: reviews, answersHandovers: answersHandovers)
        let derivation = NetworkWorklist(
            app: app, user: user, network: network, profile: profile, limit: limit, today: today)
        let fromNetwork = try await app.networkWorklists.value(
            of: NetworkWorklist.Slot(
                actor: user.actor, network: network.id, limit: limit, profile: network.profileSettings),
            stamp: stamp, day: today
        ) { earlier in try await derivation.derive(earlier: earlier) }
        try await AccessGuard.record(fromNetwork.shownLog, requestID: context.requestID, database: app.database)
        // What is not the network's: rare for directors, whose page is then the kept part as it is.
        var items: [WorklistItem] = []
        if reviews && waiting.unreviewedAccesses > 0 {
            for entry in try await BreakGlassStore.unreviewed(in: network.id, on: app.database.sql) {
                items.append(
                    WorklistItem(
                        kind: .breakGlassReview, link: "/access/break-glass", reference: entry.reference,
                        why: "worklist.why.break_glass", whyValues: [entry.userName],
                        since: Day(Date(millis: entry.occurredAt)), due: nil))
            }
        }
        if answersHandovers && waiting.handoverOffers > 0 {
            for offer in try await HandoverStore.pending(to: network.id, on: app.database.sql) {
                items.append(
                    WorklistItem(
                        kind: .handoverOffer, link: "/handovers/\(offer.id)", reference: offer.fromNetworkName,
                        why: "worklist.why.handover", since: Day(offer.offeredAt), due: nil))
            }
        }
        if roles.contains(.partnerWorker) || roles.contains(.caseDirector) {
            items += try await partnerItems(user: user, network: network.id, today: today)
        }
        guard !items.isEmpty else { return (fromNetwork.items, fromNetwork.leftOut, fromNetwork.identity) }
        let (shown, more) = limit.apply(fromNetwork.items + items, item: { $0 })
        return (shown, fromNetwork.leftOut.merging(more, uniquingKeysWith: +), nil)
    }

    /// The network's fact stamp with what waits there for this user: as read with the session where it holds all
    /// the user needs, read now otherwise.
    private func stamp(of network: NetworkID, for user: SignedInUser, reviews: Bool, answersHandovers: Bool)
        async throws -> (String, HouseholdStore.Waiting)
    {
        if let known = user.frame?.stamps[network],
            let waiting = known.waiting(reviews: reviews, answersHandovers: answersHandovers)
        {
            return (known.stamp, waiting)
        }
        let db = app.database.sql
        return reviews || answersHandovers
            ? try await HouseholdStore.factStampWithWaiting(of: network, on: db)
            : (try await HouseholdStore.factStamp(of: [network], on: db), .nothing)
    }

    /// Information requests to answer and commitments to accept or complete.
    private func partnerItems(user: SignedInUser, network: NetworkID, today: Day) async throws -> [WorklistItem] {
        let db = app.database.sql
        var items: [WorklistItem] = []
        let asking = try await InformationRoundStore.households(
            askingOrganisation: user.account.organisation, in: network, on: db)
        let inRound = Set(
            try await app.householdEntries(try await HouseholdStore.factVersions(of: asking, on: db), today: today)
                .filter { $0.context.phase == .informationRound }.map(\.household))
        for household in asking where inRound.contains(household) {
            guard
                let grant = try? await AccessGuard.authorize(
                    user.actor, .viewIntake, household: household, requestID: context.requestID, database: app.database)
            else { continue }
            let reference = try await HouseholdStore.reference(grant, on: db)
            for request in try await InformationRoundStore.requests(grant, on: db)
            where request.organisation == user.account.organisation && request.answer == nil {
                items.append(
                    WorklistItem(
                        kind: .informationRequest, link: "/inbox", reference: reference,
                        why: "worklist.why.information_request", since: Day(request.askedAt), due: request.dueOn))
            }
        }
        for household in try await CommitmentStore.households(
            withOpenCommitmentsOf: user.account.id, in: network, on: db)
        {
            guard
                let grant = try? await AccessGuard.authorize(
                    user.actor, .viewOwnPart, household: household, requestID: context.requestID, database: app.database
                )
            else { continue }
            let reference = try await HouseholdStore.reference(grant, on: db)
            let asked = try await MonitoringStore.commitmentAnswerDays(grant, on: db)
            for commitment in try await OwnPartStore.commitments(grant, on: db).items
            where commitment.person == user.account.id {
                switch commitment.status {
                case .proposed:
                    items.append(
                        WorklistItem(
                            kind: .commitmentAnswer, link: "/inbox", reference: reference,
                            why: "worklist.why.commitment_answer", since: commitment.createdOn, due: nil))
                case .accepted:
                    items.append(
                        WorklistItem(
                            kind: .commitmentDone, link: "/inbox", reference: reference,
                            why: "worklist.why.commitment_done", since: asked[commitment.id] ?? commitment.createdOn,
                            due: commitment.dueOn))
                case .declined, .done, .ended: break
                }
            }
        }
        return items
    }
}
