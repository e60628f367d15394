import Foundation
import RegieCore
import RegieStore

/// Open households per case director, per network, kept per app server while the network's households' fact stamp
/// stands: counting a network's appointments took a quarter of every case page at region scale. An appointment,
/// a closure and a hand-over each add a timeline event, which raises the stamp.
typealias CaseloadCache = StampedCache<NetworkID, [UserID: Int]>

extension WebApp {
    /// The caseloads of `network` now; the stamp is read first, so a kept count is never older than it says.
    func caseloads(in network: NetworkID, today: Day = Day(Date())) async throws -> [UserID: Int] {
        let stamp = try await HouseholdStore.factStamp(of: [network], on: database.sql)
        let database = database
        return try await caseloadCache.value(of: network, stamp: stamp, day: today) {
            try await DirectorStore.caseloads(in: network, on: database.sql)
        }
    }
}
