import Foundation
import RegieCore
import RegieStore

/// Open households per case director, per network, kept per app server while the network's households' fact stamp
/// stands: counting a network's appointments took a quarter of every case page at region scale. An appointment,
/// a closure and a hand-over each add a timeline event, which raises the stamp. The count comes from the
/// households' access contexts (each names its current case director), which the lists keep per fact version, so
/// after a change only the households that changed are read — not every appointment of the network.
typealias CaseloadCache = StampedCache<NetworkID, Caseloads>

/// The caseloads of one network at one reading of its entries, which the next count starts from: after a change
/// only the households changed since move a count, where counting all of them again (2,500 to 5,750 at region
/// scale) cost every case page after every new signal most of a millisecond.
struct Caseloads: Sendable {
    let entries: NetworkEntries
    let loads: [UserID: Int]

    /// Counted over every household of `entries`.
    init(counting entries: NetworkEntries) {
        var loads: [UserID: Int] = [:]
        for entry in entries.all {
            if let director = entry.context.caseDirector { loads[director, default: 0] += 1 }
        }
        self.entries = entries
        self.loads = loads
    }

    /// `earlier` brought to `entries`: each household changed since counts off its director then and on its director
    /// now. `nil` when `entries` cannot say what changed since `earlier` (read whole since, or too long ago).
    init?(entries: NetworkEntries, from earlier: Caseloads) {
        guard entries.day == earlier.entries.day, let changed = entries.versions.changed(since: earlier.entries.reading)
        else { return nil }
        var loads = earlier.loads
        for before in earlier.entries.entries(of: changed) {
            guard let director = before.context.caseDirector, let load = loads[director] else { continue }
            loads[director] = load > 1 ? load - 1 : nil
        }
        for now in entries.entries(of: changed) {
            if let director = now.context.caseDirector { loads[director, default: 0] += 1 }
        }
        self.entries = entries
        self.loads = loads
    }
}

extension WebApp {
    /// The caseloads of `network` now; the stamp is read first (or was, with a case's stamp: `CaseStamp.network`), so
    /// a kept count is never older than it says.
    func caseloads(in network: NetworkID, stamp given: String? = nil, today: Day = Day(Date())) async throws
        -> [UserID: Int]
    {
        var stamp = given ?? ""
        if given == nil { stamp = try await HouseholdStore.factStamp(of: [network], on: database.sql) }
        return try await caseloadCache.value(of: network, stamp: stamp, day: today) { earlier in
            let entries = try await self.networkEntries(network, today: today)
            return earlier.flatMap { Caseloads(entries: entries, from: $0) } ?? Caseloads(counting: entries)
        }.loads
    }
}
