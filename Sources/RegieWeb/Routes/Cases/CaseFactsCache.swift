import Foundation
import RegieCore
import RegieStore

/// The case page's facts per household, kept per app server under the household's fact version and the directory's
/// version: reading them was some thirty queries on every view, and a case discussed in a meeting is opened by
/// several people while nothing changes. Every change to a household raises its version (it is an event on its
/// timeline), every change to a name it shows raises the directory's, and both are read before the facts — so a kept
/// entry is never older than what the database says. The access decision is not kept: each view is decided and
/// logged for its own user first, and the facts are handed over under that user's grant.
typealias CaseFactsCache = StampedCache<HouseholdID, CaseFacts>

/// The network's people (for the choices of director, chair and workers), kept under the directory's version.
typealias NetworkPeopleCache = StampedCache<NetworkID, [CaseService.Person]>

extension WebApp {
    /// The case page's facts and the network's people for `grant`'s household, at `stamp` when the caller read it
    /// (before the facts; otherwise it is read here). The care budget is spent by every case of the network, so it
    /// is read afresh.
    func caseFacts(_ grant: AccessGrant, stamp: CaseStamp? = nil, today: Day = Day(Date())) async throws
        -> (facts: CaseFacts, people: [CaseService.Person])
    {
        let household = grant.context.household
        let read = stamp == nil ? try await DirectoryVersion.caseStamp(of: household, on: database.sql) : stamp
        guard let stamp = read else {
            throw StoreError.notFound("household")
        }
        let app = self
        let kept = "\(stamp.facts):\(stamp.directory)"
        var facts = try await caseFactsCache.value(of: household, stamp: kept, day: today) {
            try await CaseFacts.load(grant, app: app)
        }
        facts.grant = grant
        facts.stamp = kept
        if facts.profile.mandates.careBudget {
            facts.careBudget = try await CareBudgetStore.budget(of: facts.network.id, on: database.sql)
        }
        let network = facts.network.id
        let organisations = facts.organisations
        let people = try await networkPeople.value(of: network, stamp: "\(stamp.directory)", day: today) {
            try await CaseService(app: app).people(in: network, organisations: organisations)
        }
        return (facts, people)
    }
}
