import Foundation
import RegieCore
import RegieStore

/// Open households per case director, per network, kept per app server while the network's households' fact stamp
/// stands: counting a network's appointments took a quarter of every case page at region scale. An appointment,
/// a closure and a hand-over each add a timeline event, which raises the stamp. The count comes from the
/// households' access contexts (each names its current case director), which the lists keep per fact version, so
/// after a change only the households that changed are read — not every appointment of the network.
typealias CaseloadCache = StampedCache<NetworkID, [UserID: Int]>

extension WebApp {
    /// The caseloads of `network` now; the stamp is read first, so a kept count is never older than it says.
    func caseloads(in network: NetworkID, today: Day = Day(Date())) async throws -> [UserID: Int] {
        let stamp = try await HouseholdStore.factStamp(of: [network], on: database.sql)
        return try await caseloadCache.value(of: network, stamp: stamp, day: today) {
            var loads: [UserID: Int] = [:]
            for entry in try await self.networkEntries(network, today: today).all {
                if let director = entry.context.caseDirector { loads[director, default: 0] += 1 }
            }
            return loads
        }
    }
}
