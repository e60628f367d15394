import Foundation
import Logging
import RegieCore
import RegieStore

extension WebApp {
    /// Starts reading a network's figure facts in the background the first time someone who may see its figures
    /// opens a page in it. The first reading of a network's history takes a second or two at region scale; read
    /// while the director is on the worklist, the dashboard opens at once, and later changes are followed household
    /// by household. Each server does this once per network, only for networks in use, and never pushes out a
    /// reading that is kept for someone. The reading runs as the database's background work, so a shutdown waits
    /// for it.
    func readFiguresAhead(_ network: Network, for user: SignedInUser) async {
        guard AccessPolicy.mayUse(.figures, roles: user.actor.roles(in: network.id)),
            await figureFactsLedger.claimReadAhead([network.id])
        else { return }
        let app = self
        await database.inBackground {
            do {
                _ = try await app.figureFacts(in: [network])
            } catch {
                // The first view reads them itself then; a failure here must not reach anyone's page.
                Logger(label: "regie.figures").notice("reading figures ahead failed: \(error)")
            }
        }
    }
}
